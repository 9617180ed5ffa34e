// record_selector: --select rules parsed, and records routed by a field's decoded text.

#include <gtest/gtest.h>

#include "decode_test_support.hpp"
#include "mfb/bridge/codec/record_selector.hpp"

namespace mfb::bridge {
namespace {

TEST(record_selector, parses_field_value_target) {
  auto r = parse_select_rule("REC-TYPE=H:HDR-REC");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->field, "REC-TYPE");
  EXPECT_EQ(r->values, std::vector<std::string>{"H"});
  EXPECT_EQ(r->target, "HDR-REC");
  auto colon = parse_select_rule("K=a:b:ALT");  // the last ':' separates the target
  ASSERT_TRUE(colon);
  EXPECT_EQ(colon->values, std::vector<std::string>{"a:b"});
  EXPECT_FALSE(parse_select_rule("K:ALT"));
  EXPECT_FALSE(parse_select_rule("=H:ALT"));
}

TEST(record_selector, parses_several_ids_with_escapes) {
  auto r = parse_select_rule("SEG = C , D,E\\,F\\\\ :STATIC-DETAILS");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->values, (std::vector<std::string>{"C", "D", "E,F\\"}));
  auto blank = parse_select_rule("SEG=:BLANK-REC");  // an empty value matches a blank field
  ASSERT_TRUE(blank);
  EXPECT_EQ(blank->values, std::vector<std::string>{""});
  EXPECT_FALSE(parse_select_rule("SEG=C\\D:ALT"));  // a backslash escapes only , and itself
}

const char* two_records = R"(       01  HDR.
           05  HDR-TYPE  PIC X.
           05  HDR-NAME  PIC X(3).
       01  DTL.
           05  DTL-TYPE  PIC X.
           05  DTL-AMT   PIC S9(5) COMP-3.
)";

TEST(record_selector, routes_by_trimmed_decoded_text) {
  auto parsed = copybook::parse_copybook_text(two_records, "t.cpy");
  ASSERT_TRUE(parsed.ok());
  auto page = ebcdic::code_page::open("cp037");
  std::vector<select_rule> rules{*parse_select_rule("HDR-TYPE=H:HDR"),
                                 *parse_select_rule("HDR-TYPE= D :DTL")};
  auto s = record_selector::build(parsed.records, "", rules, *page, {});
  ASSERT_TRUE(s) << s.err().message;
  ASSERT_EQ(s->plans().size(), 2u);
  auto h = test::from_hex("C8 C1C2C3");  // "HABC"
  auto d = test::from_hex("C4 00012C");  // "D", +12
  auto x = test::from_hex("E7 000000");  // "X"
  EXPECT_EQ(s->choose({1, 0, h.data(), h.size()}), 0);
  EXPECT_EQ(s->choose({2, 4, d.data(), d.size()}), 1);
  EXPECT_EQ(s->choose({3, 8, x.data(), x.size()}), -1);
  auto e = s->no_match({3, 8, x.data(), x.size()}, "in.dat");
  EXPECT_EQ(e.to_string(), "in.dat: record 3 (file offset 8): field HDR.HDR-TYPE at offset 0 "
                           "(bytes 0-0): no --select rule matches the value \"X\": E7");
}

// The Cobrix t05 data pads its 5-byte SEGMENT-ID with NUL bytes ("C" then 00 00 00 00): NUL
// counts as padding like a space, or no rule could ever match such a field.
TEST(record_selector, nul_padding_is_trimmed_like_spaces) {
  const char* seg = R"(       01  REC.
           05  SEG-ID    PIC X(5).
           05  BODY      PIC X(2).
           05  OTHER     REDEFINES BODY PIC X(2).
)";
  auto parsed = copybook::parse_copybook_text(seg, "t.cpy");
  ASSERT_TRUE(parsed.ok());
  auto page = ebcdic::code_page::open("cp037");
  std::vector<select_rule> rules{*parse_select_rule("SEG-ID=C:BODY"),
                                 *parse_select_rule("SEG-ID=P:OTHER")};
  auto s = record_selector::build(parsed.records, "", rules, *page, {});
  ASSERT_TRUE(s) << s.err().message;
  auto c = test::from_hex("C3 00000000 C1C1");  // "C" + 4 NUL
  auto p = test::from_hex("D7 40400040 C1C1");  // "P" + space, space, NUL, space
  auto x = test::from_hex("C3 C3000000 C1C1");  // "CC": not "C"
  EXPECT_GE(s->choose({1, 0, c.data(), c.size()}), 0);
  EXPECT_GE(s->choose({2, 7, p.data(), p.size()}), 0);
  EXPECT_NE(s->choose({1, 0, c.data(), c.size()}), s->choose({2, 7, p.data(), p.size()}));
  EXPECT_EQ(s->choose({3, 14, x.data(), x.size()}), -1);
}

// Cobrix's redefine_segment_id_map:0 = "BODY => C,D": several ids choose one alternative.
TEST(record_selector, several_ids_choose_one_target) {
  auto parsed = copybook::parse_copybook_text(R"(       01  REC.
           05  SEG-ID    PIC X(2).
           05  BODY      PIC X(2).
           05  OTHER     REDEFINES BODY PIC X(2).
)", "t.cpy");
  ASSERT_TRUE(parsed.ok());
  auto page = ebcdic::code_page::open("cp037");
  auto s = record_selector::build(parsed.records, "",
                                  {*parse_select_rule("SEG-ID=C,D:BODY"),
                                   *parse_select_rule("SEG-ID=P:OTHER")},
                                  *page, {});
  ASSERT_TRUE(s) << s.err().message;
  auto c = test::from_hex("C340 C1C1");  // "C "
  auto d = test::from_hex("C440 C1C1");  // "D "
  auto p = test::from_hex("D740 C1C1");  // "P "
  auto cd = test::from_hex("C3C4 C1C1");  // "CD": neither id
  EXPECT_EQ(s->choose({1, 0, c.data(), c.size()}), 0);
  EXPECT_EQ(s->choose({2, 4, d.data(), d.size()}), 0);
  EXPECT_EQ(s->choose({3, 8, p.data(), p.size()}), 1);
  EXPECT_EQ(s->choose({4, 12, cd.data(), cd.size()}), -1);
}

TEST(record_selector, needs_a_choice_when_there_are_several_records) {
  auto parsed = copybook::parse_copybook_text(two_records, "t.cpy");
  auto page = ebcdic::code_page::open("cp037");
  auto s = record_selector::build(parsed.records, "", {}, *page, {});
  ASSERT_FALSE(s);
  EXPECT_NE(s.err().message.find("HDR, DTL"), std::string::npos);
  auto one = record_selector::build(parsed.records, "dtl", {}, *page, {});
  ASSERT_TRUE(one);
  EXPECT_EQ(one->plans().front().type_name(), "DTL");
  auto unknown = record_selector::build(parsed.records, "", {*parse_select_rule("HDR-TYPE=H:NOPE")},
                                        *page, {});
  EXPECT_FALSE(unknown);
}

}  // namespace
}  // namespace mfb::bridge
