// COMP-1/COMP-2. HFP is checked against IBM's published examples (Enterprise COBOL and
// z/Architecture Principles of Operation: 1.0 = X'41100000', -118.625 = X'C276A000',
// 0.1 = X'4019999A' short and X'401999999999999A' long), against a straightforward
// reference written here (normalise by repeated division by 16 in long double, round half to
// even by hand), and by millions of random round trips. IEEE bytes are IEEE 754 facts.

#include "mfb/ebcdic/floating.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace mfb::ebcdic {
namespace {

std::string enc(double v, std::size_t len, float_format f, decode_status expect = decode_status::ok) {
  std::uint8_t buf[8] = {};
  EXPECT_EQ(encode_float(v, len, f, buf), expect) << v;
  return test::to_hex(buf, len);
}

double dec(const std::string& hex, float_format f) {
  const std::vector<std::uint8_t> b = test::from_hex(hex);
  double v = -999;
  EXPECT_EQ(decode_float(b.data(), b.size(), f, v), decode_status::ok);
  return v;
}

// Reference HFP short encoder: independent of frexp and of the bit layout helpers.
decode_status reference_encode_short(double x, std::uint32_t& out) {
  if (!std::isfinite(x)) return decode_status::invalid_float;
  const std::uint32_t sign = std::signbit(x) ? 0x80000000u : 0;
  long double a = std::fabs(static_cast<long double>(x));
  if (a == 0) {
    out = sign;
    return decode_status::ok;
  }
  int e = 0;
  while (a >= 1) { a /= 16; ++e; }
  while (a < 1.0L / 16) { a *= 16; --e; }
  const long double scaled = a * 16777216.0L;  // exact: a power of two
  const long double whole = std::floor(scaled);
  const long double rest = scaled - whole;
  auto f = static_cast<std::uint32_t>(whole);
  if (rest > 0.5L || (rest == 0.5L && (f & 1u) != 0)) ++f;
  if (f == 0x1000000u) { f = 0x100000u; ++e; }
  if (e + 64 > 127) return decode_status::overflow;
  if (e + 64 < 0) return decode_status::underflow;
  out = sign | (static_cast<std::uint32_t>(e + 64) << 24) | f;
  return decode_status::ok;
}

// Reference decoder: fraction times 16^(exp-64) by repeated multiplication in long double
// (exact for 24- and 56-bit fractions), then one rounding to double.
double reference_decode(std::uint64_t bits, int len) {
  const int fbits = len == 4 ? 24 : 56;
  long double v = static_cast<long double>(bits & ((std::uint64_t{1} << fbits) - 1));
  for (int i = 0; i < fbits; ++i) v /= 2;
  int e = static_cast<int>((bits >> fbits) & 0x7F) - 64;
  for (; e > 0; --e) v *= 16;
  for (; e < 0; ++e) v /= 16;
  const auto d = static_cast<double>(v);
  return (bits >> (fbits + 7)) != 0 ? -d : d;
}

std::uint64_t bytes_to_u64(const std::uint8_t* p, std::size_t n) {
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < n; ++i) v = (v << 8) | p[i];
  return v;
}

TEST(Floating, HfpIbmExamples) {
  EXPECT_EQ(enc(1.0, 4, float_format::ibm_hex), "41100000");
  EXPECT_EQ(enc(-118.625, 4, float_format::ibm_hex), "C276A000");
  EXPECT_EQ(enc(0.1, 4, float_format::ibm_hex), "4019999A");
  EXPECT_EQ(enc(0.1, 8, float_format::ibm_hex), "401999999999999A");
  EXPECT_EQ(enc(100.0, 4, float_format::ibm_hex), "42640000");
  EXPECT_EQ(dec("41100000", float_format::ibm_hex), 1.0);
  EXPECT_EQ(dec("C276A000", float_format::ibm_hex), -118.625);
  EXPECT_EQ(dec("401999999999999A", float_format::ibm_hex), 0.1);
  EXPECT_EQ(dec("00100000", float_format::ibm_hex), std::ldexp(1.0, -260));  // smallest normalised
  EXPECT_EQ(dec("7FFFFFFF", float_format::ibm_hex), std::ldexp(16777215.0, 252 - 24));
  EXPECT_EQ(dec("41080000", float_format::ibm_hex), 0.5);  // unnormalised still decodes exactly
}

