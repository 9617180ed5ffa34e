// --occurs-map: the two spellings read into one map, hostile text refused with the part at
// fault, values compared as decoded and trimmed, the check against a layout, and the record
// decoder counting a text ODO object through its map. Record bytes are cp037 as IBM's code
// page defines it (C1 = 'A', C2 = 'B', F0-F9 = digits, 40 = space).

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "decode_test_support.hpp"
#include "mfb/bridge/codec/occurs_map_parse.hpp"
#include "mfb/bridge/io/occurs_map.hpp"

namespace mfb::bridge {
namespace {

using test_helpers::decode_hex;

const char* const text_odo =
    "       01 R.\n"
    "          05 KIND     PIC X(2).\n"
    "          05 ITEMS OCCURS 0 TO 3 TIMES DEPENDING ON KIND.\n"
    "             10 V     PIC 9(2).\n";

occurs_map map_of(const std::string& text) {
  occurs_map m;
  EXPECT_EQ(add_occurs_map(m, text), "");
  return m;
}

std::string why_of(const std::string& text) {
  occurs_map m;
  return add_occurs_map(m, text);
}

TEST(occurs_map, json_and_short_form_read_alike) {
  for (const char* text : {R"({"KIND": {"A": 1, "B": 3}})", "KIND=A:1,B:3", " KIND = A : 1 , B:3 "}) {
    occurs_map m = map_of(text);
    ASSERT_EQ(m.fields.size(), 1u) << text;
    EXPECT_EQ(m.fields[0].field, "KIND");
    EXPECT_EQ(m.fields[0].count_of("A"), 1) << text;
    EXPECT_EQ(m.fields[0].count_of("B"), 3) << text;
    EXPECT_EQ(m.fields[0].count_of("C"), -1) << text;
  }
  // a value holding ':' in the short form: the item's last ':' separates the count
  EXPECT_EQ(map_of("KIND=A:B:2").fields[0].count_of("A:B"), 2);
}

TEST(occurs_map, hostile_text_names_the_part_at_fault) {
  EXPECT_NE(why_of("[1, 2]").find("object of fields"), std::string::npos);
  EXPECT_NE(why_of(R"({"KIND": 3})").find("object of values"), std::string::npos);
  EXPECT_NE(why_of(R"({"KIND": {"A": 1e2}})").find("'1e2'"), std::string::npos);
  EXPECT_NE(why_of(R"({"KIND": {"A": 2147483648}})").find("2147483647"), std::string::npos);
  EXPECT_NE(why_of(R"({"KIND": {"A": null}})").find("must be a number"), std::string::npos);
  EXPECT_NE(why_of(R"({"KIND": {"A": 1}, "kind": {"B": 2}})").find("mapped twice"), std::string::npos);
  EXPECT_NE(why_of(R"({"": {"A": 1}})").find("field name is empty"), std::string::npos);
  EXPECT_NE(why_of(R"({"KIND": {"A": 1)").find("bad JSON"), std::string::npos);
  EXPECT_NE(why_of("KIND=A:x").find("'x'"), std::string::npos);
  EXPECT_NE(why_of("KIND").find("FIELD=VALUE:COUNT"), std::string::npos);
  EXPECT_NE(why_of("").find("empty"), std::string::npos);
}

TEST(occurs_map, names_compare_without_case_and_with_underscore_for_hyphen) {
  EXPECT_TRUE(occurs_names_equal("item_kind", "ITEM-KIND"));
  EXPECT_FALSE(occurs_names_equal("ITEMKIND", "ITEM-KIND"));
}

TEST(occurs_map, values_are_decoded_and_trimmed_as_java_trims) {
  auto page = ebcdic::code_page::open("cp037");
  ASSERT_TRUE(page);
  occurs_map m = map_of("KIND=A:1,:0");
  std::string value;
  const std::vector<std::uint8_t> padded = {0x40, 0xC1, 0x40, 0x00};  // " A " + NUL
  EXPECT_EQ(mapped_count(m.fields[0], *page, padded.data(), padded.size(), value), 1);
  EXPECT_EQ(value, "A");
  const std::vector<std::uint8_t> blank = {0x40, 0x40, 0x40, 0x40};
  EXPECT_EQ(mapped_count(m.fields[0], *page, blank.data(), blank.size(), value), 0);
  const std::vector<std::uint8_t> other = {0xC2, 0x40, 0x40, 0x40};
  EXPECT_EQ(mapped_count(m.fields[0], *page, other.data(), other.size(), value), -1);
  EXPECT_EQ(value, "B");
}

TEST(occurs_map, check_names_text_odo_objects_only) {
  copybook::parse_options o;
  o.text_odo_objects = {"KIND"};
  auto parsed = copybook::parse_copybook_text(text_odo, "t.cpy", o);
  ASSERT_TRUE(parsed.ok());
  occurs_map good = map_of("kind=A:1");
  EXPECT_EQ(check_occurs_map(&good, parsed.records), "");
  occurs_map table = map_of("ITEMS=A:1");
  EXPECT_NE(check_occurs_map(&table, parsed.records).find("not the DEPENDING ON object"),
            std::string::npos);
  occurs_map absent = map_of("NOPE=A:1");
  EXPECT_NE(check_occurs_map(&absent, parsed.records).find("NOPE"), std::string::npos);
  EXPECT_EQ(check_occurs_map(nullptr, parsed.records), "");
}

decode_plan text_odo_plan(const std::string& map_text) {
  copybook::parse_options o;
  o.text_odo_objects = {"KIND"};
  auto parsed = copybook::parse_copybook_text(text_odo, "t.cpy", o);
  decode_options opts;
  opts.fixed_length_records = true;  // F records: the table's unused elements are in each
  opts.occurs = std::make_shared<occurs_map>(map_of(map_text));
  auto page = ebcdic::code_page::open("cp037");
  auto plan = decode_plan::compile(parsed.records.at(0), *page, opts);
  if (!plan) throw std::runtime_error(plan.err().message);
  return std::move(plan).value();
}

TEST(occurs_map, decoder_counts_a_text_object_through_its_map) {
  decode_plan plan = text_odo_plan("KIND=A:1,B:3,Z:4");
  // "A " then one element 07, the rest of the table unused
  auto one = decode_hex(plan, "C140 F0F7 F0F0 F0F0");
  ASSERT_TRUE(one.ok) << (one.errors.empty() ? "" : one.errors[0].to_string());
  EXPECT_EQ(one.text, "{\"KIND\":\"A\",\"ITEMS\":[{\"V\":7}]}\n");
  auto three = decode_hex(plan, "C240 F0F1 F0F2 F0F3");
  ASSERT_TRUE(three.ok);
  EXPECT_EQ(three.text, "{\"KIND\":\"B\",\"ITEMS\":[{\"V\":1},{\"V\":2},{\"V\":3}]}\n");
  // a value the map lacks: a bad record naming the field, its offset and the value
  auto missing = decode_hex(plan, "C340 F0F1 F0F2 F0F3", 5, 40);
  EXPECT_FALSE(missing.ok);
  ASSERT_EQ(missing.errors.size(), 1u);
  EXPECT_EQ(missing.errors[0].field_path, "R.KIND");
  EXPECT_EQ(missing.errors[0].record_number, 5u);
  EXPECT_EQ(missing.errors[0].field_offset, 0u);
  EXPECT_NE(missing.errors[0].reason.find("'C'"), std::string::npos) << missing.errors[0].reason;
  // a mapped count above OCCURS 3: bad too, never clamped
  auto over = decode_hex(plan, "E940 F0F1 F0F2 F0F3");
  EXPECT_FALSE(over.ok);
  ASSERT_FALSE(over.errors.empty());
  EXPECT_NE(over.errors[0].reason.find("count 4 outside 0 to 3"), std::string::npos);
}

TEST(occurs_map, plan_without_a_map_for_a_text_object_is_refused) {
  copybook::parse_options o;
  o.text_odo_objects = {"KIND"};
  auto parsed = copybook::parse_copybook_text(text_odo, "t.cpy", o);
  auto page = ebcdic::code_page::open("cp037");
  auto plan = decode_plan::compile(parsed.records.at(0), *page, decode_options{});
  ASSERT_FALSE(plan);
  EXPECT_NE(plan.err().message.find("--occurs-map"), std::string::npos);
}

}  // namespace
}  // namespace mfb::bridge
