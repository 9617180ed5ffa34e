// Diagnostic: the compiler-style rendering (file:line:col: error: message, the line, a
// caret) and the locations the parser attaches to errors.

#include <gtest/gtest.h>

#include "mfb/copybook/diagnostic.hpp"
#include "mfb/copybook/parse.hpp"

namespace mfb::copybook {
namespace {

TEST(Diagnostic, RendersLineAndCaret) {
  diagnostic d;
  d.where = {"a.cpy", 3, 5};
  d.message = "bad thing";
  d.source_line = "   05 X.";
  EXPECT_EQ(to_string(d), "a.cpy:3:5: error: bad thing\n   05 X.\n    ^\n");
}

TEST(Diagnostic, CaretFollowsTabs) {
  diagnostic d;
  d.level = severity::warning;
  d.where = {"t.cpy", 1, 3};
  d.message = "m";
  d.source_line = "\t\tX";
  EXPECT_EQ(to_string(d), "t.cpy:1:3: warning: m\n\t\tX\n\t\t^\n");
}

TEST(Diagnostic, WithoutSourceLine) {
  diagnostic d;
  d.where = {"t.cpy", 0, 0};
  d.message = "cannot open";
  EXPECT_EQ(to_string(d), "t.cpy: error: cannot open\n");
}

TEST(Diagnostic, HasErrorsIgnoresWarnings) {
  std::vector<diagnostic> ds(1);
  ds[0].level = severity::warning;
  EXPECT_FALSE(has_errors(ds));
  ds.push_back({});
  EXPECT_TRUE(has_errors(ds));
  EXPECT_FALSE(has_errors({}));
}

TEST(Diagnostic, ParserPointsAtTheOffendingWord) {
  parse_result r = parse_copybook_text(
      "       01  REC.\n           05  A  PIC X(4) REDEFINES NOPE.\n", "rec.cpy");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(to_string(r.diagnostics[0]),
            "rec.cpy:2:38: error: REDEFINES names 'NOPE', which is not defined\n"
            "           05  A  PIC X(4) REDEFINES NOPE.\n"
            "                                     ^\n");
}

TEST(Diagnostic, SeveralErrorsInSourceOrder) {
  parse_result r = parse_copybook_text(
      "       01  REC.\n           05  A  PIC 9V9V9.\n           05  B  PIC.\n"
      "           05  C  PIC X.\n", "rec.cpy");
  ASSERT_EQ(r.diagnostics.size(), 2u) << to_string(r.diagnostics);
  // In line order, although the syntax error of line 3 is found in an earlier pass.
  EXPECT_EQ(r.diagnostics[0].where.line, 2);
  EXPECT_EQ(r.diagnostics[0].where.column, 26);  // the second V
  EXPECT_EQ(r.diagnostics[1].where.line, 3);
  EXPECT_EQ(r.diagnostics[1].message, "expected a PICTURE string after PIC, found '.'");
  EXPECT_FALSE(r.ok());
}

}  // namespace
}  // namespace mfb::copybook
