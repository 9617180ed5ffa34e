// Zoned decimal (USAGE DISPLAY numeric). The sign byte is read first and replaced, in a
// register, by a plain digit; then the digits go through 8-byte words: one check of every
// zone and digit nibble, and a three-multiply fold (bcd_swar.hpp).

#include "mfb/ebcdic/zoned.hpp"

#include <cstring>
#include <limits>

#include "bcd_swar.hpp"
#include "mfb/ebcdic/wide_number.hpp"
#include "decimal_detail.hpp"

namespace mfb::ebcdic {
namespace {

using detail::uint128_t;
constexpr std::size_t no_sign = static_cast<std::size_t>(-1);
constexpr std::uint64_t ten8 = 100'000'000ULL;
constexpr std::uint64_t ten18 = 1'000'000'000'000'000'000ULL;

struct charset_bytes {
  std::uint8_t zone;   // zone of a plain digit
  std::uint8_t plus;   // separate signs
  std::uint8_t minus;
};

constexpr charset_bytes bytes_of(zoned_charset cs) noexcept {
  return cs == zoned_charset::ebcdic ? charset_bytes{0xF0, 0x4E, 0x60}
                                     : charset_bytes{0x30, 0x2B, 0x2D};
}

constexpr bool is_separate(zoned_sign s) noexcept {
  return s == zoned_sign::leading_separate || s == zoned_sign::trailing_separate;
}

// Read an overpunched sign byte: its low nibble is the digit, its zone the sign.
// EBCDIC zones follow IBM (C/A/E/F positive, D/B negative; unsigned: F or C). ASCII
// follows GnuCOBOL and Micro Focus: zone 3 positive, zone 7 negative.
inline decode_status read_overpunch(std::uint8_t b, zoned_charset cs, bool is_signed,
                                    bool& negative) noexcept {
  if ((b & 0x0F) > 9) return decode_status::invalid_digit;
  const unsigned zone = b >> 4;
  if (cs == zoned_charset::ebcdic) {
    const detail::sign_kind k = detail::classify_sign(zone, is_signed);
    if (k == detail::sign_kind::invalid) return decode_status::invalid_sign;
    negative = k == detail::sign_kind::negative;
    return decode_status::ok;
  }
  if (zone == 0x3) return decode_status::ok;
  if (zone == 0x7 && is_signed) {
    negative = true;
    return decode_status::ok;
  }
  return decode_status::invalid_sign;
}

// Decode the magnitude and sign; T is uint64 (up to 18 digits) or uint128 (up to 31).
template <typename T>
decode_status decode_impl(const std::uint8_t* p, std::size_t len, zoned_format fmt,
                          std::size_t max_digits, T& magnitude, bool& negative) noexcept {
  const charset_bytes cb = bytes_of(fmt.charset);
  const bool separate = is_separate(fmt.sign);
  const std::size_t n = len - (separate ? 1 : 0);
  if (len == 0 || n == 0 || n > max_digits) return decode_status::invalid_length;
  const std::uint8_t* d = p + (fmt.sign == zoned_sign::leading_separate ? 1 : 0);

  negative = false;
  std::size_t sign_pos = no_sign;
  switch (fmt.sign) {
    case zoned_sign::none:
      // IBM puts an unsigned field's sign zone (F) on the last digit; C is accepted there.
      if (fmt.charset == zoned_charset::ebcdic) sign_pos = n - 1;
      break;
    case zoned_sign::trailing_overpunch: sign_pos = n - 1; break;
    case zoned_sign::leading_overpunch: sign_pos = 0; break;
    case zoned_sign::trailing_separate:
    case zoned_sign::leading_separate: {
      const std::uint8_t s = fmt.sign == zoned_sign::leading_separate ? p[0] : p[len - 1];
      if (s == cb.minus) {
        negative = true;
      } else if (s != cb.plus) {
        return decode_status::invalid_sign;
      }
      break;
    }
  }
  std::uint8_t sign_digit = 0;
  if (sign_pos != no_sign) {
    const std::uint8_t b = d[sign_pos];
    const decode_status s =
        read_overpunch(b, fmt.charset, fmt.sign != zoned_sign::none, negative);
    if (s != decode_status::ok) return s;
    sign_digit = static_cast<std::uint8_t>(cb.zone | (b & 0x0F));
  }

  const std::uint64_t zones = 0x0101010101010101ULL * cb.zone;
  T acc = 0;
  std::size_t off = 0;
  std::size_t chunk = n % 8 == 0 ? 8 : n % 8;
  while (off < n) {
    std::uint64_t w;
    if (chunk == 8) {
      w = detail::load_le8(d + off);
    } else {
      // A short first chunk is padded in front with '0' digits, which add nothing.
      std::uint8_t buf[8];
      std::memset(buf, cb.zone, 8);
      std::memcpy(buf + (8 - chunk), d + off, chunk);
      w = detail::load_le8(buf);
    }
    if (sign_pos >= off && sign_pos < off + chunk) {
      const unsigned shift = static_cast<unsigned>(8 * (sign_pos - off + (8 - chunk)));
      w = (w & ~(0xFFULL << shift)) | (std::uint64_t{sign_digit} << shift);
    }
    if (!detail::bytes_are_zoned_digits(w, zones)) return decode_status::invalid_digit;
    acc = acc * ten8 + detail::zoned8_to_binary(w);
    off += chunk;
    chunk = 8;
  }
  magnitude = acc;
  return decode_status::ok;
}

// The common case, an 8-digit field with the sign on the last digit, in one word.
inline decode_status decode_word_trailing(const std::uint8_t* p, zoned_charset cs, bool is_signed,
                                          std::uint64_t& magnitude, bool& negative) noexcept {
  std::uint64_t w = detail::load_le8(p);
  const auto last = static_cast<std::uint8_t>(w >> 56);
  negative = false;
  const decode_status s = read_overpunch(last, cs, is_signed, negative);
  if (s != decode_status::ok) return s;
  const std::uint64_t zone = bytes_of(cs).zone;
  w = (w & 0x00FFFFFFFFFFFFFFULL) | ((zone | (last & 0x0FULL)) << 56);
  if (!detail::bytes_are_zoned_digits(w, 0x0101010101010101ULL * zone)) {
    return decode_status::invalid_digit;
  }
  magnitude = detail::zoned8_to_binary(w);
  return decode_status::ok;
}

// Tell whether the one-word path applies (ASCII unsigned fields have no sign byte).
constexpr bool one_word(std::size_t len, zoned_format fmt) noexcept {
  return len == 8 && (fmt.sign == zoned_sign::trailing_overpunch ||
                      (fmt.sign == zoned_sign::none && fmt.charset == zoned_charset::ebcdic));
}

// Write `count` digits of m (which has at most `count` digits) ending at `end`.
template <typename U>
void write_digits(U m, std::size_t count, std::uint8_t zone, std::uint8_t* end) noexcept {
  while (count >= 2) {
    const auto pair = static_cast<std::size_t>(m % 100) * 2;
    m /= 100;
    end -= 2;
    end[0] = static_cast<std::uint8_t>(zone | (detail::two_digits[pair] & 0x0F));
    end[1] = static_cast<std::uint8_t>(zone | (detail::two_digits[pair + 1] & 0x0F));
    count -= 2;
  }
  if (count == 1) *--end = static_cast<std::uint8_t>(zone | static_cast<unsigned>(m % 10));
}

// A bad field that holds a space is blank data, whatever byte failed first: say so, as
// "invalid sign" (the sign byte is read first) would send the reader to the wrong place.
[[gnu::cold]] decode_status failure_of(const std::uint8_t* p, std::size_t len, zoned_format fmt,
                                       decode_status s) noexcept {
  if (s == decode_status::invalid_length) return s;
  const std::uint8_t space = fmt.charset == zoned_charset::ebcdic ? 0x40 : 0x20;
  return std::memchr(p, space, len) != nullptr ? decode_status::not_numeric_spaces : s;
}

}  // namespace

decode_status decode_zoned64(const std::uint8_t* p, std::size_t len, zoned_format fmt,
                             std::int64_t& out) noexcept {
  std::uint64_t m = 0;
  bool negative = false;
  const decode_status s =
      one_word(len, fmt)
          ? decode_word_trailing(p, fmt.charset, fmt.sign != zoned_sign::none, m, negative)
          : decode_impl(p, len, fmt, 18, m, negative);
  if (s != decode_status::ok) return failure_of(p, len, fmt, s);
  const auto v = static_cast<std::int64_t>(m);  // < 10^18
  out = negative ? -v : v;
  return decode_status::ok;
}

decode_status decode_zoned(const std::uint8_t* p, std::size_t len, zoned_format fmt,
                           int128_t& out) noexcept {
  bool negative = false;
  uint128_t m = 0;
  decode_status s;
  if (len <= 18) {
    std::uint64_t m64 = 0;
    s = one_word(len, fmt)
            ? decode_word_trailing(p, fmt.charset, fmt.sign != zoned_sign::none, m64, negative)
            : decode_impl(p, len, fmt, 18, m64, negative);
    m = m64;
  } else {
    s = decode_impl(p, len, fmt, decimal::max_digits, m, negative);
  }
  if (s != decode_status::ok) return failure_of(p, len, fmt, s);
  const auto v = static_cast<int128_t>(m);
  out = negative ? -v : v;
  return decode_status::ok;
}

decode_status decode_zoned_wide(const std::uint8_t* p, std::size_t len, zoned_format fmt,
                                int128_t& out) noexcept {
  if (len <= 18) return decode_zoned(p, len, fmt, out);
  bool negative = false;
  uint128_t m = 0;  // 38 digits: below 10^38 < 2^127
  const decode_status s =
      decode_impl(p, len, fmt, static_cast<std::size_t>(wide_max_digits), m, negative);
  if (s != decode_status::ok) return failure_of(p, len, fmt, s);
  const auto v = static_cast<int128_t>(m);
  out = negative ? -v : v;
  return decode_status::ok;
}

decode_status encode_zoned(int128_t value, int digits, zoned_format fmt, std::uint8_t* p) noexcept {
  if (digits < 1 || digits > decimal::max_digits) return decode_status::invalid_length;
  const bool is_signed = fmt.sign != zoned_sign::none;
  if (value < 0 && !is_signed) return decode_status::invalid_sign;
  const uint128_t m = detail::magnitude(value);
  if (m >= detail::pow10_u128(digits)) return decode_status::overflow;

  const charset_bytes cb = bytes_of(fmt.charset);
  const auto n = static_cast<std::size_t>(digits);
  std::uint8_t* d = p + (fmt.sign == zoned_sign::leading_separate ? 1 : 0);
  if (m <= std::numeric_limits<std::uint64_t>::max()) {
    write_digits(static_cast<std::uint64_t>(m), n, cb.zone, d + n);
  } else {  // more than 19 digits: the low 18, then the rest
    write_digits(static_cast<std::uint64_t>(m % ten18), 18, cb.zone, d + n);
    write_digits(static_cast<std::uint64_t>(m / ten18), n - 18, cb.zone, d + n - 18);
  }

  const bool negative = value < 0;
  switch (fmt.sign) {
    case zoned_sign::none: break;
    case zoned_sign::trailing_overpunch:
    case zoned_sign::leading_overpunch: {
      std::uint8_t& b = fmt.sign == zoned_sign::trailing_overpunch ? d[n - 1] : d[0];
      const std::uint8_t zone = fmt.charset == zoned_charset::ebcdic
                                    ? (negative ? 0xD0 : 0xC0)
                                    : (negative ? 0x70 : 0x30);
      b = static_cast<std::uint8_t>(zone | (b & 0x0F));
      break;
    }
    case zoned_sign::trailing_separate:
    case zoned_sign::leading_separate:
      p[fmt.sign == zoned_sign::leading_separate ? 0 : n] = negative ? cb.minus : cb.plus;
      break;
  }
  return decode_status::ok;
}

}  // namespace mfb::ebcdic
