#pragma once
// Helpers shared by the decimal, packed and zoned codecs: powers of ten and unsigned
// magnitudes of __int128 values.

#include <cstdint>

#include "mfb/ebcdic/decimal.hpp"

namespace mfb::ebcdic::detail {

__extension__ typedef unsigned __int128 uint128_t;

/// 10^n for n in 0..38 (10^38 is the largest power that fits in unsigned __int128).
uint128_t pow10_u128(int n) noexcept;

/// |v| without overflow for the most negative value.
constexpr uint128_t magnitude(int128_t v) noexcept {
  return v < 0 ? uint128_t{0} - static_cast<uint128_t>(v) : static_cast<uint128_t>(v);
}

/// Count the decimal digits of `v` (0 has 1 digit).
int digit_count_u128(uint128_t v) noexcept;

/// The two ASCII digits of 0..99, "00010203...99".
extern const char two_digits[201];

}  // namespace mfb::ebcdic::detail
