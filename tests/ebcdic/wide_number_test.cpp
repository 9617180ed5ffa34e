// Cobrix's numbers past IBM's limits: zoned and packed of 32-38 digits, binaries of 9-16
// bytes. Expected values are Python's integers of the same bytes (int.to_bytes, and the
// packed/zoned encodings written by hand from IBM's rules in Python).

#include "mfb/ebcdic/wide_number.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace mfb::ebcdic {
namespace {

std::vector<std::uint8_t> hex(const std::string& h) {
  std::vector<std::uint8_t> out;
  for (std::size_t i = 0; i + 1 < h.size(); i += 2)
    out.push_back(static_cast<std::uint8_t>(std::stoul(h.substr(i, 2), nullptr, 16)));
  return out;
}

std::string text(int128_t v) {
  decimal d;
  d.unscaled = v;
  char buf[64];
  return std::string(buf, format_decimal(d, buf));
}

std::vector<std::uint8_t> zoned_digits(const std::string& digits) {
  std::vector<std::uint8_t> out;
  for (char c : digits) out.push_back(static_cast<std::uint8_t>(0xF0 | (c - '0')));
  return out;
}

TEST(WideNumber, Zoned38DigitsWithATrailingOverpunch) {
  auto b = zoned_digits(std::string(38, '9'));
  b.back() = 0xD9;  // -9 in the last zone
  int128_t v = 0;
  ASSERT_EQ(decode_zoned_wide(b.data(), b.size(), {zoned_sign::trailing_overpunch}, v),
            decode_status::ok);
  EXPECT_EQ(text(v), "-" + std::string(38, '9'));
  auto unsigned37 = zoned_digits("1234567890123456789012345678901234567");
  ASSERT_EQ(decode_zoned_wide(unsigned37.data(), 37, {zoned_sign::none}, v), decode_status::ok);
  EXPECT_EQ(text(v), "1234567890123456789012345678901234567");
  unsigned37[20] = 0x40;  // a space among the digits
  EXPECT_NE(decode_zoned_wide(unsigned37.data(), 37, {zoned_sign::none}, v), decode_status::ok);
  auto thirty_nine = zoned_digits(std::string(39, '1'));
  EXPECT_EQ(decode_zoned_wide(thirty_nine.data(), 39, {zoned_sign::none}, v),
            decode_status::invalid_length);
}

TEST(WideNumber, Packed38Digits) {
  const auto b = hex("098765432109876543210987654321098765432d");
  int128_t v = 0;
  ASSERT_EQ(decode_packed_wide(b.data(), b.size(), 38, true, v), decode_status::ok);
  EXPECT_EQ(text(v), "-98765432109876543210987654321098765432");
  auto bad = b;
  bad[5] = 0x1A;  // a nibble above 9
  EXPECT_EQ(decode_packed_wide(bad.data(), bad.size(), 38, true, v), decode_status::invalid_digit);
  EXPECT_EQ(decode_packed_wide(b.data(), b.size() - 1, 38, true, v),
            decode_status::invalid_length);
}

TEST(WideNumber, BinariesOf9To16Bytes) {
  int128_t v = 0;
  const binary_format unsigned20{false, 20, truncation::standard, byte_order::big};
  const auto b9 = hex("00ab54a98ceb1f0ad2");
  ASSERT_EQ(decode_binary_long(b9.data(), 9, unsigned20, v), decode_status::ok);
  EXPECT_EQ(text(v), "12345678901234567890");
  const binary_format signed20{true, 20, truncation::standard, byte_order::big};
  const auto minus5 = hex("fffffffffffffffffb");
  ASSERT_EQ(decode_binary_long(minus5.data(), 9, signed20, v), decode_status::ok);
  EXPECT_EQ(text(v), "-5");
  const auto max127 = hex("7fffffffffffffffffffffffffffffff");
  const binary_format full{false, 37, truncation::binary, byte_order::big};
  ASSERT_EQ(decode_binary_long(max127.data(), 16, full, v), decode_status::ok);
  EXPECT_EQ(text(v), "170141183460469231731687303715884105727");  // 2**127 - 1
  // TRUNC(STD): 2^127 - 1 has 39 digits, more than the picture's 37.
  const binary_format std37{false, 37, truncation::standard, byte_order::big};
  EXPECT_EQ(decode_binary_long(max127.data(), 16, std37, v), decode_status::out_of_range);
  // 2^127 does not fit a signed 128-bit integer: refused, never wrapped.
  const auto two127 = hex("80000000000000000000000000000000");
  EXPECT_EQ(decode_binary_long(two127.data(), 16, full, v), decode_status::out_of_range);
  EXPECT_EQ(decode_binary_long(two127.data(), 8, full, v), decode_status::invalid_length);
  EXPECT_EQ(decode_binary_long(two127.data(), 17, full, v), decode_status::invalid_length);
}

}  // namespace
}  // namespace mfb::ebcdic
