// decimal: exact text out and in. Expected texts are worked by hand (and the brief's
// examples); random values are checked against a naive formatter written here.

#include "mfb/ebcdic/decimal.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace mfb::ebcdic {
namespace {

int128_t pow10(int n) {
  int128_t p = 1;
  while (n-- > 0) p *= 10;
  return p;
}

// Naive reference: digits by repeated division, then place the point.
std::string reference_format(int128_t v, int scale) {
  std::string digits;
  const bool negative = v < 0;
  do {
    const int d = static_cast<int>(v % 10);
    digits.insert(digits.begin(), static_cast<char>('0' + (d < 0 ? -d : d)));
    v /= 10;
  } while (v != 0);
  if (scale < 0) {
    if (digits != "0") digits.append(static_cast<std::size_t>(-scale), '0');
  } else if (scale > 0) {
    const auto s = static_cast<std::size_t>(scale);
    if (digits.size() <= s) digits.insert(0, s - digits.size() + 1, '0');
    digits.insert(digits.size() - s, ".");
  }
  return negative ? "-" + digits : digits;
}

TEST(Decimal, FormatsWorkedExamples) {
  EXPECT_EQ(to_string(decimal{-123450, 2}), "-1234.50");
  EXPECT_EQ(to_string(decimal{0, 2}), "0.00");
  EXPECT_EQ(to_string(decimal{42, 0}), "42");
  EXPECT_EQ(to_string(decimal{-5, 2}), "-0.05");
  EXPECT_EQ(to_string(decimal{123, -3}), "123000");
  EXPECT_EQ(to_string(decimal{0, -3}), "0");
  EXPECT_EQ(to_string(decimal{7, 5}), "0.00007");
  EXPECT_EQ(to_string(decimal{-pow10(31) + 1, 0}), "-9999999999999999999999999999999");
  EXPECT_EQ(to_string(decimal{pow10(31) - 1, 31}), "0.9999999999999999999999999999999");
  EXPECT_EQ(to_string(decimal{pow10(20) + 5, 1}), "10000000000000000000.5");
  EXPECT_EQ(to_string(decimal{static_cast<int128_t>(UINT64_MAX), 0}), "18446744073709551615");
}

TEST(Decimal, FormatMatchesNaiveReferenceOnRandomValues) {
  std::mt19937_64 rng(7);
  char buf[48];
  for (int i = 0; i < 200000; ++i) {
    const int digits = 1 + static_cast<int>(rng() % 31);
    int128_t v = static_cast<int128_t>(rng() % static_cast<std::uint64_t>(pow10(digits < 19 ? digits : 19)));
    if (digits > 19) v = v * pow10(digits - 19) + static_cast<int128_t>(rng() % 10'000'000'000'000ULL);
    if (rng() % 2) v = -v;
    const int scale = static_cast<int>(rng() % 40) - 8;
    const decimal d{v, scale};
    const std::string got(buf, format_decimal(d, buf));
    ASSERT_EQ(got, reference_format(v, scale));
    if (scale >= 0 && scale <= 31) {
      decimal back;
      ASSERT_EQ(parse_decimal(got, back), decode_status::ok) << got;
      ASSERT_EQ(back, d) << got;
    }
  }
}

TEST(Decimal, ParsesPlainNumbers) {
  decimal d;
  ASSERT_EQ(parse_decimal("-12.340", d), decode_status::ok);
  EXPECT_EQ(d, (decimal{-12340, 3}));
  ASSERT_EQ(parse_decimal("+5", d), decode_status::ok);
  EXPECT_EQ(d, (decimal{5, 0}));
  ASSERT_EQ(parse_decimal("-0.5", d), decode_status::ok);
  EXPECT_EQ(d, (decimal{-5, 1}));
  ASSERT_EQ(parse_decimal(".5", d), decode_status::ok);
  EXPECT_EQ(d, (decimal{5, 1}));
  ASSERT_EQ(parse_decimal("5.", d), decode_status::ok);
  EXPECT_EQ(d, (decimal{5, 0}));
  ASSERT_EQ(parse_decimal("0000000000000000000000000000000000042", d), decode_status::ok);
  EXPECT_EQ(d, (decimal{42, 0}));
  ASSERT_EQ(parse_decimal("9999999999999999999999999999999", d), decode_status::ok);
  EXPECT_EQ(d, (decimal{pow10(31) - 1, 0}));
}

TEST(Decimal, RejectsWhatIsNotAPlainNumber) {
  decimal d;
  for (const char* bad : {"", "+", "-", ".", "1e5", "1E5", "1.2.3", " 1", "1 ", "--1", "+-1",
                          "1,5", "0x10", "nan", "١"}) {
    EXPECT_EQ(parse_decimal(bad, d), decode_status::invalid_digit) << bad;
  }
  EXPECT_EQ(parse_decimal("10000000000000000000000000000000", d), decode_status::overflow);
  EXPECT_EQ(parse_decimal("0.00000000000000000000000000000001", d), decode_status::overflow);
}

TEST(Decimal, RescalesExactlyOrFails) {
  decimal out;
  ASSERT_EQ(rescale({123, 1}, 3, out), decode_status::ok);
  EXPECT_EQ(out, (decimal{12300, 3}));
  ASSERT_EQ(rescale({-12300, 3}, 1, out), decode_status::ok);
  EXPECT_EQ(out, (decimal{-123, 1}));
  ASSERT_EQ(rescale({5000, 0}, -3, out), decode_status::ok);
  EXPECT_EQ(out, (decimal{5, -3}));
  EXPECT_EQ(rescale({1234, 2}, 1, out), decode_status::overflow);        // would drop a 4
  EXPECT_EQ(rescale({pow10(30), 0}, 1, out), decode_status::overflow);  // 32 digits
  EXPECT_EQ(rescale({1, 0}, 1000, out), decode_status::overflow);
  EXPECT_EQ(rescale({1, 1000}, 0, out), decode_status::overflow);
  ASSERT_EQ(rescale({0, 2}, -5, out), decode_status::ok);
  EXPECT_EQ(out, (decimal{0, -5}));
}

TEST(Decimal, CountsDigits) {
  EXPECT_EQ(digit_count(0), 1);
  EXPECT_EQ(digit_count(9), 1);
  EXPECT_EQ(digit_count(-10), 2);
  EXPECT_EQ(digit_count(pow10(30)), 31);
  EXPECT_EQ(digit_count(pow10(31) - 1), 31);
  EXPECT_EQ(digit_count(pow10(38)), 39);
}

}  // namespace
}  // namespace mfb::ebcdic
