// Grammar: data description entries parsed into the syntax tree, and syntax errors
// reported with their position (expected values from the IBM Enterprise COBOL Language
// Reference syntax diagrams).

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ast.hpp"
#include "logical_source.hpp"
#include "resolver.hpp"

namespace mfb::copybook {
namespace {

struct parsed {
  detail::logical_source src;
  std::vector<ast::entry> entries;
  std::vector<diagnostic> diags;
};

parsed parse(const std::string& text) {
  parse_options opts;
  opts.format = source_format::free;
  parsed p;
  p.src = detail::read_copybook_text(text, "t.cpy", opts);
  p.entries = detail::parse_entries(p.src, p.diags);
  return p;
}

template <typename T>
const T* find_clause(const ast::entry& e) {
  for (const auto& c : e.clauses) {
    if (const T* t = boost::get<T>(&c)) return t;
  }
  return nullptr;
}

/// The clause of type T; a default one (and a test failure) when it is missing.
template <typename T>
const T& clause(const ast::entry& e) {
  static const T none{};
  const T* t = find_clause<T>(e);
  if (t == nullptr) ADD_FAILURE() << "clause missing";
  return t != nullptr ? *t : none;
}

TEST(Grammar, SimpleEntriesWithLevelsAndNames) {
  auto p = parse("01 REC.\n 05 A PIC X(5).\n 5 B PIC 9(3).\n");
  ASSERT_TRUE(p.diags.empty()) << to_string(p.diags);
  ASSERT_EQ(p.entries.size(), 3u);
  EXPECT_EQ(p.entries[0].level, 1u);
  EXPECT_EQ(*p.entries[0].name, "REC");
  EXPECT_EQ(p.entries[2].level, 5u);
  EXPECT_EQ(find_clause<ast::picture_clause>(p.entries[1])->text, "X(5)");
}

TEST(Grammar, ClausesInAnyOrderCaseInsensitiveWithSeparators) {
  auto p = parse("01 r. 05 amt value 0, comp-3; pic is s9(5)v99 sync.\n");
  ASSERT_TRUE(p.diags.empty()) << to_string(p.diags);
  const auto& e = p.entries[1];
  EXPECT_EQ(find_clause<ast::picture_clause>(e)->text, "s9(5)v99");
  EXPECT_EQ(ast::usage_of(find_clause<ast::usage_clause>(e)->word), ast::usage_kw::packed);
  ASSERT_NE(find_clause<ast::sync_clause>(e), nullptr);
  EXPECT_EQ(find_clause<ast::value_clause>(e)->items[0].from.text, "0");
}

TEST(Grammar, PictureStringEndsAtPeriodOrCommaFollowedBySpace) {
  auto p = parse("01 R.\n 05 A PIC ZZ,ZZ9.99-.\n 05 B PIC 9(5).99, VALUE 1.\n 05 C PIC X.");
  ASSERT_TRUE(p.diags.empty()) << to_string(p.diags);
  EXPECT_EQ(find_clause<ast::picture_clause>(p.entries[1])->text, "ZZ,ZZ9.99-");
  EXPECT_EQ(find_clause<ast::picture_clause>(p.entries[2])->text, "9(5).99");
  EXPECT_EQ(find_clause<ast::picture_clause>(p.entries[3])->text, "X");
}

TEST(Grammar, UsageWordsWithAndWithoutKeyword) {
  auto p = parse(
      "01 R.\n 05 A PIC S9(4) USAGE IS COMPUTATIONAL.\n 05 B PIC 9 COMP-4.\n"
      " 05 C PIC 9 BINARY.\n 05 D PIC 9 COMP-5.\n 05 E COMP-1.\n 05 F USAGE COMPUTATIONAL-2.\n"
      " 05 G PIC 9 PACKED-DECIMAL.\n 05 H POINTER.\n 05 I INDEX.\n 05 J PIC N NATIONAL.\n"
      " 05 K PIC G DISPLAY-1.\n 05 L PIC X DISPLAY.\n");
  ASSERT_TRUE(p.diags.empty()) << to_string(p.diags);
  using u = ast::usage_kw;
  std::vector<u> expected{u::binary, u::binary, u::binary, u::comp_5, u::comp_1, u::comp_2,
                          u::packed, u::pointer, u::index, u::national, u::display_1,
                          u::display};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const auto* c = find_clause<ast::usage_clause>(p.entries[i + 1]);
    ASSERT_NE(c, nullptr) << i;
    EXPECT_EQ(ast::usage_of(c->word), expected[i]) << c->word;
  }
  EXPECT_TRUE(find_clause<ast::usage_clause>(p.entries[1])->keyword);
  EXPECT_FALSE(find_clause<ast::usage_clause>(p.entries[2])->keyword);
}

TEST(Grammar, OccursFixedAndDependingWithKeysAndIndexes) {
  auto p = parse(
      "01 R.\n 05 N PIC 99.\n 05 T OCCURS 1 TO 10 TIMES DEPENDING ON N OF R\n"
      "   ASCENDING KEY IS K1 K2 DESCENDING K3 INDEXED BY IX1 IX2.\n 10 K1 PIC X.\n"
      " 05 U OCCURS 3.\n");
  ASSERT_TRUE(p.diags.empty()) << to_string(p.diags);
  const auto* o = find_clause<ast::occurs_clause>(p.entries[2]);
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->from, 1u);
  EXPECT_EQ(*o->to, 10u);
  EXPECT_EQ(o->depending_on->parts, (std::vector<std::string>{"N", "R"}));
  ASSERT_EQ(o->keys.size(), 2u);
  EXPECT_EQ(o->keys[0].names, (std::vector<std::string>{"K1", "K2"}));
  EXPECT_EQ(o->indexes, (std::vector<std::string>{"IX1", "IX2"}));
  const auto* fixed = find_clause<ast::occurs_clause>(p.entries[4]);
  EXPECT_EQ(fixed->from, 3u);
  EXPECT_FALSE(fixed->to.has_value());
}

