// text_trim.hpp: the trimming of --trim / --trim-rule on UTF-8 text (DBCS, NATIONAL, mixed
// and --ascii fields) and on single-byte text through a blank table. Expected values from
// the definitions: `space` removes U+0020 and U+3000 (the DBCS space, IBM's 0x4040);
// `java` removes every character <= U+0020, as java.lang.String.trim, and keeps U+3000.

#include <gtest/gtest.h>

#include <array>
#include <string>

#include "codec/text_trim.hpp"

namespace mfb::bridge {
namespace {

std::string trimmed(std::string text, text_trim t, trim_rule rule) {
  const char* s = text.data();
  std::size_t n = text.size();
  detail::trim_utf8_text(t, rule, s, n);
  return std::string(s, n);
}

TEST(text_trim, utf8_ends_as_the_policy_says) {
  const std::string text = std::string(" \t\xE3\x80\x80" "a b\x01 ") + "\xE3\x80\x80";
  EXPECT_EQ(trimmed(text, text_trim::none, trim_rule::space), text);
  EXPECT_EQ(trimmed(text, text_trim::right, trim_rule::space), std::string(" \t\xE3\x80\x80" "a b\x01"));
  EXPECT_EQ(trimmed(text, text_trim::left, trim_rule::space),
            std::string("\t\xE3\x80\x80" "a b\x01 \xE3\x80\x80"));
  EXPECT_EQ(trimmed(text, text_trim::both, trim_rule::space),
            std::string("\t\xE3\x80\x80" "a b\x01"));
  // Java: the TAB and 0x01 go, the ideographic spaces stay.
  EXPECT_EQ(trimmed(text, text_trim::both, trim_rule::java),
            std::string("\xE3\x80\x80" "a b\x01 \xE3\x80\x80"));
  EXPECT_EQ(trimmed("   ", text_trim::both, trim_rule::java), "");
  EXPECT_EQ(trimmed("", text_trim::both, trim_rule::space), "");
}

TEST(text_trim, every_blank_byte_of_a_table_is_trimmed) {
  std::array<bool, 256> blank{};
  blank[0x40] = blank[0x00] = blank[0x4A] = true;  // three bytes that read as a space
  const std::uint8_t bytes[] = {0x00, 0x40, 0xC1, 0x4A, 0xC2, 0x4A, 0x00, 0x40};
  const std::uint8_t* p = bytes;
  std::size_t len = sizeof bytes;
  detail::trim_bytes(text_trim::both, blank.data(), p, len);
  EXPECT_EQ(p, bytes + 2);
  EXPECT_EQ(len, 3u);
  p = bytes;
  len = 3;  // 00 40 C1: only leading blanks, right trim keeps all
  detail::trim_bytes(text_trim::right, blank.data(), p, len);
  EXPECT_EQ(len, 3u);
}

TEST(text_trim, unset_display_fields) {
  plan_op text;
  text.code = op_code::text;
  text.length = 3;
  plan_op zoned = text;
  zoned.code = op_code::zoned;
  plan_op packed = text;
  packed.code = op_code::packed;
  const std::uint8_t nul[] = {0, 0, 0};
  const std::uint8_t mixed[] = {0x40, 0, 0x40};
  EXPECT_TRUE(detail::unset_display(text, nul, 0x40));
  EXPECT_FALSE(detail::unset_display(text, mixed, 0x40));
  EXPECT_TRUE(detail::unset_display(zoned, mixed, 0x40));
  EXPECT_FALSE(detail::unset_display(zoned, mixed, 0x20));
  EXPECT_FALSE(detail::unset_display(packed, nul, 0x40));  // 0x000000 is a packed bad sign, not unset
}

}  // namespace
}  // namespace mfb::bridge
