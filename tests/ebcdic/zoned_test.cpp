// Zoned decimal. Expected EBCDIC bytes follow IBM's documented representation (PIC S9(3)
// +123 is X'F1F2C3', -123 X'F1F2D3'; SIGN SEPARATE uses '+' X'4E' and '-' X'60' as in code
// page 037). ASCII forms follow GnuCOBOL's -fsign=ASCII (also checked in
// gnucobol_numeric_test). Random fields are checked against a byte-by-byte reference.

#include "mfb/ebcdic/zoned.hpp"

#include <algorithm>
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace mfb::ebcdic {
namespace {

constexpr zoned_format ebc(zoned_sign s) { return {s, zoned_charset::ebcdic}; }
constexpr zoned_format asc(zoned_sign s) { return {s, zoned_charset::ascii}; }

decode_status dec(const std::string& hex, zoned_format f, int128_t& out) {
  const std::vector<std::uint8_t> b = test::from_hex(hex);
  return decode_zoned(b.data(), b.size(), f, out);
}

std::string enc(int128_t v, int digits, zoned_format f, decode_status expect = decode_status::ok) {
  std::uint8_t buf[40] = {};
  EXPECT_EQ(encode_zoned(v, digits, f, buf), expect);
  return test::to_hex(buf, zoned_length(digits, f.sign));
}

TEST(Zoned, DecodesIbmForms) {
  int128_t v = 0;
  ASSERT_EQ(dec("F1F2C3", ebc(zoned_sign::trailing_overpunch), v), decode_status::ok);
  EXPECT_EQ(v, 123);
  ASSERT_EQ(dec("F1F2D3", ebc(zoned_sign::trailing_overpunch), v), decode_status::ok);
  EXPECT_EQ(v, -123);
  ASSERT_EQ(dec("D1F2F3", ebc(zoned_sign::leading_overpunch), v), decode_status::ok);
  EXPECT_EQ(v, -123);
  ASSERT_EQ(dec("F1F2F360", ebc(zoned_sign::trailing_separate), v), decode_status::ok);
  EXPECT_EQ(v, -123);
  ASSERT_EQ(dec("4EF1F2F3", ebc(zoned_sign::leading_separate), v), decode_status::ok);
  EXPECT_EQ(v, 123);
  ASSERT_EQ(dec("F1F2F3", ebc(zoned_sign::none), v), decode_status::ok);
  EXPECT_EQ(v, 123);
}

TEST(Zoned, AcceptsEveryIbmSignZone) {
  int128_t v = 0;
  for (const char* b : {"F1F2A3", "F1F2C3", "F1F2E3", "F1F2F3"}) {
    ASSERT_EQ(dec(b, ebc(zoned_sign::trailing_overpunch), v), decode_status::ok) << b;
    EXPECT_EQ(v, 123);
  }
  for (const char* b : {"F1F2B3", "F1F2D3"}) {
    ASSERT_EQ(dec(b, ebc(zoned_sign::trailing_overpunch), v), decode_status::ok) << b;
    EXPECT_EQ(v, -123);
  }
}

TEST(Zoned, UnsignedTakesFAndCOnly) {
  int128_t v = 0;
  EXPECT_EQ(dec("F1F2C3", ebc(zoned_sign::none), v), decode_status::ok);
  EXPECT_EQ(v, 123);
  EXPECT_EQ(dec("F1F2D3", ebc(zoned_sign::none), v), decode_status::invalid_sign);
  EXPECT_EQ(dec("F1F2A3", ebc(zoned_sign::none), v), decode_status::invalid_sign);
  EXPECT_EQ(dec("313273", asc(zoned_sign::none), v), decode_status::invalid_digit);
}

TEST(Zoned, RejectsBadZonesDigitsAndSigns) {
  int128_t v = 0;
  const zoned_format t = ebc(zoned_sign::trailing_overpunch);
  EXPECT_EQ(dec("F1C2F3", t, v), decode_status::invalid_digit);  // sign zone on a digit byte
  EXPECT_EQ(dec("F1F2FA", t, v), decode_status::invalid_digit);
  EXPECT_EQ(dec("81F2C3", t, v), decode_status::invalid_digit);
  EXPECT_EQ(dec("F1FAC2", t, v), decode_status::invalid_digit);
  EXPECT_EQ(dec("F1F253", t, v), decode_status::invalid_sign);
  EXPECT_EQ(dec("F1F2F34B", ebc(zoned_sign::trailing_separate), v), decode_status::invalid_sign);
  EXPECT_EQ(dec("F1F2C34E", ebc(zoned_sign::trailing_separate), v), decode_status::invalid_digit);
  EXPECT_EQ(dec("2BF1F2", ebc(zoned_sign::leading_separate), v), decode_status::invalid_sign);
  EXPECT_EQ(dec("4E", ebc(zoned_sign::leading_separate), v), decode_status::invalid_length);
  EXPECT_EQ(dec("", t, v), decode_status::invalid_length);
  const std::vector<std::uint8_t> b32(32, 0xF1);
  EXPECT_EQ(decode_zoned(b32.data(), 32, t, v), decode_status::invalid_length);
  std::int64_t v64 = 0;
  EXPECT_EQ(decode_zoned64(b32.data(), 19, t, v64), decode_status::invalid_length);
}

// Blank data is named as such (IBM: not NUMERIC), wherever the space is; the sign byte,
// read first, would otherwise call it "invalid sign".
TEST(Zoned, SpacesAreNotNumeric) {
  int128_t v = 0;
  std::int64_t v64 = 0;
  const std::vector<std::uint8_t> blank(5, 0x40);
  EXPECT_EQ(decode_zoned(blank.data(), 5, ebc(zoned_sign::none), v), decode_status::not_numeric_spaces);
  EXPECT_EQ(decode_zoned64(blank.data(), 5, ebc(zoned_sign::none), v64), decode_status::not_numeric_spaces);
  EXPECT_EQ(dec("4040404040404040", ebc(zoned_sign::none), v), decode_status::not_numeric_spaces);
  EXPECT_EQ(dec("40404040", ebc(zoned_sign::trailing_overpunch), v), decode_status::not_numeric_spaces);
  EXPECT_EQ(dec("40F1C2", ebc(zoned_sign::trailing_overpunch), v), decode_status::not_numeric_spaces);
  EXPECT_EQ(dec("F1F2F340", ebc(zoned_sign::trailing_separate), v), decode_status::not_numeric_spaces);
  EXPECT_EQ(dec("202020", asc(zoned_sign::none), v), decode_status::not_numeric_spaces);
  EXPECT_STREQ(to_string(decode_status::not_numeric_spaces), "not numeric (spaces)");
}

TEST(Zoned, FindsABadByteAtEveryPosition) {
  for (const std::size_t n : {8u, 16u, 18u, 31u}) {
    for (std::size_t pos = 0; pos < n; ++pos) {
      for (const std::uint8_t bad : {std::uint8_t{0xFA}, std::uint8_t{0x71}, std::uint8_t{0x40}}) {
        std::vector<std::uint8_t> b(n, 0xF9);
        b[n - 1] = 0xC9;
        b[pos] = bad;
        int128_t v = 0;
        const decode_status s = decode_zoned(b.data(), n, ebc(zoned_sign::trailing_overpunch), v);
        EXPECT_TRUE(bad == 0x40 ? s == decode_status::not_numeric_spaces
                                : s == decode_status::invalid_digit ||
                                      (pos == n - 1 && s == decode_status::invalid_sign))
            << n << " digits, byte " << pos;
      }
    }
  }
}

TEST(Zoned, EncodesPreferredSigns) {
  EXPECT_EQ(enc(123, 3, ebc(zoned_sign::trailing_overpunch)), "F1F2C3");
  EXPECT_EQ(enc(-123, 3, ebc(zoned_sign::trailing_overpunch)), "F1F2D3");
  EXPECT_EQ(enc(-123, 3, ebc(zoned_sign::leading_overpunch)), "D1F2F3");
  EXPECT_EQ(enc(123, 5, ebc(zoned_sign::none)), "F0F0F1F2F3");
  EXPECT_EQ(enc(-123, 3, ebc(zoned_sign::trailing_separate)), "F1F2F360");
  EXPECT_EQ(enc(123, 3, ebc(zoned_sign::leading_separate)), "4EF1F2F3");
  EXPECT_EQ(enc(-123, 3, asc(zoned_sign::trailing_overpunch)), "313273");
  EXPECT_EQ(enc(123, 3, asc(zoned_sign::trailing_overpunch)), "313233");
  EXPECT_EQ(enc(-123, 3, asc(zoned_sign::leading_separate)), "2D313233");
  EXPECT_EQ(enc(0, 1, ebc(zoned_sign::trailing_overpunch)), "C0");
}

TEST(Zoned, EncodeRejectsWhatDoesNotFit) {
  enc(1000, 3, ebc(zoned_sign::trailing_overpunch), decode_status::overflow);
  enc(-1, 3, ebc(zoned_sign::none), decode_status::invalid_sign);
  std::uint8_t buf[40];
  EXPECT_EQ(encode_zoned(1, 32, ebc(zoned_sign::none), buf), decode_status::invalid_length);
}

// Straightforward reference: one byte at a time, by the rules in the header.
decode_status reference_bytes(const std::uint8_t* p, std::size_t len, zoned_format f, int128_t& out) {
  const bool ebcdic = f.charset == zoned_charset::ebcdic;
  const unsigned zone = ebcdic ? 0xF : 0x3;
  const bool sep = f.sign == zoned_sign::leading_separate || f.sign == zoned_sign::trailing_separate;
  const std::size_t first = f.sign == zoned_sign::leading_separate ? 1 : 0;
  const std::size_t n = len - (sep ? 1 : 0);
  bool neg = false;
  int128_t v = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint8_t b = p[first + i];
    const unsigned z = b >> 4, d = b & 0xFu;
    if (d > 9) return decode_status::invalid_digit;
    const bool sign_byte = (f.sign == zoned_sign::trailing_overpunch && i == n - 1) ||
                           (f.sign == zoned_sign::leading_overpunch && i == 0) ||
                           (f.sign == zoned_sign::none && ebcdic && i == n - 1);
    if (sign_byte && ebcdic && f.sign == zoned_sign::none) {
      if (z != 0xF && z != 0xC) return decode_status::invalid_sign;
    } else if (sign_byte && ebcdic) {
      if (z < 0xA) return decode_status::invalid_sign;
      neg = z == 0xB || z == 0xD;
    } else if (sign_byte) {
      if (z != 3 && z != 7) return decode_status::invalid_sign;
      neg = z == 7;
    } else if (z != zone) {
      return decode_status::invalid_digit;
    }
    v = v * 10 + d;
  }
  if (sep) {
    const std::uint8_t s = f.sign == zoned_sign::leading_separate ? p[0] : p[len - 1];
    if (s == (ebcdic ? 0x60 : 0x2D)) neg = true;
    else if (s != (ebcdic ? 0x4E : 0x2B)) return decode_status::invalid_sign;
  }
  out = neg ? -v : v;
  return decode_status::ok;
}

// A bad field holding a space (X'40', or X'20' in ASCII) is blank data.
decode_status reference_decode(const std::uint8_t* p, std::size_t len, zoned_format f, int128_t& out) {
  const decode_status s = reference_bytes(p, len, f, out);
  const std::uint8_t space = f.charset == zoned_charset::ebcdic ? 0x40 : 0x20;
  if (s == decode_status::ok || std::find(p, p + len, space) == p + len) return s;
  return decode_status::not_numeric_spaces;
}

TEST(Zoned, RandomFieldsMatchReference) {
  std::mt19937_64 rng(3);
  const zoned_sign signs[] = {zoned_sign::none, zoned_sign::trailing_overpunch,
                              zoned_sign::leading_overpunch, zoned_sign::trailing_separate,
                              zoned_sign::leading_separate};
  const std::uint8_t sign_chars[] = {0x4E, 0x60, 0x2B, 0x2D, 0x40};
  for (int i = 0; i < 400000; ++i) {
    const zoned_format f{signs[rng() % 5], rng() % 2 ? zoned_charset::ebcdic : zoned_charset::ascii};
    const int digits = 1 + static_cast<int>(rng() % 31);
    const std::size_t len = zoned_length(digits, f.sign);
    const std::uint8_t zone = f.charset == zoned_charset::ebcdic ? 0xF0 : 0x30;
    std::uint8_t b[32];
    const int mode = static_cast<int>(rng() % 4);  // 0: any byte anywhere, else mostly valid
    for (std::size_t j = 0; j < len; ++j) {
      const auto r = rng();
      b[j] = mode == 0 && r % 8 == 0 ? static_cast<std::uint8_t>(r >> 8)
                                     : static_cast<std::uint8_t>(zone | ((r >> 8) % 10));
    }
    const std::size_t n = static_cast<std::size_t>(digits);
    if (f.sign == zoned_sign::trailing_overpunch || f.sign == zoned_sign::leading_overpunch) {
      std::uint8_t& s = f.sign == zoned_sign::trailing_overpunch ? b[n - 1] : b[0];
      const std::uint8_t z = static_cast<std::uint8_t>(f.charset == zoned_charset::ebcdic ? 0xA0 + 0x10 * (rng() % 6) : (rng() % 2 ? 0x30 : 0x70));
      s = static_cast<std::uint8_t>(z | (s & 0x0F));
    } else if (f.sign != zoned_sign::none) {
      b[f.sign == zoned_sign::leading_separate ? 0 : len - 1] = sign_chars[rng() % 5];
    }
    int128_t want = 0, got = 0;
    const decode_status rs = reference_decode(b, len, f, want);
    const decode_status s = decode_zoned(b, len, f, got);
    ASSERT_EQ(rs == decode_status::ok, s == decode_status::ok) << test::to_hex(b, len);
    if (rs != decode_status::ok) continue;
    ASSERT_EQ(got, want) << test::to_hex(b, len);
    if (len <= 18) {
      std::int64_t g64 = 0;
      ASSERT_EQ(decode_zoned64(b, len, f, g64), decode_status::ok);
      ASSERT_EQ(g64, want);
    }
    std::uint8_t again[32];
    ASSERT_EQ(encode_zoned(got, digits, f, again), decode_status::ok);
    int128_t round = 0;
    ASSERT_EQ(decode_zoned(again, len, f, round), decode_status::ok);
    ASSERT_EQ(round, got);
  }
}

}  // namespace
}  // namespace mfb::ebcdic
