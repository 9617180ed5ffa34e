// Binary integers: two's complement facts worked by hand (X'FFFF' is -1, X'270F' is 9999),
// and TRUNC(STD) against TRUNC(BIN) limits as IBM documents them.

#include "mfb/ebcdic/binary.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace mfb::ebcdic {
namespace {

constexpr binary_format std_fmt(int digits, bool is_signed = true, byte_order o = byte_order::big) {
  return {is_signed, digits, truncation::standard, o};
}
constexpr binary_format bin_fmt(bool is_signed = true, byte_order o = byte_order::big) {
  return {is_signed, 18, truncation::binary, o};
}

decode_status dec(const std::string& hex, binary_format f, std::int64_t& out) {
  const std::vector<std::uint8_t> b = test::from_hex(hex);
  return decode_binary(b.data(), b.size(), f, out);
}

std::string enc(int128_t v, std::size_t len, binary_format f, decode_status expect = decode_status::ok) {
  std::uint8_t buf[8] = {};
  EXPECT_EQ(encode_binary(v, len, f, buf), expect);
  return test::to_hex(buf, len);
}

TEST(Binary, DecodesBigAndLittleEndian) {
  std::int64_t v = 0;
  ASSERT_EQ(dec("FFFF", std_fmt(4), v), decode_status::ok);
  EXPECT_EQ(v, -1);
  ASSERT_EQ(dec("270F", std_fmt(4), v), decode_status::ok);
  EXPECT_EQ(v, 9999);
  ASSERT_EQ(dec("0F27", std_fmt(4, true, byte_order::little), v), decode_status::ok);
  EXPECT_EQ(v, 9999);
  ASSERT_EQ(dec("FFFFFFFE", std_fmt(9), v), decode_status::ok);
  EXPECT_EQ(v, -2);
  ASSERT_EQ(dec("80", bin_fmt(), v), decode_status::ok);
  EXPECT_EQ(v, -128);
  ASSERT_EQ(dec("80", bin_fmt(false), v), decode_status::ok);
  EXPECT_EQ(v, 128);
  ASSERT_EQ(dec("8000000000000000", bin_fmt(), v), decode_status::ok);
  EXPECT_EQ(v, INT64_MIN);
  ASSERT_EQ(dec("FFFF", bin_fmt(false), v), decode_status::ok);
  EXPECT_EQ(v, 65535);
}

TEST(Binary, TruncStdLimitsToPictureDigits) {
  std::int64_t v = 0;
  EXPECT_EQ(dec("2710", std_fmt(4), v), decode_status::out_of_range);  // 10000 in S9(4)
  EXPECT_EQ(dec("D8F0", std_fmt(4), v), decode_status::out_of_range);  // -10000
  ASSERT_EQ(dec("2710", bin_fmt(), v), decode_status::ok);
  EXPECT_EQ(v, 10000);
  EXPECT_EQ(dec("3B9ACA00", std_fmt(9), v), decode_status::out_of_range);  // 10^9
  EXPECT_EQ(dec("0DE0B6B3A7640000", std_fmt(18), v), decode_status::out_of_range);  // 10^18
}

TEST(Binary, WideFormHoldsUnsignedEightBytes) {
  const std::vector<std::uint8_t> b = test::from_hex("FFFFFFFFFFFFFFFF");
  std::int64_t v = 0;
  EXPECT_EQ(decode_binary(b.data(), 8, bin_fmt(false), v), decode_status::overflow);
  int128_t w = 0;
  ASSERT_EQ(decode_binary_wide(b.data(), 8, bin_fmt(false), w), decode_status::ok);
  EXPECT_EQ(w, static_cast<int128_t>(UINT64_MAX));
  ASSERT_EQ(decode_binary_wide(b.data(), 8, bin_fmt(true), w), decode_status::ok);
  EXPECT_EQ(w, -1);
}

TEST(Binary, RejectsOddLengths) {
  std::int64_t v = 0;
  EXPECT_EQ(dec("000000", bin_fmt(), v), decode_status::invalid_length);
  EXPECT_EQ(dec("", bin_fmt(), v), decode_status::invalid_length);
  EXPECT_EQ(dec("0000", std_fmt(0), v), decode_status::invalid_length);
}

TEST(Binary, EncodesWithinLimits) {
  EXPECT_EQ(enc(-1, 2, std_fmt(4)), "FFFF");
  EXPECT_EQ(enc(9999, 2, std_fmt(4, true, byte_order::little)), "0F27");
  EXPECT_EQ(enc(32767, 2, bin_fmt()), "7FFF");
  EXPECT_EQ(enc(-32768, 2, bin_fmt()), "8000");
  EXPECT_EQ(enc(65535, 2, bin_fmt(false)), "FFFF");
  EXPECT_EQ(enc(static_cast<int128_t>(UINT64_MAX), 8, bin_fmt(false)), "FFFFFFFFFFFFFFFF");
  enc(32768, 2, bin_fmt(), decode_status::out_of_range);
  enc(-32769, 2, bin_fmt(), decode_status::out_of_range);
  enc(65536, 2, bin_fmt(false), decode_status::out_of_range);
  enc(-1, 2, bin_fmt(false), decode_status::out_of_range);
  enc(10000, 2, std_fmt(4), decode_status::out_of_range);
  enc(-10000, 4, std_fmt(4), decode_status::out_of_range);
  enc(1, 3, bin_fmt(), decode_status::invalid_length);
}

TEST(Binary, RandomRoundTrips) {
  std::mt19937_64 rng(11);
  const std::size_t lens[] = {1, 2, 4, 8};
  for (int i = 0; i < 200000; ++i) {
    const std::size_t len = lens[rng() % 4];
    const binary_format f{rng() % 2 == 0, 1 + static_cast<int>(rng() % 18),
                          rng() % 2 ? truncation::binary : truncation::standard,
                          rng() % 2 ? byte_order::big : byte_order::little};
    std::uint8_t b[8];
    for (auto& x : b) x = static_cast<std::uint8_t>(rng());
    int128_t v = 0;
    if (decode_binary_wide(b, len, f, v) != decode_status::ok) continue;
    std::uint8_t again[8];
    ASSERT_EQ(encode_binary(v, len, f, again), decode_status::ok);
    ASSERT_EQ(test::to_hex(again, len), test::to_hex(b, len));
  }
}

}  // namespace
}  // namespace mfb::ebcdic