TEST(Grammar, LiteralKinds) {
  auto p = parse(
      "01 R.\n 05 A PIC X(9) VALUE 'IT''S'.\n 05 B PIC X(3) VALUE \"A\"\"B\".\n"
      " 05 C PIC X(2) VALUE X'C1F0'.\n 05 D PIC N(2) VALUE N'AB'.\n 05 E PIC S9V9 VALUE -1.5.\n"
      " 05 F PIC X VALUE HIGH-VALUES.\n 05 G PIC X(3) VALUE ALL '*'.\n 05 H PIC 9 VALUE ZEROES.\n"
      " 05 I PIC 9V9 VALUE .5.\n");
  ASSERT_TRUE(p.diags.empty()) << to_string(p.diags);
  auto lit = [&](std::size_t i) { return clause<ast::value_clause>(p.entries.at(i)).items.at(0).from; };
  EXPECT_EQ(lit(1).text, "IT'S");
  EXPECT_EQ(lit(1).kind, ast::literal_kind::string);
  EXPECT_EQ(lit(2).text, "A\"B");
  EXPECT_EQ(lit(3).kind, ast::literal_kind::hex);
  EXPECT_EQ(lit(3).text, "C1F0");
  EXPECT_EQ(lit(4).kind, ast::literal_kind::national);
  EXPECT_EQ(lit(5).kind, ast::literal_kind::number);
  EXPECT_EQ(lit(5).text, "-1.5");
  EXPECT_EQ(lit(6).kind, ast::literal_kind::figurative);
  EXPECT_EQ(lit(6).text, "HIGH-VALUE");
  EXPECT_EQ(lit(7).kind, ast::literal_kind::all);
  EXPECT_EQ(lit(7).text, "*");
  EXPECT_EQ(lit(8).text, "ZERO");
  EXPECT_EQ(lit(9).text, ".5");
}

TEST(Grammar, ConditionValuesListsAndRanges) {
  auto p = parse("01 R.\n 05 S PIC 99.\n 88 OK VALUES ARE 1 THRU 5, 7 9 THROUGH 10.\n");
  ASSERT_TRUE(p.diags.empty()) << to_string(p.diags);
  const auto* v = find_clause<ast::value_clause>(p.entries[2]);
  ASSERT_EQ(v->items.size(), 3u);
  EXPECT_EQ(v->items[0].from.text, "1");
  EXPECT_EQ(v->items[0].thru->text, "5");
  EXPECT_FALSE(v->items[1].thru.has_value());
  EXPECT_EQ(v->items[2].thru->text, "10");
}

