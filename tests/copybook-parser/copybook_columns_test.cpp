// Copybook sources beyond IBM's columns (--copybook-columns, Cobrix's comments_lbound and
// comments_ubound), literals of every kind joined with '&', and PIC X USAGE COMP under
// --cobrix. Expected offsets are IBM's for the same copybook at columns 7/8-72 (cobc
// -std=ibm lays those out in tests/cli/copybook_sources_test.py); joined values as cobc
// DISPLAYs them; the join rules as cobc -std=ibm accepts and refuses them.

#include <gtest/gtest.h>

#include <string>

#include "mfb/copybook/parse.hpp"

namespace mfb::copybook {
namespace {

parse_result parse_at(const std::string& text, int sequence_area, int last_column,
                      bool cobrix = false) {
  parse_options opts;
  opts.fixed_sequence_area = sequence_area;
  opts.fixed_right_margin = last_column;
  opts.cobrix_extensions = cobrix;
  return parse_copybook_text(text, "cols.cpy", opts);
}

const field& item(const parse_result& r, const std::string& path) {
  static const field none;
  if (r.records.empty()) return none;
  const field* f = r.records.front().find(path);
  return f ? *f : none;
}

TEST(CopybookColumns, NoSequenceAreaIndicatorInColumnOne) {
  // Written from column 1: '*' there is a comment, '-' continues a literal, and text past
  // column 40 (the last code column here) is cut off as IBM cuts past 72.
  const std::string text =
      " 01 REC.\n"
      "*   A COMMENT LINE\n"
      "     05 NAME PIC X(13) VALUE 'ABCDEF    THIS IS IGNORED\n"
      "-        'GHI'.                             IGNORED TOO\n"
      "     05 QTY  PIC 9(4).\n";
  const parse_result r = parse_at(text, 0, 40);
  ASSERT_TRUE(r.ok()) << to_string(r.diagnostics);
  EXPECT_EQ(item(r, "QTY").offset, 13U);
  ASSERT_TRUE(item(r, "NAME").value.has_value());
  // The literal runs to column 40, then resumes after the quote on the continuation line.
  EXPECT_EQ(*item(r, "NAME").value, "ABCDEF    GHI");
}

TEST(CopybookColumns, WideSequenceAreaAndAutomaticReadsFixed) {
  const std::string text =
      "0000000010 01 REC.\n"
      "0000000020*COMMENT\n"
      "0000000030     05 A PIC X(3).\n"
      "0000000040     05 B PIC S9(5) COMP-3.     SEQ-AND-JUNK\n";
  parse_options opts;  // format automatic: columns other than IBM's mean fixed format
  opts.fixed_sequence_area = 10;
  opts.fixed_right_margin = 40;
  const parse_result r = parse_copybook_text(text, "wide.cpy", opts);
  ASSERT_TRUE(r.ok()) << to_string(r.diagnostics);
  EXPECT_EQ(item(r, "B").offset, 3U);
  EXPECT_EQ(item(r, "B").length, 3U);
  EXPECT_EQ(r.records.front().length, 6U);
}

TEST(CopybookColumns, CodeInTheIndicatorColumnWarnsOncePerFile) {
  parse_options opts;
  opts.format = source_format::fixed;
  opts.fixed_sequence_area = 0;
  const parse_result r = parse_copybook_text("01 REC.\n 05 A PIC X.\n05 B PIC X.\n05 C PIC X.\n",
                                             "c.cpy", opts);
  ASSERT_TRUE(r.ok()) << to_string(r.diagnostics);
  EXPECT_EQ(r.records.front().length, 3U);
  ASSERT_EQ(r.diagnostics.size(), 1U) << to_string(r.diagnostics);
  EXPECT_NE(r.diagnostics[0].message.find("column 1 holds '0'"), std::string::npos);
}

TEST(CopybookConcatenation, HexAndNationalOperands) {
  const parse_result r = parse_at(R"(
       01  LCT.
           05  MARKER   PIC X(4) VALUE X'C1C2' & X'C3C4'.
           05  WELSH    PIC N(8) VALUE N'CYM' & N'RU'.
           05  CODE-N   PIC N(4) VALUE NX'0041' & N'B'.
           05  FLAG     PIC X(2) VALUE 'OK'.
               88  FLAG-SET      VALUE X'C1' & X'C2'.
)", 6, 72);
  ASSERT_TRUE(r.ok()) << to_string(r.diagnostics);
  EXPECT_TRUE(r.diagnostics.empty()) << to_string(r.diagnostics);
  EXPECT_EQ(*item(r, "MARKER").value, "C1C2C3C4");  // a hex literal's text: its digits
  EXPECT_EQ(*item(r, "WELSH").value, "CYMRU");
  EXPECT_EQ(item(r, "WELSH").length, 16U);
  ASSERT_EQ(item(r, "FLAG").conditions.size(), 1U);
  EXPECT_EQ(item(r, "FLAG").conditions[0].values[0].from, "C1C2");
}

TEST(CopybookConcatenation, HexWithTextWarnsAndCategoriesDoNotMix) {
  const parse_result mixed = parse_at(
      "       01  R.\n           05  P  PIC X(6) VALUE 'REF' & X'4B'.\n", 6, 72);
  ASSERT_TRUE(mixed.ok()) << to_string(mixed.diagnostics);
  ASSERT_EQ(mixed.diagnostics.size(), 1U);
  EXPECT_EQ(mixed.diagnostics[0].level, severity::warning);
  const parse_result bad = parse_at(
      "       01  R.\n           05  P  PIC N(6) VALUE 'AB' & N'CD'.\n", 6, 72);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(to_string(bad.diagnostics).find("not alphanumeric and national"), std::string::npos)
      << to_string(bad.diagnostics);
  // The error points at the national operand (column 41).
  EXPECT_EQ(bad.diagnostics[0].where.column, 41);
}

TEST(CobrixBinary, PicXCompIsBytesOnlyUnderCobrix) {
  const std::string text =
      "       01  T.\n           05  K  PIC X(4).\n           05  B  PIC X(5) COMP.\n"
      "           05  C  PIC X(3) BINARY.\n           05  D  PIC X(2) COMP-5.\n";
  EXPECT_FALSE(parse_at(text, 6, 72, false).ok());
  const parse_result r = parse_at(text, 6, 72, true);
  ASSERT_TRUE(r.ok()) << to_string(r.diagnostics);
  EXPECT_TRUE(item(r, "B").cobrix_binary);
  EXPECT_EQ(item(r, "B").length, 5U);
  EXPECT_EQ(item(r, "C").offset, 9U);
  EXPECT_EQ(item(r, "D").length, 2U);
  EXPECT_FALSE(item(r, "K").cobrix_binary);
  EXPECT_EQ(r.records.front().length, 14U);
  // COMP-3 on PIC X stays an error: packed digits are no bytes to keep.
  EXPECT_FALSE(parse_at("       01  T.\n           05  B  PIC X(5) COMP-3.\n", 6, 72, true).ok());
}

}  // namespace
}  // namespace mfb::copybook
