// Exact decimal text in and out. format_decimal is on the converter's hot path: values
// that fit 64 bits never touch 128-bit division, and digits are written two at a time.

#include <array>
#include <cassert>
#include <cstring>
#include <limits>
#include <string>

#include "decimal_detail.hpp"
#include "mfb/ebcdic/decimal.hpp"

namespace mfb::ebcdic {
namespace detail {

const char two_digits[201] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

namespace {
constexpr std::array<uint128_t, 39> make_pow10() {
  std::array<uint128_t, 39> p{};
  p[0] = 1;
  for (std::size_t i = 1; i < p.size(); ++i) p[i] = p[i - 1] * 10;
  return p;
}
constexpr std::array<uint128_t, 39> pow10_table = make_pow10();
}  // namespace

uint128_t pow10_u128(int n) noexcept {
  assert(n >= 0 && n <= 38);
  return pow10_table[static_cast<std::size_t>(n)];
}

int digit_count_u128(uint128_t v) noexcept {
  int n = 1;
  while (n < 39 && v >= pow10_table[static_cast<std::size_t>(n)]) ++n;
  return n;
}

}  // namespace detail

namespace {

using detail::uint128_t;
constexpr std::uint64_t ten19 = 10'000'000'000'000'000'000ULL;

// Write exactly 8 digits of v < 10^8 right to left, ending at `end` (32-bit arithmetic).
inline void write_u32_fixed8(std::uint32_t v, char* end) noexcept {
  for (int i = 0; i < 4; ++i) {
    const std::size_t pair = static_cast<std::size_t>(v % 100) * 2;
    v /= 100;
    end -= 2;
    std::memcpy(end, detail::two_digits + pair, 2);
  }
}

// Write the digits of v < 10^8 right to left, ending at `end`; return where they start.
inline char* write_u32_backward(std::uint32_t v, char* end) noexcept {
  while (v >= 100) {
    const std::size_t pair = static_cast<std::size_t>(v % 100) * 2;
    v /= 100;
    end -= 2;
    std::memcpy(end, detail::two_digits + pair, 2);
  }
  if (v >= 10) {
    end -= 2;
    std::memcpy(end, detail::two_digits + v * 2, 2);
  } else {
    *--end = static_cast<char>('0' + v);
  }
  return end;
}

// Write the digits of v right to left, ending at `end`; return where they start. Values
// are cut into 8-digit pieces so that the pair loop runs on 32-bit numbers (cheaper, and
// the pieces are independent for the CPU).
char* write_u64_backward(std::uint64_t v, char* end) noexcept {
  constexpr std::uint64_t ten8 = 100'000'000;
  while (v >= ten8) {
    write_u32_fixed8(static_cast<std::uint32_t>(v % ten8), end);
    v /= ten8;
    end -= 8;
  }
  return write_u32_backward(static_cast<std::uint32_t>(v), end);
}

// Write exactly 19 digits (with leading zeros) of v < 10^19, ending at `end`.
char* write_u64_fixed19(std::uint64_t v, char* end) noexcept {
  for (int i = 0; i < 9; ++i) {
    const std::size_t pair = static_cast<std::size_t>(v % 100) * 2;
    v /= 100;
    end -= 2;
    std::memcpy(end, detail::two_digits + pair, 2);
  }
  *--end = static_cast<char>('0' + v);
  return end;
}

// Count the digits of v (0 has one): the bit length gives the count or one more.
inline std::size_t count_digits_u64(std::uint64_t v) noexcept {
  static constexpr std::uint64_t thresholds[20] = {0ULL, 10ULL, 100ULL, 1000ULL, 10000ULL,
      100000ULL, 1000000ULL, 10000000ULL, 100000000ULL, 1000000000ULL, 10000000000ULL,
      100000000000ULL, 1000000000000ULL, 10000000000000ULL, 100000000000000ULL,
      1000000000000000ULL, 10000000000000000ULL, 100000000000000000ULL,
      1000000000000000000ULL, 10000000000000000000ULL};
  const auto t = static_cast<std::size_t>(((64 - __builtin_clzll(v | 1)) * 1233) >> 12);
  return t - (v < thresholds[t] ? 1 : 0) + 1;
}

// The common case, |unscaled| < 2^64 and scale > 0: write straight into `out`, right to
// left, dropping the point in after `scale` digits (no scratch buffer, no copies).
char* format_scaled_u64(std::uint64_t m, std::size_t scale, char* out) noexcept {
  const std::size_t n = count_digits_u64(m);
  if (n <= scale) {  // "0.000ddd"
    out[0] = '0';
    out[1] = '.';
    std::memset(out + 2, '0', scale - n);
    char* const end = out + 2 + scale;
    write_u64_backward(m, end);
    return end;
  }
  char* const end = out + n + 1;
  char* e = end;
  std::size_t k = scale;
  for (; k >= 2; k -= 2) {
    const std::size_t pair = static_cast<std::size_t>(m % 100) * 2;
    m /= 100;
    e -= 2;
    std::memcpy(e, detail::two_digits + pair, 2);
  }
  if (k == 1) {
    *--e = static_cast<char>('0' + m % 10);
    m /= 10;
  }
  *--e = '.';
  write_u64_backward(m, e);  // the integer part: exactly n - scale digits
  return end;
}

}  // namespace

char* format_decimal(const decimal& d, char* out) noexcept {
  uint128_t m = detail::magnitude(d.unscaled);
  if (d.scale > 0 && d.scale <= 42 && m <= std::numeric_limits<std::uint64_t>::max()) {
    if (d.unscaled < 0) *out++ = '-';
    return format_scaled_u64(static_cast<std::uint64_t>(m), static_cast<std::size_t>(d.scale), out);
  }
  char digits[40];
  char* const end = digits + sizeof digits;
  char* start;
  if (m <= std::numeric_limits<std::uint64_t>::max()) {
    start = write_u64_backward(static_cast<std::uint64_t>(m), end);
  } else {
    start = end;
    while (m > std::numeric_limits<std::uint64_t>::max()) {
      start = write_u64_fixed19(static_cast<std::uint64_t>(m % ten19), start);
      m /= ten19;
    }
    start = write_u64_backward(static_cast<std::uint64_t>(m), start);
  }
  const auto n = static_cast<std::size_t>(end - start);
  // Callers pass values of at most 31 digit positions (digits plus P scaling), which keeps
  // the text within the documented 45 bytes.
  assert(d.scale <= 42 && (d.scale >= 0 || n + static_cast<std::size_t>(-d.scale) <= 44));

  if (d.unscaled < 0) *out++ = '-';
  if (d.scale <= 0) {
    std::memcpy(out, start, n);
    out += n;
    if (d.unscaled != 0) {
      const auto zeros = static_cast<std::size_t>(-d.scale);
      std::memset(out, '0', zeros);
      out += zeros;
    }
    return out;
  }
  const auto scale = static_cast<std::size_t>(d.scale);
  if (n > scale) {
    std::memcpy(out, start, n - scale);
    out += n - scale;
    *out++ = '.';
    std::memcpy(out, start + (n - scale), scale);
    return out + scale;
  }
  *out++ = '0';
  *out++ = '.';
  std::memset(out, '0', scale - n);
  out += scale - n;
  std::memcpy(out, start, n);
  return out + n;
}

std::string to_string(const decimal& d) {
  char buf[48];
  return std::string(buf, format_decimal(d, buf));
}

decode_status parse_decimal(std::string_view text, decimal& out) noexcept {
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
  uint128_t v = 0;
  int significant = 0;
  int fraction = 0;
  bool any_digit = false;
  bool point = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '.') {
      if (point) return decode_status::invalid_digit;
      point = true;
      continue;
    }
    if (c < '0' || c > '9') return decode_status::invalid_digit;
    any_digit = true;
    if (point) ++fraction;
    if (significant == 0 && c == '0') continue;  // leading zeros do not count
    if (++significant > decimal::max_digits) return decode_status::overflow;
    v = v * 10 + static_cast<unsigned>(c - '0');
  }
  if (!any_digit) return decode_status::invalid_digit;
  // A scale past 31 digit positions is not a COBOL value (IBM's limit for PIC V9/P).
  if (fraction > decimal::max_digits) return decode_status::overflow;
  const auto value = static_cast<int128_t>(v);
  out.unscaled = negative ? -value : value;
  out.scale = fraction;
  return decode_status::ok;
}

decode_status rescale(const decimal& in, int new_scale, decimal& out) noexcept {
  if (new_scale == in.scale || in.unscaled == 0) {
    out.unscaled = in.unscaled;
    out.scale = new_scale;
    return decode_status::ok;
  }
  uint128_t m = detail::magnitude(in.unscaled);
  const long long shift = static_cast<long long>(new_scale) - in.scale;
  if (shift > 0) {
    if (detail::digit_count_u128(m) + shift > decimal::max_digits) return decode_status::overflow;
    m *= detail::pow10_u128(static_cast<int>(shift));
  } else {
    // |unscaled| < 2^127 < 10^39, so a non-zero value never has 39 trailing zeros.
    if (-shift > 38) return decode_status::overflow;
    const uint128_t p = detail::pow10_u128(static_cast<int>(-shift));
    if (m % p != 0) return decode_status::overflow;
    m /= p;
  }
  const auto value = static_cast<int128_t>(m);
  out.unscaled = in.unscaled < 0 ? -value : value;
  out.scale = new_scale;
  return decode_status::ok;
}

int digit_count(int128_t unscaled) noexcept {
  return detail::digit_count_u128(detail::magnitude(unscaled));
}

}  // namespace mfb::ebcdic