TEST(Grammar, RenamesSignJustifiedBlankAndIgnoredClauses) {
  auto p = parse(
      "01 R IS GLOBAL.\n 05 A PIC S9(3) SIGN IS LEADING SEPARATE CHARACTER.\n"
      " 05 B PIC X(3) JUST RIGHT.\n 05 C PIC 9(3) BLANK WHEN ZEROS.\n"
      " 05 D PIC X(8) DATE FORMAT IS YYYYMMDD.\n 05 E PIC X EXTERNAL.\n"
      "66 X RENAMES A THRU C.\n");
  ASSERT_TRUE(p.diags.empty()) << to_string(p.diags);
  const auto& s = clause<ast::sign_clause>(p.entries.at(1));
  EXPECT_EQ(s.position, ast::sign_kw::leading);
  EXPECT_TRUE(s.separate);
  EXPECT_NE(find_clause<ast::justified_clause>(p.entries[2]), nullptr);
  EXPECT_NE(find_clause<ast::blank_when_zero_clause>(p.entries[3]), nullptr);
  const auto* r = find_clause<ast::renames_clause>(p.entries[6]);
  EXPECT_EQ(r->from.parts.front(), "A");
  EXPECT_EQ(r->thru->parts.front(), "C");
}

TEST(Grammar, UnnamedItemAndMissingFinalPeriod) {
  auto p = parse("01 R.\n 05 PIC X(2).\n 05 FILLER PIC X\n");
  ASSERT_TRUE(p.diags.empty()) << to_string(p.diags);
  ASSERT_EQ(p.entries.size(), 3u);
  EXPECT_FALSE(p.entries[1].name.has_value());
  EXPECT_EQ(*p.entries[2].name, "FILLER");
}

TEST(Grammar, MissingPictureStringIsReportedWithWhatWasExpected) {
  auto p = parse("01 R.\n 05 A PIC.\n");
  ASSERT_EQ(p.diags.size(), 1u);
  EXPECT_EQ(p.diags[0].message, "expected a PICTURE string after PIC, found '.'");
  EXPECT_EQ(p.diags[0].where.line, 2);
  EXPECT_EQ(p.diags[0].where.column, 10);
}

TEST(Grammar, RecoversAtNextEntryAndReportsEveryError) {
  auto p = parse("01 R.\n 05 A PIC X(2) OCCURS.\n 05 B PIC X BOGUS.\n 05 C REDEFINES.\n 05 D PIC X.\n");
  ASSERT_EQ(p.diags.size(), 3u) << to_string(p.diags);
  EXPECT_EQ(p.diags[0].message, "expected the number of occurrences after OCCURS, found '.'");
  EXPECT_EQ(p.diags[1].message, "unexpected 'BOGUS' in the data description entry of B");
  EXPECT_EQ(p.diags[2].message,
            "expected the name of the redefined item after REDEFINES, found '.'");
  EXPECT_EQ(p.diags[2].where.line, 4);
  // Every entry survives (failed ones as placeholders), so the hierarchy is intact.
  ASSERT_EQ(p.entries.size(), 5u);
  EXPECT_EQ(*p.entries[4].name, "D");
}

TEST(Grammar, MissingPeriodBeforeALevelNumber) {
  auto p = parse("01 R.\n 05 A PIC X\n 05 B PIC X.\n");
  ASSERT_EQ(p.diags.size(), 1u);
  EXPECT_EQ(p.diags[0].message, "missing period before level number 05");
  EXPECT_EQ(p.entries.size(), 3u);
}

TEST(Grammar, UnclosedLiteral) {
  auto p = parse("01 R.\n 05 A PIC X(4) VALUE 'AB.\n 05 B PIC X.\n");
  ASSERT_EQ(p.diags.size(), 1u) << to_string(p.diags);
  EXPECT_EQ(p.diags[0].message, "missing closing quote for this literal");
  EXPECT_EQ(p.diags[0].where.column, 22);
}

}  // namespace
}  // namespace mfb::copybook
