// ebcdic::hex_of and append_hex_bytes; expected text from Python's bytes.hex().

#include <gtest/gtest.h>

#include <cstdint>

#include "mfb/ebcdic/hex.hpp"

namespace mfb::ebcdic {
namespace {

TEST(text_hex, spaced_uppercase_for_messages) {
  const std::uint8_t bytes[] = {0x00, 0x12, 0x3C, 0xFF};
  EXPECT_EQ(hex_spaced(bytes, sizeof bytes), "00 12 3C FF");  // bytes(...).hex(' ').upper()
  EXPECT_EQ(hex_spaced(bytes, 0), "");
}

TEST(text_hex, spells_bytes_in_lowercase) {
  const std::uint8_t bytes[] = {0x00, 0xAB, 0xFF, 0x10};
  EXPECT_EQ(hex_of(bytes, sizeof bytes), "00abff10");  // bytes([0,0xab,0xff,0x10]).hex()
}

TEST(text_hex, reads_either_case_and_refuses_odd_or_bad_text) {
  std::string out;
  ASSERT_TRUE(append_hex_bytes("00AbfF10", out));
  EXPECT_EQ(out, std::string("\x00\xab\xff\x10", 4));
  EXPECT_FALSE(append_hex_bytes("abc", out));
  EXPECT_FALSE(append_hex_bytes("zz", out));
  EXPECT_EQ(out.size(), 4u);
}

}  // namespace
}  // namespace mfb::ebcdic
