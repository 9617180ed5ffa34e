// A text OCCURS DEPENDING ON object: refused as IBM refuses it, unless the parse options name
// it as counted by an occurs map (--occurs-map); then accepted, and only that one.

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "mfb/copybook/parse.hpp"

namespace mfb::copybook {
namespace {

const char* const text_odo =
    "       01 R.\n"
    "          05 KIND     PIC X(1).\n"
    "          05 ITEMS OCCURS 0 TO 5 TIMES DEPENDING ON KIND.\n"
    "             10 V     PIC 9(2).\n";

parse_result parse_naming(std::vector<std::string> text_objects, const char* copybook) {
  parse_options o;
  o.text_odo_objects = std::move(text_objects);
  return parse_copybook_text(copybook, "t.cpy", o);
}

std::string first_error(const parse_result& r) {
  for (const auto& d : r.diagnostics)
    if (d.level == severity::error) return d.message;
  return {};
}

TEST(ResolverOccursMap, TextObjectRefusedWithoutMapNamingTheOption) {
  auto r = parse_copybook_text(text_odo, "t.cpy");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(first_error(r).find("--occurs-map"), std::string::npos) << first_error(r);
}

TEST(ResolverOccursMap, TextObjectAcceptedWhenNamed) {
  auto r = parse_naming({"kind"}, text_odo);  // case ignored
  ASSERT_TRUE(r.ok()) << first_error(r);
  const auto& l = r.records.at(0);
  const field* items = l.find("ITEMS");
  ASSERT_NE(items, nullptr);
  ASSERT_GE(items->depending_on, 0);
  EXPECT_EQ(l.fields[static_cast<std::size_t>(items->depending_on)].name, "KIND");
  EXPECT_EQ(l.length, 11u);      // 1 + 5 x 2
  EXPECT_EQ(l.min_length, 1u);   // OCCURS 0 TO 5
}

TEST(ResolverOccursMap, UnderscoreNamesAHyphenatedObject) {
  auto r = parse_naming({"ITEM_KIND"}, "       01 R.\n          05 ITEM-KIND PIC X(2).\n"
                                       "          05 T OCCURS 1 TO 3 DEPENDING ON ITEM-KIND PIC X.\n");
  EXPECT_TRUE(r.ok()) << first_error(r);
}

TEST(ResolverOccursMap, OtherTextObjectsStillRefused) {
  auto r = parse_naming({"OTHER"}, text_odo);
  EXPECT_FALSE(r.ok());
}

TEST(ResolverOccursMap, MappedNonTextNonIntegerObjectRefused) {
  auto r = parse_naming({"KIND"}, "       01 R.\n          05 KIND PIC 9V9.\n"
                                  "          05 T OCCURS 1 TO 3 DEPENDING ON KIND PIC X.\n");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(first_error(r).find("PIC X or PIC A"), std::string::npos) << first_error(r);
}

}  // namespace
}  // namespace mfb::copybook
