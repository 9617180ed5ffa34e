// text::json_doc: numbers kept as written, \u escapes to UTF-8 (the RFC 3629 section 7
// examples give the bytes), raw spans, and what RFC 8259 refuses.

#include <gtest/gtest.h>

#include <string>

#include "mfb/bridge/codec/text/json_reader.hpp"

namespace mfb::bridge::text {
namespace {

std::string parse_error(std::string_view text) {
  json_doc doc;
  std::string why;
  return doc.parse(text, why) ? std::string("parsed") : why;
}

TEST(text_json_reader, keeps_numbers_as_written) {
  json_doc doc;
  std::string why;
  const std::string text = R"({"A": 1234.50, "B":-0.0000000000000000000000000000001,)"
                           R"("C":123456789012345678901234567890123,"D":1E+3})";
  ASSERT_TRUE(doc.parse(text, why)) << why;
  const char* expected[] = {"1234.50", "-0.0000000000000000000000000000001",
                            "123456789012345678901234567890123", "1E+3"};
  std::uint32_t m = doc.node(doc.root()).first;
  for (const char* e : expected) {
    ASSERT_NE(m, json_none);
    EXPECT_EQ(doc.node(m).kind, json_kind::number);
    EXPECT_EQ(doc.text(doc.node(m)), e);
    m = doc.node(m).next;
  }
}

TEST(text_json_reader, unescapes_to_the_utf8_of_rfc3629) {
  json_doc doc;
  std::string why;
  // RFC 3629 section 7: U+0041 U+2262 U+0391 U+002E, and U+233B4 (a surrogate pair in JSON).
  ASSERT_TRUE(doc.parse(R"(["\u0041\u2262\u0391.", "\ud84c\udfb4"])", why)) << why;
  std::uint32_t first = doc.node(doc.root()).first;
  EXPECT_EQ(doc.text(doc.node(first)), "\x41\xE2\x89\xA2\xCE\x91\x2E");
  EXPECT_EQ(doc.text(doc.node(doc.node(first).next)), "\xF0\xA3\x8E\xB4");
}

TEST(text_json_reader, knows_each_values_text) {
  json_doc doc;
  std::string why;
  const std::string text = R"( { "K" : { "ID" : 7 } , "L" : [ 1 , "x,y" ] } )";
  ASSERT_TRUE(doc.parse(text, why)) << why;
  EXPECT_EQ(doc.raw(doc.node(doc.root())), R"({ "K" : { "ID" : 7 } , "L" : [ 1 , "x,y" ] })");
  std::uint32_t k = doc.member(doc.root(), "K");
  EXPECT_EQ(doc.raw(doc.node(k)), R"({ "ID" : 7 })");
  std::uint32_t l = doc.member(doc.root(), "L");
  EXPECT_EQ(doc.node(l).count, 2u);
  EXPECT_EQ(doc.raw(doc.node(l)), R"([ 1 , "x,y" ])");
  EXPECT_EQ(doc.member(doc.root(), "k"), json_none);  // names match exactly
}

TEST(text_json_reader, refuses_what_rfc8259_refuses) {
  EXPECT_NE(parse_error("[01]"), "parsed");
  EXPECT_NE(parse_error("[1.]"), "parsed");
  EXPECT_NE(parse_error("[-]"), "parsed");
  EXPECT_NE(parse_error("[1,]"), "parsed");
  EXPECT_NE(parse_error(R"({"a" 1})"), "parsed");
  EXPECT_NE(parse_error("[tru]"), "parsed");
  EXPECT_NE(parse_error(R"(["\x"])"), "parsed");
  EXPECT_NE(parse_error("{} {}"), "parsed");
  EXPECT_EQ(parse_error("[0, -1.5e-3, true, false, null]"), "parsed");
}

TEST(text_json_reader, refuses_deep_nesting_by_name) {
  std::string deep(json_doc::max_depth + 1, '[');
  deep += std::string(json_doc::max_depth + 1, ']');
  EXPECT_EQ(parse_error(deep).rfind("JSON nested too deeply", 0), 0u);
  std::string fine(json_doc::max_depth, '[');
  fine += std::string(json_doc::max_depth, ']');
  EXPECT_EQ(parse_error(fine), "parsed");
}

}  // namespace
}  // namespace mfb::bridge::text
