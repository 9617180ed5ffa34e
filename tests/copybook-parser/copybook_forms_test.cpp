// Copybook forms IBM Enterprise COBOL accepts (issue 15): floating-point VALUE literals,
// literals joined with '&', a REDEFINES naming an item that itself redefines, literal
// continuation in free format, PROCEDURE-POINTER and FUNCTION-POINTER. Joined and
// continued literal texts were checked with cobc -std=ibm (DISPLAY of the item); sizes of
// pointers are IBM's under 31-bit addressing (Language Reference, USAGE clause).

#include <gtest/gtest.h>

#include <string>

#include "mfb/copybook/parse.hpp"

namespace mfb::copybook {
namespace {

parse_result parse_text(const std::string& text, source_format format = source_format::fixed) {
  parse_options opts;
  opts.format = format;
  return parse_copybook_text(text, "forms.cpy", opts);
}

std::string value_of(const parse_result& r, const std::string& path) {
  if (r.records.empty()) return "<no record>";
  const field* f = r.records.front().find(path);
  if (f == nullptr) return "<" + path + " not found>";
  return f->value ? *f->value : "<no value>";
}

TEST(CopybookForms, AmpersandJoinsAlphanumericLiteralsAcrossLines) {
  const parse_result r = parse_text(R"(
       01  NTC.
           05  HEADING   PIC X(20) VALUE 'PAYMENT ' & 'NOTICE'.
           05  FOOTER    PIC X(60) VALUE
               "PLEASE QUOTE " &
               'IT''S ' & "REF".
           05  CODE-X    PIC X(2) VALUE 'A'.
               88  CODE-AB        VALUE 'A' & 'B'.
)");
  ASSERT_TRUE(r.ok()) << to_string(r.diagnostics);
  EXPECT_EQ(value_of(r, "HEADING"), "PAYMENT NOTICE");
  EXPECT_EQ(value_of(r, "FOOTER"), "PLEASE QUOTE IT'S REF");
  const field* code = r.records.front().find("CODE-X");
  ASSERT_NE(code, nullptr);
  ASSERT_EQ(code->conditions.size(), 1u);
  EXPECT_EQ(code->conditions[0].values[0].from, "AB");
}

TEST(CopybookForms, FloatingPointLiteralsAreKeptAsWritten) {
  const parse_result r = parse_text(R"(
       01  ACT.
           05  RATE   COMP-1 VALUE 1.0E-2.
           05  CAP    COMP-2 VALUE -1.5E+10.
           05  FLOOR  COMP-2 VALUE +.25E1.
)");
  ASSERT_TRUE(r.ok()) << to_string(r.diagnostics);
  EXPECT_EQ(value_of(r, "RATE"), "1.0E-2");
  EXPECT_EQ(value_of(r, "CAP"), "-1.5E+10");
  EXPECT_EQ(value_of(r, "FLOOR"), "+.25E1");
}

TEST(CopybookForms, RedefinesChainIsAcceptedWithAWarningAtTheOriginalsOffset) {
  const parse_result r = parse_text(R"(
       01  AWD.
           05  ID-X   PIC X(2).
           05  A      PIC X(6).
           05  B      REDEFINES A PIC 9(6).
           05  C      REDEFINES B PIC X(4).
           05  D      PIC X.
)");
  ASSERT_TRUE(r.ok()) << to_string(r.diagnostics);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  const diagnostic& d = r.diagnostics.front();
  EXPECT_EQ(d.level, severity::warning);
  EXPECT_EQ(d.where.file, "forms.cpy");
  EXPECT_EQ(d.where.line, 6);
  EXPECT_EQ(d.where.column, 33);
  EXPECT_NE(d.message.find("'B', which itself redefines 'A'"), std::string::npos) << d.message;
  const record_layout& rec = r.records.front();
  const field* c = rec.find("C");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->offset, 2u);
  EXPECT_EQ(rec.fields[static_cast<std::size_t>(c->redefines)].name, "A");
  EXPECT_EQ(rec.find("D")->offset, 8u);
  EXPECT_EQ(rec.length, 9u);
}

TEST(CopybookForms, FreeFormatLiteralContinuationBothForms) {
  const parse_result r = parse_text(
      "01 APL.\n"
      "   05 OPENING PIC X(40) VALUE \"WE HAVE \"-\n"
      "      \"RECEIVED\".\n"
      "   05 CLOSING PIC X(20) VALUE 'YOURS -\n"
      "\n"
      "      'SINCERELY'.\n",
      source_format::free);
  ASSERT_TRUE(r.ok()) << to_string(r.diagnostics);
  EXPECT_EQ(value_of(r, "OPENING"), "WE HAVE RECEIVED");
  EXPECT_EQ(value_of(r, "CLOSING"), "YOURS SINCERELY");
}

TEST(CopybookForms, ContinuationAtTheEndOfTheFileIsAnErrorWithItsPlace) {
  const parse_result r = parse_text("01 R.\n   05 T PIC X(9) VALUE \"ABC\"-\n", source_format::free);
  ASSERT_FALSE(r.ok());
  const diagnostic& d = r.diagnostics.front();
  EXPECT_EQ(d.where.line, 2);
  EXPECT_EQ(d.where.column, 29);  // the hyphen
  EXPECT_NE(d.message.find("continued with '-' but the file ends"), std::string::npos);
}

TEST(CopybookForms, PointerSizesUnder31BitAddressing) {
  const parse_result r = parse_text(R"(
       01  EXT.
           05  P   USAGE POINTER.
           05  PP  USAGE PROCEDURE-POINTER.
           05  FP  FUNCTION-POINTER.
           05  X   PIC X.
)");
  ASSERT_TRUE(r.ok()) << to_string(r.diagnostics);
  const record_layout& rec = r.records.front();
  EXPECT_EQ(rec.find("PP")->offset, 4u);
  EXPECT_EQ(rec.find("PP")->length, 8u);
  EXPECT_EQ(rec.find("FP")->offset, 12u);
  EXPECT_EQ(rec.find("FP")->length, 4u);
  EXPECT_EQ(rec.length, 17u);
}

// IBM, BLANK WHEN ZERO clause: a numeric item with it is numeric-edited; S with it is an
// error (cobc -std=ibm: "cannot have S in PICTURE string and BLANK WHEN ZERO"), and so is
// an item that is not numeric DISPLAY.
TEST(CopybookForms, BlankWhenZeroMakesANumericItemNumericEdited) {
  const parse_result r = parse_text(R"(
       01  PAY.
           05  CNT   PIC 9(4) BLANK WHEN ZERO.
           05  AMT   PIC 9(5)V99 BLANK ZERO.
           05  PLAIN PIC 9(4).
)");
  ASSERT_TRUE(r.ok()) << to_string(r.diagnostics);
  EXPECT_EQ(r.records.front().find("CNT")->kind, category::numeric_edited);
  EXPECT_EQ(r.records.front().find("AMT")->kind, category::numeric_edited);
  EXPECT_EQ(r.records.front().find("AMT")->length, 7u);
  EXPECT_EQ(r.records.front().find("PLAIN")->kind, category::numeric);
  for (const char* bad : {"           05  S   PIC S9(4) BLANK WHEN ZERO.\n",
                          "           05  X   PIC X(4) BLANK WHEN ZERO.\n",
                          "           05  B   PIC 9(4) COMP BLANK WHEN ZERO.\n"}) {
    const parse_result e = parse_text(std::string("       01  R.\n") + bad);
    EXPECT_FALSE(e.ok()) << bad;
    ASSERT_FALSE(e.diagnostics.empty());
    EXPECT_EQ(e.diagnostics.front().where.line, 2) << bad;
  }
}

}  // namespace
}  // namespace mfb::copybook
