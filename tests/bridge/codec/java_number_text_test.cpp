// Java's number text (codec/java_number_text.hpp). Expected strings come from the Java
// documentation (the constants' Javadoc values, the Double.toString / Float.toString rules
// of JDK 19+, the BigDecimal.toString table), and from rows Cobrix wrote through Spark
// (the peer suite's t24/t40 files): never from our own output.

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

#include "codec/java_number_text.hpp"

namespace mfb::bridge::detail {
namespace {

std::string jd(double v) {
  char buf[64];
  return std::string(buf, put_java_double(v, buf));
}

std::string jf(float v) {
  char buf[64];
  return std::string(buf, put_java_float(v, buf));
}

std::string big(std::string plain, int scale) {
  plain.resize(plain.size() + 8);
  char* b = plain.data();
  char* e = to_java_big_decimal(b, b + plain.size() - 8, scale);
  return std::string(b, e);
}

TEST(java_number_text, double_constants_as_their_javadoc_prints_them) {
  EXPECT_EQ(jd(std::numeric_limits<double>::max()), "1.7976931348623157E308");
  EXPECT_EQ(jd(std::numeric_limits<double>::min()), "2.2250738585072014E-308");
  // Double.MIN_VALUE: the shortest is one digit (5E-324); Java then takes the closest of
  // one or two digits.
  EXPECT_EQ(jd(std::numeric_limits<double>::denorm_min()), "4.9E-324");
}

TEST(java_number_text, float_constants_as_their_javadoc_prints_them) {
  EXPECT_EQ(jf(std::numeric_limits<float>::max()), "3.4028235E38");
  EXPECT_EQ(jf(std::numeric_limits<float>::denorm_min()), "1.4E-45");
}

TEST(java_number_text, plain_from_one_thousandth_to_below_ten_million) {
  EXPECT_EQ(jd(0.001), "0.001");
  EXPECT_EQ(jd(0.0001), "1.0E-4");
  EXPECT_EQ(jd(100.0), "100.0");
  EXPECT_EQ(jd(9999999.0), "9999999.0");
  EXPECT_EQ(jd(1e7), "1.0E7");
  EXPECT_EQ(jd(-1.5), "-1.5");
  EXPECT_EQ(jd(0.0), "0.0");
  EXPECT_EQ(jd(-0.0), "-0.0");
  EXPECT_EQ(jf(1e7f), "1.0E7");
  EXPECT_EQ(jf(0.1f), "0.1");
  EXPECT_EQ(jf(1.0f), "1.0");
}

TEST(java_number_text, jdk19_shortest_digits) {
  // JDK-4511638, fixed in JDK 19: 2e23 printed as 2.0E23 (before: 1.9999999999999998E23).
  EXPECT_EQ(jd(2e23), "2.0E23");
  EXPECT_EQ(jd(0.1 + 0.2), "0.30000000000000004");
}

TEST(java_number_text, values_cobrix_wrote_through_spark) {
  // t24/t40 expected rows: FLOAT_01 (COMP-1) and DOUBLE_01 (COMP-2).
  EXPECT_EQ(jf(-30503.93f), "-30503.93");
  EXPECT_EQ(jf(-70343.7f), "-70343.7");
  EXPECT_EQ(jf(33461.5f), "33461.5");
  EXPECT_EQ(jd(-3.0503932576762E9), "-3.0503932576762E9");
  EXPECT_EQ(jd(9.9479683373533E9), "9.9479683373533E9");
}

TEST(java_number_text, nan_and_infinity_are_json_strings) {
  EXPECT_EQ(jd(std::nan("")), "\"NaN\"");
  EXPECT_EQ(jd(-std::numeric_limits<double>::infinity()), "\"-Infinity\"");
  EXPECT_EQ(jf(std::numeric_limits<float>::infinity()), "\"Infinity\"");
}

TEST(java_number_text, big_decimal_table_of_the_javadoc) {
  // BigDecimal.toString: [unscaled, scale] -> text.
  EXPECT_EQ(big("0.123", 3), "0.123");                 // [123, 3]
  EXPECT_EQ(big("0.0000000123", 10), "1.23E-8");       // [123, 10]
  EXPECT_EQ(big("-0.000000000123", 12), "-1.23E-10");  // [-123, 12]
  EXPECT_EQ(big("0.000001", 6), "0.000001");           // adjusted exponent -6: plain
  EXPECT_EQ(big("0.0000001", 7), "1E-7");              // -7: E-notation
  EXPECT_EQ(big("0.00000000", 8), "0E-8");             // zero keeps its scale
  EXPECT_EQ(big("0.00030503", 8), "0.00030503");       // t24 COMMON_UPC5DDC
  EXPECT_EQ(big("305039325767626768.7078781717", 10), "305039325767626768.7078781717");
}

}  // namespace
}  // namespace mfb::bridge::detail
