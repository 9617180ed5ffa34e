#pragma once
// Binary integers (COMP, COMP-4, BINARY, COMP-5): 2, 4 or 8 bytes, two's complement.

#include <cstddef>
#include <cstdint>

#include "mfb/ebcdic/decimal.hpp"
#include "mfb/ebcdic/decode_status.hpp"

namespace mfb::ebcdic {

enum class byte_order : std::uint8_t { big, little };

/// How the picture limits the value (IBM's TRUNC compiler option).
enum class truncation : std::uint8_t {
  standard,  ///< TRUNC(STD): |value| must fit the picture's digits, else out_of_range
  binary,    ///< TRUNC(BIN) and COMP-5: the full range of the binary field
};

struct binary_format {
  bool is_signed = true;
  int digits = 18;                 ///< picture digits (for TRUNC(STD))
  truncation trunc = truncation::standard;
  byte_order order = byte_order::big;
};

/// Bytes for a binary item of `digits` digits: 1-4 -> 2, 5-9 -> 4, 10-18 -> 8.
constexpr std::size_t binary_length(int digits) noexcept {
  return digits <= 4 ? 2u : digits <= 9 ? 4u : 8u;
}

/// Decode a 1, 2, 4 or 8-byte binary field into `out`.
decode_status decode_binary(const std::uint8_t* p, std::size_t len, binary_format fmt,
                            std::int64_t& out) noexcept;

/// Unsigned 8-byte values above INT64_MAX need the wide form.
decode_status decode_binary_wide(const std::uint8_t* p, std::size_t len, binary_format fmt,
                                 int128_t& out) noexcept;

/// Encode `value` into `len` bytes; out_of_range when it breaks the format's limits.
decode_status encode_binary(int128_t value, std::size_t len, binary_format fmt,
                            std::uint8_t* p) noexcept;

}  // namespace mfb::ebcdic