TEST(Floating, HfpZeroRangeAndSpecials) {
  EXPECT_EQ(enc(0.0, 4, float_format::ibm_hex), "00000000");
  EXPECT_EQ(enc(-0.0, 8, float_format::ibm_hex), "8000000000000000");
  EXPECT_EQ(enc(std::nextafter(1.0, 0.0), 4, float_format::ibm_hex), "41100000");  // carry
  enc(1e76, 4, float_format::ibm_hex, decode_status::overflow);
  enc(-1e76, 8, float_format::ibm_hex, decode_status::overflow);
  enc(std::ldexp(1.0, -262), 4, float_format::ibm_hex, decode_status::underflow);
  enc(std::numeric_limits<double>::denorm_min(), 8, float_format::ibm_hex, decode_status::underflow);
  enc(std::nan(""), 4, float_format::ibm_hex, decode_status::invalid_float);
  enc(-std::numeric_limits<double>::infinity(), 8, float_format::ibm_hex, decode_status::invalid_float);
  std::uint8_t b[8];
  EXPECT_EQ(encode_float(1.0, 6, float_format::ibm_hex, b), decode_status::invalid_length);
  double v = 0;
  EXPECT_EQ(decode_float(b, 2, float_format::ieee_big, v), decode_status::invalid_length);
}

TEST(Floating, HfpShortMatchesReferenceOnRandomDoubles) {
  std::mt19937_64 rng(5);
  std::uniform_real_distribution<double> mant(0.5, 1.0);
  for (int i = 0; i < 2'000'000; ++i) {
    const int exp2 = static_cast<int>(rng() % 530) - 268;  // a little past both ends
    double x = std::ldexp(mant(rng), exp2);
    if (rng() % 2) x = -x;
    std::uint8_t b[4];
    std::uint32_t want = 0;
    const decode_status rs = reference_encode_short(x, want);
    const decode_status s = encode_float(x, 4, float_format::ibm_hex, b);
    ASSERT_EQ(s, rs) << x;
    if (s != decode_status::ok) continue;
    const std::uint64_t got = bytes_to_u64(b, 4);
    ASSERT_EQ(got, want) << x;
    double back = 0;
    ASSERT_EQ(decode_float(b, 4, float_format::ibm_hex, back), decode_status::ok);
    ASSERT_EQ(back, reference_decode(got, 4));
    // Error at most half an ulp of the 24-bit hex fraction.
    const int hex_exp = static_cast<int>((got >> 24) & 0x7F) - 64;
    const long double half_ulp = std::ldexp(0.5L, 4 * hex_exp - 24);
    ASSERT_LE(std::fabs(static_cast<long double>(back) - static_cast<long double>(x)), half_ulp) << x;
  }
}

TEST(Floating, HfpLongIsExactForDoublesInRange) {
  std::mt19937_64 rng(6);
  for (int i = 0; i < 2'000'000; ++i) {
    const double x = std::ldexp(static_cast<double>(rng() >> 11) + 0x1p53, static_cast<int>(rng() % 500) - 310);
    std::uint8_t b[8];
    if (encode_float(x, 8, float_format::ibm_hex, b) != decode_status::ok) continue;
    double back = 0;
    ASSERT_EQ(decode_float(b, 8, float_format::ibm_hex, back), decode_status::ok);
    ASSERT_EQ(back, x);
    ASSERT_EQ(back, reference_decode(bytes_to_u64(b, 8), 8));
  }
}

