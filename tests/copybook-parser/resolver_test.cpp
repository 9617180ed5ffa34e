// Resolver: sizes, offsets and semantic checks. Offsets and lengths below were checked
// with GnuCOBOL (cobc -std=ibm, LENGTH OF and address differences) unless a comment names
// the IBM rule instead (where GnuCOBOL differs from Enterprise COBOL: 4-byte POINTER,
// 2-byte national characters, binary SYNC on a fullword).

#include <gtest/gtest.h>

#include <string>

#include "mfb/copybook/parse.hpp"

namespace mfb::copybook {
namespace {

parse_result parse_text(const std::string& text, bool cobrix = false) {
  parse_options opts;
  opts.cobrix_extensions = cobrix;
  return parse_copybook_text(text, "test.cpy", opts);
}

/// The record of a copybook that must parse cleanly.
record_layout layout_of(const std::string& text) {
  parse_result r = parse_text(text);
  EXPECT_TRUE(r.ok()) << to_string(r.diagnostics);
  EXPECT_FALSE(r.records.empty());
  return r.records.empty() ? record_layout{} : r.records.front();
}

/// The one error message of a copybook that must fail.
std::string error_of(const std::string& text) {
  parse_result r = parse_text(text);
  EXPECT_EQ(r.diagnostics.size(), 1u) << to_string(r.diagnostics);
  return r.diagnostics.empty() ? std::string() : r.diagnostics.front().message;
}

::testing::AssertionResult at(const record_layout& r, const std::string& path, std::size_t offset,
                              std::size_t length) {
  const field* f = r.find(path);
  if (f == nullptr) return ::testing::AssertionFailure() << path << " not found";
  if (f->offset != offset || f->length != length) {
    return ::testing::AssertionFailure() << path << " at " << f->offset << "+" << f->length
                                         << ", expected " << offset << "+" << length;
  }
  return ::testing::AssertionSuccess();
}

TEST(Resolver, StorageSizesByUsage) {
  record_layout r = layout_of(R"(
       01  SIZES.
           05  B1    PIC S9(4)  COMP.
           05  B2    PIC 9(5)   BINARY.
           05  B3    PIC S9(9)  COMP-4.
           05  B4    PIC S9(10) COMP-5.
           05  B5    PIC 9(18)  COMP.
           05  P1    PIC S9(7)V99 COMP-3.
           05  P2    PIC 9(4)   PACKED-DECIMAL.
           05  P3    PIC S9(3)PPP COMP-3.
           05  F1    COMP-1.
           05  F2    COMP-2.
           05  Z1    PIC S9(5) SIGN LEADING SEPARATE.
           05  Z2    PIC S9(5) SIGN TRAILING.
           05  N1    PIC N(5).
           05  E1    PIC ZZ,ZZ9.99-.
           05  IX    INDEX.
           05  N2    PIC 9(3) USAGE NATIONAL.
           05  G1    PIC G(4) DISPLAY-1.
           05  PT    POINTER.
)");
  EXPECT_TRUE(at(r, "SIZES.B1", 0, 2));
  EXPECT_TRUE(at(r, "SIZES.B2", 2, 4));
  EXPECT_TRUE(at(r, "SIZES.B3", 6, 4));
  EXPECT_TRUE(at(r, "SIZES.B4", 10, 8));
  EXPECT_TRUE(at(r, "SIZES.B5", 18, 8));
  EXPECT_TRUE(at(r, "SIZES.P1", 26, 5));
  EXPECT_TRUE(at(r, "SIZES.P2", 31, 3));
  EXPECT_TRUE(at(r, "SIZES.P3", 34, 2));  // P positions take no storage
  EXPECT_TRUE(at(r, "SIZES.F1", 36, 4));
  EXPECT_TRUE(at(r, "SIZES.F2", 40, 8));
  EXPECT_TRUE(at(r, "SIZES.Z1", 48, 6));
  EXPECT_TRUE(at(r, "SIZES.Z2", 54, 5));
  EXPECT_TRUE(at(r, "SIZES.N1", 59, 10));
  EXPECT_TRUE(at(r, "SIZES.E1", 69, 10));
  EXPECT_TRUE(at(r, "SIZES.IX", 79, 4));
  // IBM rules (GnuCOBOL differs): a national decimal digit is 2 bytes, a DBCS character is
  // 2 bytes, a POINTER is 4 bytes (31-bit).
  EXPECT_TRUE(at(r, "SIZES.N2", 83, 6));
  EXPECT_TRUE(at(r, "SIZES.G1", 89, 8));
  EXPECT_TRUE(at(r, "SIZES.PT", 97, 4));
  EXPECT_EQ(r.length, 101u);
  EXPECT_EQ(r.find("SIZES.B4")->use, usage::comp_5);
  EXPECT_EQ(r.find("SIZES.B3")->use, usage::binary);
  EXPECT_EQ(r.find("SIZES.P1")->use, usage::packed_decimal);
  EXPECT_EQ(r.find("SIZES.Z1")->sign, sign_position::leading);
  EXPECT_TRUE(r.find("SIZES.Z1")->sign_separate);
  EXPECT_EQ(r.find("SIZES.Z2")->sign, sign_position::trailing);
  EXPECT_EQ(r.find("SIZES.N1")->kind, category::national);
  EXPECT_EQ(r.find("SIZES.G1")->kind, category::dbcs);
  EXPECT_EQ(r.find("SIZES.E1")->kind, category::numeric_edited);
  EXPECT_EQ(r.find("SIZES.P3")->picture->scale, -3);
}

TEST(Resolver, SyncSlackBytesBeforeAlignedItems) {
  record_layout r = layout_of(R"(
       01  SYNCREC.
           05  A     PIC X.
           05  H     PIC S9(4) COMP SYNC.
           05  B     PIC X.
           05  W     PIC S9(9) COMP SYNC.
           05  C     PIC X.
           05  D     COMP-2 SYNC.
           05  E     PIC X.
           05  F     COMP-1 SYNC.
)");
  EXPECT_TRUE(at(r, "SYNCREC.H", 2, 2));
  EXPECT_TRUE(at(r, "SYNCREC.W", 8, 4));
  EXPECT_TRUE(at(r, "SYNCREC.D", 16, 8));
  EXPECT_TRUE(at(r, "SYNCREC.F", 28, 4));
  EXPECT_EQ(r.length, 32u);
  EXPECT_EQ(r.find("SYNCREC.H")->slack_before, 1);
  EXPECT_EQ(r.find("SYNCREC.W")->slack_before, 3);
  EXPECT_TRUE(r.find("SYNCREC.D")->sync);
  EXPECT_FALSE(r.find("SYNCREC.A")->sync);
}

TEST(Resolver, SyncBinaryDoublewordIsFullwordAlignedAsIbmDoes) {
  // IBM Language Reference, SYNCHRONIZED: BINARY 5-18 digits on a fullword boundary
  // (cobc aligns 8-byte binary on 8 instead).
  record_layout r = layout_of(R"(
       01  R.
           05  A     PIC X(5).
           05  BIG   PIC S9(15) COMP SYNC.
)");
  EXPECT_TRUE(at(r, "R.BIG", 8, 8));
  EXPECT_EQ(r.length, 16u);
}

TEST(Resolver, InterOccurrenceSlackForTablesWithSyncItems) {
  // IBM: each occurrence is padded to a multiple of its strictest SYNC boundary.
  record_layout r = layout_of(R"(
       01  R.
           05  ID    PIC X(9).
           05  T     OCCURS 4.
               10  C  PIC X.
               10  D  PIC S9(4) COMP SYNC.
               10  M  PIC S9(9) COMP SYNC.
               10  N  PIC X(3).
)");
  EXPECT_TRUE(at(r, "R.T", 9, 12));
  EXPECT_TRUE(at(r, "R.T.D", 10, 2));
  EXPECT_TRUE(at(r, "R.T.M", 12, 4));
  EXPECT_EQ(r.find("R.T")->stride, 12u);
  EXPECT_EQ(r.length, 57u);
}

TEST(Resolver, RedefinesAreaIsItsLargestAlternative) {
  record_layout r = layout_of(R"(
       01  RDEF.
           05  A     PIC X(4).
           05  B     REDEFINES A PIC X(6).
           05  C     REDEFINES A.
               10  C1 PIC X(2).
           05  D     PIC X(3).
           05  G.
               10  G1 PIC X(2).
               10  G2 REDEFINES G1 PIC 9(5).
           05  T     PIC X.
       66  AB RENAMES A THRU D.
       66  DD RENAMES D.
)");
  EXPECT_TRUE(at(r, "RDEF.B", 0, 6));
  EXPECT_TRUE(at(r, "RDEF.C.C1", 0, 2));
  EXPECT_TRUE(at(r, "RDEF.D", 6, 3));
  EXPECT_TRUE(at(r, "RDEF.G", 9, 5));  // the larger G2 grows its group
  EXPECT_TRUE(at(r, "RDEF.T", 14, 1));
  EXPECT_TRUE(at(r, "RDEF.AB", 0, 9));
  EXPECT_TRUE(at(r, "RDEF.DD", 6, 3));
  EXPECT_EQ(r.length, 15u);
  const field* b = r.find("RDEF.B");
  EXPECT_EQ(r.fields[static_cast<std::size_t>(b->redefines)].name, "A");
  EXPECT_TRUE(r.find("RDEF.A")->redefined);
  const field* ab = r.find("RDEF.AB");
  EXPECT_EQ(ab->level, 66);
  EXPECT_EQ(r.fields[static_cast<std::size_t>(ab->renames_thru)].name, "D");
}

TEST(Resolver, OccursDependingOnMaximumMinimumAndVariablyLocated) {
  record_layout r = layout_of(R"(
       01  ODO.
           05  CNT   PIC 9(2).
           05  CNT2  PIC 9(2).
           05  TAB   OCCURS 2 TO 5 TIMES DEPENDING ON CNT.
               10  T1  PIC X(3).
               10  T2  PIC S9(3) COMP-3.
           05  AFTR  PIC X(4).
)");
  EXPECT_TRUE(at(r, "ODO.TAB", 4, 5));
  EXPECT_TRUE(at(r, "ODO.AFTR", 29, 4));
  EXPECT_EQ(r.length, 33u);
  EXPECT_EQ(r.min_length, 18u);  // 4 + 2 x 5 + 4
  EXPECT_TRUE(r.has_odo);
  const field* tab = r.find("ODO.TAB");
  EXPECT_EQ(tab->occurs_min, 2);
  EXPECT_EQ(tab->occurs_max, 5);
  EXPECT_EQ(r.fields[static_cast<std::size_t>(tab->depending_on)].name, "CNT");
  EXPECT_TRUE(r.find("ODO.AFTR")->variably_located);
  EXPECT_FALSE(r.find("ODO.TAB.T1")->variably_located);
}

TEST(Resolver, NestedFixedTables) {
  record_layout r = layout_of(R"(
       01  FX.
           05  HDR   PIC X(3).
           05  ROW   OCCURS 4.
               10  K   PIC 9(2).
               10  V   PIC X(3) OCCURS 2.
           05  TRL   PIC X.
)");
  EXPECT_TRUE(at(r, "FX.ROW", 3, 8));
  EXPECT_TRUE(at(r, "FX.ROW.V", 5, 3));
  EXPECT_TRUE(at(r, "FX.TRL", 35, 1));
  EXPECT_EQ(r.length, 36u);
}

TEST(Resolver, GroupUsageIsInheritedByItsItems) {
  record_layout r = layout_of(R"(
       01  INH.
           05  GRP   USAGE COMP-3.
               10  A  PIC S9(5).
               10  B  PIC S9(2).
           05  GB    BINARY.
               10  C  PIC 9(4).
               10  D  PIC S9(9).
)");
  EXPECT_TRUE(at(r, "INH.GRP.A", 0, 3));
  EXPECT_TRUE(at(r, "INH.GRP.B", 3, 2));
  EXPECT_TRUE(at(r, "INH.GB.C", 5, 2));
  EXPECT_TRUE(at(r, "INH.GB.D", 7, 4));
}

TEST(Resolver, ItemsBelowLevel01AreWrappedInARecordNamedAfterTheFile) {
  parse_result res = parse_copybook_text("       05  A PIC X(2).\n       05  B PIC 9(3).\n",
                                         "customer.cpy");
  ASSERT_TRUE(res.ok()) << to_string(res.diagnostics);
  ASSERT_EQ(res.records.size(), 1u);
  const record_layout& r = res.records[0];
  EXPECT_EQ(r.name, "CUSTOMER");
  EXPECT_TRUE(r.synthetic);
  EXPECT_EQ(r.length, 5u);
  EXPECT_TRUE(at(r, "B", 2, 3));
}

TEST(Resolver, SeveralRecordsAnd77Levels) {
  parse_result res = parse_text(R"(
       77  COUNTER  PIC S9(4) COMP.
       01  REC-A.
           05  A  PIC X(10).
       01  REC-B REDEFINES REC-A.
           05  B  PIC X(4).
       77  FLAG  PIC X.
)");
  ASSERT_TRUE(res.ok()) << to_string(res.diagnostics);
  ASSERT_EQ(res.records.size(), 4u);
  EXPECT_EQ(res.records[0].name, "COUNTER");
  EXPECT_EQ(res.records[0].length, 2u);
  EXPECT_EQ(res.records[1].length, 10u);
  EXPECT_EQ(res.records[2].length, 4u);
  EXPECT_EQ(res.records[3].length, 1u);
}

TEST(Resolver, NonContiguousLevelNumbers) {
  // 07 after 10 closes the 10 item; 07 is still above 05, so H belongs to G (cobc agrees).
  record_layout r = layout_of(R"(
       01  R.
           05  G.
               10  G1 PIC X(2).
             07  H   PIC X(3).
           05  I   PIC X.
)");
  EXPECT_TRUE(at(r, "R.G", 0, 5));
  EXPECT_TRUE(at(r, "R.G.H", 2, 3));
  EXPECT_TRUE(at(r, "R.I", 5, 1));
}

TEST(Resolver, ConditionsAndValues) {
  record_layout r = layout_of(R"(
       01  R.
           05  S  PIC 99 VALUE 7.
               88  LOW   VALUES 1 THRU 5, 7.
               88  HIGH  VALUE 99.
)");
  const field* s = r.find("R.S");
  ASSERT_EQ(s->conditions.size(), 2u);
  EXPECT_EQ(s->conditions[0].name, "LOW");
  ASSERT_EQ(s->conditions[0].values.size(), 2u);
  EXPECT_EQ(s->conditions[0].values[0].from, "1");
  EXPECT_EQ(*s->conditions[0].values[0].thru, "5");
  EXPECT_TRUE(s->conditions[0].values[0].is_numeric);
  EXPECT_EQ(*s->value, "7");
}

TEST(Resolver, SemanticErrors) {
  EXPECT_EQ(error_of("       01 R.\n         05 A PIC X.\n         05 B PIC X.\n"
                     "         05 C REDEFINES A PIC X.\n"),
            "REDEFINES target 'A' is not the preceding item at level 05");
  EXPECT_EQ(error_of("       01 R.\n         05 A PIC X OCCURS 2.\n         05 C REDEFINES A PIC X.\n"),
            "cannot REDEFINE 'A' because it has an OCCURS clause");
  EXPECT_EQ(error_of("       01 R.\n         05 A PIC X(3).\n         05 T OCCURS 1 TO 3 DEPENDING ON A PIC X.\n"),
            "ODO object 'A' must be an integer numeric item; a text object needs an occurs map "
            "(--occurs-map, Cobrix's occurs_mappings) to give its counts");
  EXPECT_EQ(error_of("       01 R.\n         05 A PIC X(3) COMP.\n"),
            "PICTURE X(3) is not numeric, so it cannot have USAGE COMP");
  EXPECT_EQ(error_of("       01 R.\n         05 A PIC S9(19) COMP.\n"),
            "binary item A has 19 digits; at most 18 are allowed");
  EXPECT_EQ(error_of("       01 R.\n         05 A.\n"),
            "elementary item A needs a PICTURE clause (or USAGE COMP-1, COMP-2, POINTER or INDEX)");
  EXPECT_EQ(error_of("       01 R.\n         05 N PIC 9.\n         05 A PIC 9 OCCURS 5 TO 2 DEPENDING ON N.\n"),
            "OCCURS 5 TO 2: the minimum is larger than the maximum");
  EXPECT_EQ(error_of("       01 R.\n         05 A COMP-1 PIC 9.\n"),
            "a USAGE COMP-1 item must not have a PICTURE clause (item A)");
  EXPECT_EQ(error_of("       01 R OCCURS 2.\n         05 A PIC X.\n"),
            "OCCURS is not allowed at level 01 (item R)");
  EXPECT_EQ(error_of("       01 R.\n         05 A PIC X.\n         05 B PIC X.\n"
                     "       66 C RENAMES B THRU A.\n"),
            "RENAMES B THRU A: A must follow B and not be part of it");
  EXPECT_EQ(error_of("       01 R.\n         05 A PIC X OCCURS 2.\n       66 C RENAMES A.\n"),
            "cannot RENAME 'A': it is (or is inside) an OCCURS table");
  EXPECT_EQ(error_of("       01 R.\n         05 A PIC X(2) SIGN LEADING.\n"),
            "the SIGN clause needs a signed numeric DISPLAY item (PICTURE with S): A");
}

TEST(Resolver, AllErrorsOfAFileAreReported) {
  parse_result r = parse_text(R"(
       01  R.
           05  A  PIC S9V9V9.
           05  B  PIC X(2) COMP-3.
           05  C  REDEFINES NOPE PIC X.
           05  D  PIC X OCCURS 2 TO 4 DEPENDING ON NOPE2.
)");
  ASSERT_EQ(r.diagnostics.size(), 4u) << to_string(r.diagnostics);
  EXPECT_EQ(r.diagnostics[0].where.line, 3);
  EXPECT_EQ(r.diagnostics[3].where.line, 6);
}

TEST(Resolver, CobrixExtensionsAreOptIn) {
  const char* text = "       01 R.\n         05 A PIC 9(20) BINARY.\n         05 B PIC 9(37) BINARY.\n";
  EXPECT_FALSE(parse_text(text).ok());
  parse_result r = parse_text(text, true);
  ASSERT_TRUE(r.ok()) << to_string(r.diagnostics);
  // Cobrix t24 layout: 9(20) BINARY is 9 bytes, 9(37) BINARY is 16 bytes.
  EXPECT_TRUE(at(r.records[0], "R.A", 0, 9));
  EXPECT_TRUE(at(r.records[0], "R.B", 9, 16));
}

}  // namespace
}  // namespace mfb::copybook
