// Packed decimal. Expected bytes follow IBM's documented layout (Enterprise COBOL
// Programming Guide, "Examples: numeric data and internal representation": +1234 in
// PIC S9(4) COMP-3 is X'01234C', -1234 is X'01234D', unsigned 1234 is X'01234F').
// Random values are checked against a byte-by-byte reference written here.

#include "mfb/ebcdic/packed.hpp"

#include <algorithm>
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace mfb::ebcdic {
namespace {

using test::from_hex;

decode_status dec(const std::string& hex, int digits, bool is_signed, int128_t& out) {
  const std::vector<std::uint8_t> b = from_hex(hex);
  return decode_packed(b.data(), b.size(), digits, is_signed, out);
}

std::string enc(int128_t v, int digits, bool is_signed, decode_status expect = decode_status::ok) {
  std::uint8_t buf[16] = {};
  EXPECT_EQ(encode_packed(v, digits, is_signed, buf), expect);
  return test::to_hex(buf, packed_length(digits));
}

// Straightforward reference: one nibble at a time.
decode_status reference_decode(const std::uint8_t* p, std::size_t len, bool is_signed, int128_t& out) {
  int128_t v = 0;
  for (std::size_t i = 0; i < 2 * len - 1; ++i) {
    const unsigned nib = (i % 2 == 0) ? p[i / 2] >> 4 : p[i / 2] & 0xFu;
    if (nib > 9) return decode_status::invalid_digit;
    v = v * 10 + nib;
  }
  const unsigned sign = p[len - 1] & 0xFu;
  const bool neg = sign == 0xB || sign == 0xD;
  const bool ok = is_signed ? sign >= 0xA : (sign == 0xC || sign == 0xF);
  if (!ok) return std::all_of(p, p + len, [](std::uint8_t b) { return b == 0x40; })
                     ? decode_status::not_numeric_spaces
                     : decode_status::invalid_sign;
  out = neg ? -v : v;
  return decode_status::ok;
}

TEST(Packed, DecodesIbmExamples) {
  int128_t v = 0;
  ASSERT_EQ(dec("01234C", 4, true, v), decode_status::ok);
  EXPECT_EQ(v, 1234);
  ASSERT_EQ(dec("01234D", 4, true, v), decode_status::ok);
  EXPECT_EQ(v, -1234);
  ASSERT_EQ(dec("01234F", 4, false, v), decode_status::ok);
  EXPECT_EQ(v, 1234);
  ASSERT_EQ(dec("123C", 3, true, v), decode_status::ok);
  EXPECT_EQ(v, 123);
  ASSERT_EQ(dec("7D", 1, true, v), decode_status::ok);
  EXPECT_EQ(v, -7);
}

TEST(Packed, AcceptsEveryIbmSign) {
  int128_t v = 0;
  for (const char* s : {"A", "C", "E", "F"}) {
    ASSERT_EQ(dec(std::string("123") + s, 3, true, v), decode_status::ok) << s;
    EXPECT_EQ(v, 123);
  }
  for (const char* s : {"B", "D"}) {
    ASSERT_EQ(dec(std::string("123") + s, 3, true, v), decode_status::ok) << s;
    EXPECT_EQ(v, -123);
  }
  ASSERT_EQ(dec("000D", 3, true, v), decode_status::ok);  // negative zero reads as zero
  EXPECT_EQ(v, 0);
}

TEST(Packed, UnsignedFieldsTakeFAndC) {
  int128_t v = 0;
  EXPECT_EQ(dec("123F", 3, false, v), decode_status::ok);
  EXPECT_EQ(dec("123C", 3, false, v), decode_status::ok);
  EXPECT_EQ(v, 123);
  for (const char* s : {"123D", "123B", "123A", "123E"}) {
    EXPECT_EQ(dec(s, 3, false, v), decode_status::invalid_sign) << s;
  }
}

// A field of EBCDIC spaces is blank data (IBM: not NUMERIC), not a bad sign.
TEST(Packed, SpacesAreNotNumeric) {
  int128_t v = 0;
  EXPECT_EQ(dec("404040", 5, true, v), decode_status::not_numeric_spaces);
  EXPECT_EQ(dec("40404040404040404040", 19, false, v), decode_status::not_numeric_spaces);
  EXPECT_EQ(dec("40404C", 5, true, v), decode_status::ok);  // X'40' is digits 4 and 0 here
  EXPECT_EQ(dec("123404", 5, true, v), decode_status::invalid_sign);  // not all spaces
}

TEST(Packed, RejectsBadNibbles) {
  int128_t v = 0;
  EXPECT_EQ(dec("1A3C", 3, true, v), decode_status::invalid_digit);
  EXPECT_EQ(dec("1234", 3, true, v), decode_status::invalid_sign);  // sign nibble is a digit
  EXPECT_EQ(dec("11234C", 4, true, v), decode_status::overflow);  // pad nibble must be 0
  EXPECT_EQ(dec("F1234C", 4, true, v), decode_status::invalid_digit);
  EXPECT_EQ(dec("01234C", 3, true, v), decode_status::invalid_length);
  EXPECT_EQ(dec("", 1, true, v), decode_status::invalid_length);
  std::int64_t v64 = 0;
  const std::vector<std::uint8_t> b = from_hex("0000000000000000000000000000001C");
  EXPECT_EQ(decode_packed64(b.data(), b.size(), 31, true, v64), decode_status::invalid_length);
}

TEST(Packed, FindsABadNibbleAtEveryPosition) {
  for (const int digits : {15, 18, 31}) {
    const std::size_t len = packed_length(digits);
    for (std::size_t nib = 0; nib + 1 < 2 * len; ++nib) {
      std::vector<std::uint8_t> b(len, 0x99);
      b[0] = digits % 2 == 0 ? 0x09 : 0x99;
      b[len - 1] = 0x9C;
      if (digits % 2 == 0 && nib == 0) continue;  // the pad nibble is checked above
      b[nib / 2] = static_cast<std::uint8_t>(nib % 2 == 0 ? (b[nib / 2] & 0x0F) | 0xB0
                                                          : (b[nib / 2] & 0xF0) | 0x0E);
      int128_t v = 0;
      EXPECT_EQ(decode_packed(b.data(), len, digits, true, v), decode_status::invalid_digit)
          << digits << " digits, nibble " << nib;
      std::int64_t v64 = 0;
      if (digits <= 18) {
        EXPECT_EQ(decode_packed64(b.data(), len, digits, true, v64), decode_status::invalid_digit);
      }
    }
  }
}

TEST(Packed, EncodesPreferredSigns) {
  EXPECT_EQ(enc(1234, 4, true), "01234C");
  EXPECT_EQ(enc(-1234, 4, true), "01234D");
  EXPECT_EQ(enc(1234, 4, false), "01234F");
  EXPECT_EQ(enc(0, 1, true), "0C");
  EXPECT_EQ(enc(-5, 2, true), "005D");
  int128_t max31 = 1;
  for (int i = 0; i < 31; ++i) max31 *= 10;
  EXPECT_EQ(enc(-(max31 - 1), 31, true), "9999999999999999999999999999999D");
}

TEST(Packed, EncodeRejectsWhatDoesNotFit) {
  enc(1000, 3, true, decode_status::overflow);
  enc(-1000, 3, true, decode_status::overflow);
  enc(-1, 3, false, decode_status::invalid_sign);
  std::uint8_t buf[17];
  EXPECT_EQ(encode_packed(1, 0, true, buf), decode_status::invalid_length);
  EXPECT_EQ(encode_packed(1, 32, true, buf), decode_status::invalid_length);
}

TEST(Packed, RandomFieldsMatchReference) {
  std::mt19937_64 rng(42);
  for (int i = 0; i < 300000; ++i) {
    const int digits = 1 + static_cast<int>(rng() % 31);
    const std::size_t len = packed_length(digits);
    std::uint8_t b[16];
    // Mostly valid digits, sometimes any byte, so both outcomes are exercised.
    const bool wild = rng() % 4 == 0;
    for (std::size_t j = 0; j < len; ++j) {
      const auto r = rng();
      b[j] = wild ? static_cast<std::uint8_t>(r) : static_cast<std::uint8_t>(((r % 10) << 4) | ((r >> 8) % 10));
    }
    if (digits % 2 == 0) b[0] &= 0x0F;
    if (!wild) b[len - 1] = static_cast<std::uint8_t>((b[len - 1] & 0xF0) | (0xA + rng() % 6));
    const bool is_signed = rng() % 4 != 0;
    int128_t want = 0;
    int128_t got = 0;
    const decode_status rs = reference_decode(b, len, is_signed, want);
    const decode_status s = decode_packed(b, len, digits, is_signed, got);
    if (rs == decode_status::ok) {
      ASSERT_EQ(s, decode_status::ok) << test::to_hex(b, len);
      ASSERT_EQ(got, want) << test::to_hex(b, len);
      if (digits <= 18) {
        std::int64_t g64 = 0;
        ASSERT_EQ(decode_packed64(b, len, digits, is_signed, g64), decode_status::ok);
        ASSERT_EQ(g64, want);
      }
      std::uint8_t again[16];
      ASSERT_EQ(encode_packed(got, digits, is_signed, again), decode_status::ok);
      int128_t round = 0;
      ASSERT_EQ(decode_packed(again, len, digits, is_signed, round), decode_status::ok);
      ASSERT_EQ(round, got);
    } else {
      ASSERT_NE(s, decode_status::ok) << test::to_hex(b, len);
    }
  }
}

}  // namespace
}  // namespace mfb::ebcdic
