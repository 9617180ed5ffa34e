#pragma once
// Number text as Java (and so Spark's JSON writer) prints it: Float.toString and
// Double.toString (JDK 19+ rules: the shortest decimal that reads back, two digits when the
// shortest has one; plain from 1e-3 to below 1e7, else d.dddE±n), and BigDecimal.toString
// (E-notation once the adjusted exponent is below -6).

#include <cstddef>

namespace mfb::bridge::detail {

/// Longest text put_java_float / put_java_double write ("-2.2250738585072014E-308", quoted NaN).
inline constexpr std::size_t java_float_max = 26;

/// Write Java's Float.toString(v); NaN and the infinities are written as JSON strings.
char* put_java_float(float v, char* o);
/// Write Java's Double.toString(v); NaN and the infinities are written as JSON strings.
char* put_java_double(double v, char* o);

/// COMP-1 (`single`: the value is a float) or COMP-2 as Java prints it.
inline char* put_java_floating(double v, bool single, char* o) {
  return single ? put_java_float(static_cast<float>(v), o) : put_java_double(v, o);
}

/// [begin, end) holds a plain decimal ("-0.00000012") with `scale` digits after the point:
/// rewrite it in place as BigDecimal.toString would ("-1.2E-7") and return the new end.
/// Text that BigDecimal also prints plain is left as it is.
char* to_java_big_decimal(char* begin, char* end, int scale);

}  // namespace mfb::bridge::detail
