// Java's number text, from the rules in the Javadoc of Double.toString(double) (JDK 19+),
// Float.toString(float) and BigDecimal.toString(). The shortest digits come from
// std::to_chars, which gives the shortest decimal that reads back and, among those, the
// closest: the same choice Java's rules make.

#include "codec/java_number_text.hpp"

#include <charconv>
#include <cmath>
#include <cstring>
#include <string_view>
#include <system_error>

namespace mfb::bridge::detail {

namespace {

char* put(char* o, std::string_view s) {
  std::memcpy(o, s.data(), s.size());
  return o + s.size();
}

// Significant digits (no point, no trailing zeros) and the decimal exponent of the first.
struct sci_digits {
  char digits[32];
  int count = 0;
  int exponent = 0;
};

// Read to_chars' scientific text ("-1.2345e+04") into digits and exponent.
sci_digits read_scientific(const char* b, const char* e) {
  sci_digits s;
  if (*b == '-') ++b;
  for (; b != e && *b != 'e'; ++b)
    if (*b != '.') s.digits[s.count++] = *b;
  if (b != e) std::from_chars(b + (b[1] == '+' ? 2 : 1), e, s.exponent);
  while (s.count > 1 && s.digits[s.count - 1] == '0') --s.count;
  return s;
}

// Java's layout of the chosen digits: plain for 1e-3 <= |v| < 1e7, else computerized
// scientific notation; always at least one digit after the point.
char* layout(const sci_digits& s, bool negative, char* o) {
  if (negative) *o++ = '-';
  const int n = s.count, e = s.exponent;
  if (e >= -3 && e < 7) {
    if (e < 0) {
      o = put(o, "0.");
      for (int k = -1; k > e; --k) *o++ = '0';
      return put(o, std::string_view(s.digits, static_cast<std::size_t>(n)));
    }
    for (int k = 0; k <= e; ++k) *o++ = k < n ? s.digits[k] : '0';
    *o++ = '.';
    if (n <= e + 1) return put(o, "0");
    return put(o, std::string_view(s.digits + e + 1, static_cast<std::size_t>(n - e - 1)));
  }
  *o++ = s.digits[0];
  *o++ = '.';
  if (n == 1)
    *o++ = '0';
  else
    o = put(o, std::string_view(s.digits + 1, static_cast<std::size_t>(n - 1)));
  *o++ = 'E';
  return std::to_chars(o, o + 8, e).ptr;
}

template <typename T>
char* put_java(T v, char* o) {
  if (std::isnan(v)) return put(o, "\"NaN\"");
  if (std::isinf(v)) return put(o, v < 0 ? "\"-Infinity\"" : "\"Infinity\"");
  if (v == 0) return put(o, std::signbit(v) ? "-0.0" : "0.0");
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  sci_digits s = read_scientific(buf, r.ptr);
  if (s.count == 1) {
    // Java: when the shortest has one digit, the closest decimal of one or two digits.
    r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific, 1);
    s = read_scientific(buf, r.ptr);
  }
  return layout(s, std::signbit(v), o);
}

}  // namespace

char* put_java_float(float v, char* o) { return put_java(v, o); }
char* put_java_double(double v, char* o) { return put_java(v, o); }

char* to_java_big_decimal(char* begin, char* end, int scale) {
  if (scale <= 6) return end;  // the adjusted exponent cannot fall below -6
  bool negative = begin != end && *begin == '-';
  char digits[64];
  int n = 0;
  for (const char* p = begin + (negative ? 1 : 0); p != end && n < 64; ++p)
    if (*p != '.' && (n > 0 || *p != '0')) digits[n++] = *p;
  if (n == 0) digits[n++] = '0';
  const int adjusted = n - 1 - scale;
  if (adjusted >= -6) return end;
  char* o = begin;
  if (negative && !(n == 1 && digits[0] == '0')) *o++ = '-';
  *o++ = digits[0];
  if (n > 1) {
    *o++ = '.';
    o = put(o, std::string_view(digits + 1, static_cast<std::size_t>(n - 1)));
  }
  *o++ = 'E';
  return std::to_chars(o, o + 8, adjusted).ptr;
}

}  // namespace mfb::bridge::detail
