// Binary integers (COMP, COMP-4, BINARY, COMP-5). TRUNC(STD) bounds the value by the
// picture's digits in both directions; TRUNC(BIN) by the field's bits only.

#include "mfb/ebcdic/binary.hpp"

#include <cstring>

#include "decimal_detail.hpp"
#include "mfb/ebcdic/wide_number.hpp"

namespace mfb::ebcdic {
namespace {

using detail::uint128_t;

constexpr bool valid_length(std::size_t len) noexcept {
  return len == 1 || len == 2 || len == 4 || len == 8;
}

// Read the field as an unsigned integer in the requested byte order.
inline std::uint64_t load(const std::uint8_t* p, std::size_t len, byte_order order) noexcept {
  const bool big = order == byte_order::big;
  switch (len) {
    case 8: {
      std::uint64_t v;
      std::memcpy(&v, p, 8);
      return big ? __builtin_bswap64(v) : v;
    }
    case 4: {
      std::uint32_t v;
      std::memcpy(&v, p, 4);
      return big ? __builtin_bswap32(v) : v;
    }
    case 2: {
      std::uint16_t v;
      std::memcpy(&v, p, 2);
      return big ? __builtin_bswap16(v) : v;
    }
    default: return p[0];
  }
}

constexpr std::uint64_t pow10_u64[19] = {1ULL, 10ULL, 100ULL, 1000ULL, 10000ULL, 100000ULL,
    1000000ULL, 10000000ULL, 100000000ULL, 1000000000ULL, 10000000000ULL, 100000000000ULL,
    1000000000000ULL, 10000000000000ULL, 100000000000000ULL, 1000000000000000ULL,
    10000000000000000ULL, 100000000000000000ULL, 1000000000000000000ULL};

// Load the field and check its length and the TRUNC(STD) limit. `raw` holds the bits,
// sign-extended to 64 for signed fields, so both decoders stay in 64-bit arithmetic.
inline decode_status load_checked(const std::uint8_t* p, std::size_t len, binary_format fmt,
                                  std::uint64_t& raw) noexcept {
  if (!valid_length(len)) return decode_status::invalid_length;
  raw = load(p, len, fmt.order);
  const bool negative = fmt.is_signed && ((raw >> (8 * len - 1)) & 1) != 0;
  if (negative) raw |= ~std::uint64_t{0} << (8 * len - 1);  // sign-extend (no-op for 8 bytes)
  if (fmt.trunc == truncation::standard) {
    if (fmt.digits < 1 || fmt.digits > 18) return decode_status::invalid_length;
    const std::uint64_t magnitude = negative ? std::uint64_t{0} - raw : raw;
    if (magnitude >= pow10_u64[fmt.digits]) return decode_status::out_of_range;
  }
  return decode_status::ok;
}

}  // namespace

decode_status decode_binary(const std::uint8_t* p, std::size_t len, binary_format fmt,
                            std::int64_t& out) noexcept {
  std::uint64_t raw = 0;
  const decode_status s = load_checked(p, len, fmt, raw);
  if (s != decode_status::ok) return s;
  // Unsigned 8-byte values past INT64_MAX need decode_binary_wide.
  if (!fmt.is_signed && raw > static_cast<std::uint64_t>(INT64_MAX)) return decode_status::overflow;
  out = static_cast<std::int64_t>(raw);
  return decode_status::ok;
}

decode_status decode_binary_wide(const std::uint8_t* p, std::size_t len, binary_format fmt,
                                 int128_t& out) noexcept {
  std::uint64_t raw = 0;
  const decode_status s = load_checked(p, len, fmt, raw);
  if (s != decode_status::ok) return s;
  out = fmt.is_signed ? int128_t{static_cast<std::int64_t>(raw)} : int128_t{raw};
  return decode_status::ok;
}

decode_status decode_binary_long(const std::uint8_t* p, std::size_t len, binary_format fmt,
                                 int128_t& out) noexcept {
  if (len <= 8 || len > 16) return decode_status::invalid_length;
  uint128_t raw = 0;
  for (std::size_t i = 0; i < len; ++i) {
    const std::size_t at = fmt.order == byte_order::big ? i : len - 1 - i;
    raw = (raw << 8) | p[at];
  }
  const unsigned bits = static_cast<unsigned>(8 * len);
  const bool negative = fmt.is_signed && ((raw >> (bits - 1)) & 1) != 0;
  if (negative && bits < 128) raw |= ~uint128_t{0} << bits;  // sign-extend
  // Unsigned 16 bytes at or above 2^127 do not fit: refused, never wrapped.
  if (!fmt.is_signed && (raw >> 127) != 0) return decode_status::out_of_range;
  const auto value = static_cast<int128_t>(raw);
  if (fmt.trunc == truncation::standard) {
    if (fmt.digits < 1 || fmt.digits > wide_max_digits) return decode_status::invalid_length;
    if (detail::magnitude(value) >= detail::pow10_u128(fmt.digits)) {
      return decode_status::out_of_range;
    }
  }
  out = value;
  return decode_status::ok;
}

decode_status encode_binary(int128_t value, std::size_t len, binary_format fmt,
                            std::uint8_t* p) noexcept {
  if (!valid_length(len)) return decode_status::invalid_length;
  if (fmt.trunc == truncation::standard) {
    if (fmt.digits < 1 || fmt.digits > 18) return decode_status::invalid_length;
    if (detail::magnitude(value) >= detail::pow10_u128(fmt.digits)) {
      return decode_status::out_of_range;
    }
  }
  const unsigned bits = static_cast<unsigned>(8 * len);
  if (fmt.is_signed) {
    const int128_t limit = int128_t{1} << (bits - 1);
    if (value < -limit || value >= limit) return decode_status::out_of_range;
  } else if (value < 0 || value >= (int128_t{1} << bits)) {
    return decode_status::out_of_range;
  }
  auto raw = static_cast<std::uint64_t>(static_cast<uint128_t>(value));  // two's complement
  for (std::size_t i = 0; i < len; ++i) {
    const std::size_t at = fmt.order == byte_order::big ? len - 1 - i : i;
    p[at] = static_cast<std::uint8_t>(raw & 0xFF);
    raw >>= 8;
  }
  return decode_status::ok;
}

}  // namespace mfb::ebcdic
