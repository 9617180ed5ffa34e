// Binary integers (COMP, COMP-4, BINARY, COMP-5). TRUNC(STD) bounds the value by the
// picture's digits in both directions; TRUNC(BIN) by the field's bits only.

#include "mfb/ebcdic/binary.hpp"

#include <cstring>

#include "decimal_detail.hpp"

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

// Decode to the wide type first: an 8-byte unsigned value may exceed INT64_MAX.
inline decode_status decode_wide(const std::uint8_t* p, std::size_t len, binary_format fmt,
                                 int128_t& out) noexcept {
  if (!valid_length(len)) return decode_status::invalid_length;
  if (fmt.trunc == truncation::standard && (fmt.digits < 1 || fmt.digits > 18)) {
    return decode_status::invalid_length;
  }
  const std::uint64_t raw = load(p, len, fmt.order);
  int128_t v;
  if (fmt.is_signed) {
    const unsigned unused = static_cast<unsigned>(64 - 8 * len);
    // Sign-extend by shifting the field's top bit to bit 63 and back (arithmetic shift).
    v = static_cast<std::int64_t>(raw << unused) >> unused;
  } else {
    v = raw;
  }
  if (fmt.trunc == truncation::standard &&
      detail::magnitude(v) >= detail::pow10_u128(fmt.digits)) {
    return decode_status::out_of_range;
  }
  out = v;
  return decode_status::ok;
}

}  // namespace

decode_status decode_binary(const std::uint8_t* p, std::size_t len, binary_format fmt,
                            std::int64_t& out) noexcept {
  int128_t v = 0;
  const decode_status s = decode_wide(p, len, fmt, v);
  if (s != decode_status::ok) return s;
  if (v > INT64_MAX) return decode_status::overflow;  // unsigned 8 bytes: use decode_binary_wide
  out = static_cast<std::int64_t>(v);
  return decode_status::ok;
}

decode_status decode_binary_wide(const std::uint8_t* p, std::size_t len, binary_format fmt,
                                 int128_t& out) noexcept {
  return decode_wide(p, len, fmt, out);
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
