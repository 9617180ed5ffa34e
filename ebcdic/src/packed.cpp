// Packed decimal (COMP-3). Decoding loads up to 8 bytes as one big-endian word, checks all
// nibbles at once and folds the digits with SWAR multiplies (bcd_swar.hpp); fields longer
// than 8 bytes are a head word and a tail word.

#include "mfb/ebcdic/packed.hpp"

#include <limits>

#include "bcd_swar.hpp"
#include "decimal_detail.hpp"
#include "mfb/ebcdic/wide_number.hpp"

namespace mfb::ebcdic {
namespace {

using detail::uint128_t;
constexpr std::uint64_t ten15 = 1'000'000'000'000'000ULL;

// The field length must match the picture: digits/2 + 1 bytes (an even digit count has a
// leading pad nibble). A mismatch is a layout error the caller should see.
constexpr bool valid_shape(std::size_t len, int digits) noexcept {
  return digits >= 1 && digits <= decimal::max_digits && len == packed_length(digits);
}

// Decode the last (up to 8) bytes: the digit nibbles before the sign, and the sign.
struct tail_parts {
  std::uint64_t value;
  bool negative;
};

inline decode_status decode_tail(const std::uint8_t* p, std::size_t n, bool is_signed,
                                 bool pad_on_top, tail_parts& out) noexcept {
  const std::uint64_t word = detail::load_be(p, n);
  const std::uint64_t bcd = word >> 4;
  if (!detail::nibbles_are_digits(bcd)) return decode_status::invalid_digit;
  const detail::sign_kind sign = detail::classify_sign(static_cast<unsigned>(word & 0xF), is_signed);
  if (sign == detail::sign_kind::invalid) return decode_status::invalid_sign;
  // The pad nibble of an even digit count is the top nibble of the field; digits 1-9 there
  // mean a value wider than the picture.
  if (pad_on_top && (bcd >> (8 * n - 8)) != 0) return decode_status::overflow;
  out.value = detail::bcd16_to_binary(bcd);
  out.negative = sign == detail::sign_kind::negative;
  return decode_status::ok;
}

// Decode the leading digit-only bytes of a field longer than 8 bytes.
inline decode_status decode_head(const std::uint8_t* p, std::size_t n, bool pad_on_top,
                                 std::uint64_t& out) noexcept {
  const std::uint64_t bcd = detail::load_be(p, n);
  if (!detail::nibbles_are_digits(bcd)) return decode_status::invalid_digit;
  if (pad_on_top && (bcd >> (8 * n - 4)) != 0) return decode_status::overflow;
  out = detail::bcd16_to_binary(bcd);
  return decode_status::ok;
}

// Write m < 10^15 (which fits the field) into `len` (1..8) bytes ending with `sign`.
inline void encode_tail(std::uint64_t m, std::size_t len, std::uint8_t sign, std::uint8_t* p) noexcept {
  detail::store_be((detail::binary_to_bcd16(m) << 4) | sign, len, p);
}

// A field of EBCDIC spaces only (X'40's) is blank data, not a number with a bad sign: say
// so. (One X'40' among others can be two digits, so only an all-space field is blank.)
[[gnu::cold]] decode_status failure_of(const std::uint8_t* p, std::size_t len,
                                       decode_status s) noexcept {
  for (std::size_t i = 0; i < len; ++i)
    if (p[i] != 0x40) return s;
  return decode_status::not_numeric_spaces;
}

}  // namespace

decode_status decode_packed64(const std::uint8_t* p, std::size_t len, int digits, bool is_signed,
                              std::int64_t& out) noexcept {
  if (!valid_shape(len, digits) || digits > 18) return decode_status::invalid_length;
  const bool pad = digits % 2 == 0;
  tail_parts tail{};
  if (len <= 8) {
    const decode_status s = decode_tail(p, len, is_signed, pad, tail);
    if (s != decode_status::ok) return failure_of(p, len, s);
  } else {
    std::uint64_t head = 0;
    decode_status s = decode_head(p, len - 8, pad, head);
    if (s == decode_status::ok) s = decode_tail(p + len - 8, 8, is_signed, false, tail);
    if (s != decode_status::ok) return failure_of(p, len, s);
    tail.value += head * ten15;
  }
  const auto v = static_cast<std::int64_t>(tail.value);  // < 10^18
  out = tail.negative ? -v : v;
  return decode_status::ok;
}

decode_status decode_packed(const std::uint8_t* p, std::size_t len, int digits, bool is_signed,
                            int128_t& out) noexcept {
  if (!valid_shape(len, digits)) return decode_status::invalid_length;
  const bool pad = digits % 2 == 0;
  tail_parts tail{};
  uint128_t value;
  if (len <= 8) {
    const decode_status s = decode_tail(p, len, is_signed, pad, tail);
    if (s != decode_status::ok) return failure_of(p, len, s);
    value = tail.value;
  } else {
    std::uint64_t head = 0;
    decode_status s = decode_head(p, len - 8, pad, head);
    if (s == decode_status::ok) s = decode_tail(p + len - 8, 8, is_signed, false, tail);
    if (s != decode_status::ok) return failure_of(p, len, s);
    value = static_cast<uint128_t>(head) * ten15 + tail.value;
  }
  const auto v = static_cast<int128_t>(value);
  out = tail.negative ? -v : v;
  return decode_status::ok;
}

decode_status decode_packed_wide(const std::uint8_t* p, std::size_t len, int digits,
                                 bool is_signed, int128_t& out) noexcept {
  if (digits <= decimal::max_digits) return decode_packed(p, len, digits, is_signed, out);
  if (digits > wide_max_digits || len != packed_length(digits)) {
    return decode_status::invalid_length;
  }
  // 17 to 20 bytes: a head of 1 to 4 bytes, 8 middle bytes (16 digits), 8 tail bytes (15
  // digits and the sign).
  const std::size_t head_len = len - 16;
  std::uint64_t head = 0;
  std::uint64_t middle = 0;
  tail_parts tail{};
  decode_status s = decode_head(p, head_len, digits % 2 == 0, head);
  if (s == decode_status::ok) s = decode_head(p + head_len, 8, false, middle);
  if (s == decode_status::ok) s = decode_tail(p + len - 8, 8, is_signed, false, tail);
  if (s != decode_status::ok) return failure_of(p, len, s);
  constexpr uint128_t ten16 = 10'000'000'000'000'000ULL;
  const uint128_t value = (static_cast<uint128_t>(head) * ten16 + middle) * ten15 + tail.value;
  const auto v = static_cast<int128_t>(value);
  out = tail.negative ? -v : v;
  return decode_status::ok;
}

decode_status encode_packed(int128_t value, int digits, bool is_signed, std::uint8_t* p) noexcept {
  if (digits < 1 || digits > decimal::max_digits) return decode_status::invalid_length;
  if (value < 0 && !is_signed) return decode_status::invalid_sign;
  const uint128_t m = detail::magnitude(value);
  if (m >= detail::pow10_u128(digits)) return decode_status::overflow;
  const std::size_t len = packed_length(digits);
  const std::uint8_t sign = !is_signed ? 0xF : value < 0 ? 0xD : 0xC;
  if (len <= 8) {
    encode_tail(static_cast<std::uint64_t>(m), len, sign, p);
    return decode_status::ok;
  }
  // Longer fields: the last 8 bytes hold 15 digits and the sign, the head the rest.
  const std::uint64_t low = m <= std::numeric_limits<std::uint64_t>::max()
                                ? static_cast<std::uint64_t>(m) % ten15
                                : static_cast<std::uint64_t>(m % ten15);
  const std::uint64_t head = m <= std::numeric_limits<std::uint64_t>::max()
                                 ? static_cast<std::uint64_t>(m) / ten15
                                 : static_cast<std::uint64_t>(m / ten15);
  encode_tail(low, 8, sign, p + len - 8);
  detail::store_be(detail::binary_to_bcd16(head), len - 8, p);
  return decode_status::ok;
}

}  // namespace mfb::ebcdic