TEST(Floating, EveryNormalisedHfpRoundTrips) {
  std::mt19937_64 rng(9);
  for (int i = 0; i < 2'000'000; ++i) {
    const bool is_long = i % 2 != 0;
    const std::size_t len = is_long ? 8 : 4;
    const int fbits = is_long ? 56 : 24;
    std::uint64_t frac = rng() & ((std::uint64_t{1} << fbits) - 1);
    frac |= std::uint64_t{1 + rng() % 15} << (fbits - 4);  // normalised: leading hex digit != 0
    if (is_long) frac &= ~std::uint64_t{7};                // keep within a double's 53 bits
    const std::uint64_t bits = (rng() & 0xFF) << fbits | frac;
    std::uint8_t b[8];
    for (std::size_t k = 0; k < len; ++k) b[k] = static_cast<std::uint8_t>(bits >> (8 * (len - 1 - k)));
    double v = 0;
    ASSERT_EQ(decode_float(b, len, float_format::ibm_hex, v), decode_status::ok);
    ASSERT_EQ(v, reference_decode(bits, static_cast<int>(len)));
    std::uint8_t again[8];
    ASSERT_EQ(encode_float(v, len, float_format::ibm_hex, again), decode_status::ok);
    ASSERT_EQ(test::to_hex(again, len), test::to_hex(b, len));
  }
}

TEST(Floating, IeeeBothByteOrders) {
  EXPECT_EQ(enc(1.0, 4, float_format::ieee_big), "3F800000");
  EXPECT_EQ(enc(-2.5, 4, float_format::ieee_big), "C0200000");
  EXPECT_EQ(enc(1.0, 8, float_format::ieee_big), "3FF0000000000000");
  EXPECT_EQ(enc(1.0, 8, float_format::ieee_little), "000000000000F03F");
  EXPECT_EQ(enc(-2.5, 4, float_format::ieee_little), "000020C0");
  EXPECT_EQ(dec("C0200000", float_format::ieee_big), -2.5);
  EXPECT_EQ(dec("000000000000F03F", float_format::ieee_little), 1.0);
  EXPECT_TRUE(std::isnan(dec("7FC00000", float_format::ieee_big)));  // IEEE has NaN
  enc(1e39, 4, float_format::ieee_big, decode_status::overflow);
  enc(1e-50, 4, float_format::ieee_big, decode_status::underflow);
}

TEST(Floating, FormatsShortestRoundTrip) {
  char buf[40];
  auto fmt = [&](double v, bool single) { return std::string(buf, format_float(v, single, buf)); };
  EXPECT_EQ(fmt(0.1, false), "0.1");
  EXPECT_EQ(fmt(-118.625, false), "-118.625");
  EXPECT_EQ(fmt(1e75, false), "1E+75");
  EXPECT_EQ(fmt(static_cast<double>(0.1f), true), "0.1");
  EXPECT_EQ(fmt(static_cast<double>(0.1f), false), "0.10000000149011612");
  EXPECT_EQ(fmt(0.0, false), "0");
}

}  // namespace
}  // namespace mfb::ebcdic

namespace mfb::ebcdic {
namespace {

// Decode, print as the converter does, read the text back and encode: the bytes must return.
std::vector<std::uint8_t> print_and_reencode(const std::vector<std::uint8_t>& in) {
  double d = 0;
  EXPECT_EQ(decode_float(in.data(), in.size(), float_format::ibm_hex, d), decode_status::ok);
  char text[40];
  char* end = format_float(d, in.size() == 4, text);
  const std::string printed(text, end);
  EXPECT_EQ(printed.find("inf"), std::string::npos) << printed;
  std::vector<std::uint8_t> out(in.size());
  EXPECT_EQ(encode_float(std::strtod(printed.c_str(), nullptr), out.size(), float_format::ibm_hex,
                         out.data()),
            decode_status::ok)
      << printed;
  return out;
}

// Found by the whole-record decode fuzzer. HFP short spans 5.4E-79 .. 7.2E+75, far beyond a
// float, and the largest HFP long value has no double (IBM ESA/390 Principles of Operation,
// "Hexadecimal-Floating-Point Number Representation": max = (1 - 16^-6) * 16^63 short,
// (1 - 16^-14) * 16^63 long; min normalised = 16^-65).
TEST(Floating, HfpExtremesPrintAndWriteBack) {
  for (const char* hex : {"7FFFFFFF", "FFFFFFFF", "00100000", "80100000", "01123456", "7F123456",
                          "7FFFFFFFFFFFFFFF", "FFFFFFFFFFFFFFFF", "0010000000000000",
                          "7F123456789ABCDE"}) {
    const auto bytes = test::from_hex(hex);
    EXPECT_EQ(test::to_hex(print_and_reencode(bytes)), hex);
  }
}

}  // namespace
}  // namespace mfb::ebcdic
