#pragma once
// Packed decimal (COMP-3, PACKED-DECIMAL): two digits a byte, sign in the last low nibble.
// Accepted signs: C, A, E, F positive; D, B negative. An invalid nibble is an error.

#include <cstddef>
#include <cstdint>

#include "mfb/ebcdic/decimal.hpp"
#include "mfb/ebcdic/decode_status.hpp"

namespace mfb::ebcdic {

/// Bytes a packed field of `digits` digits occupies: digits/2 + 1.
constexpr std::size_t packed_length(int digits) noexcept {
  return static_cast<std::size_t>(digits / 2 + 1);
}

/// Decode `len` bytes (1..16) holding up to `digits` digits into the unscaled value.
/// An even `digits` requires the leading pad nibble to be 0. With `is_signed` false,
/// only the F sign (and C, as IBM accepts on input) is allowed and the value is >= 0.
decode_status decode_packed(const std::uint8_t* p, std::size_t len, int digits, bool is_signed,
                            int128_t& out) noexcept;

/// Fast path for up to 18 digits (len <= 10).
decode_status decode_packed64(const std::uint8_t* p, std::size_t len, int digits, bool is_signed,
                              std::int64_t& out) noexcept;

/// Encode the unscaled `value` into `packed_length(digits)` bytes at `p`: sign C/D when
/// signed, F when unsigned. Fails with overflow if the value needs more than `digits`
/// digits, or invalid_sign for a negative value in an unsigned field.
decode_status encode_packed(int128_t value, int digits, bool is_signed, std::uint8_t* p) noexcept;

}  // namespace mfb::ebcdic
