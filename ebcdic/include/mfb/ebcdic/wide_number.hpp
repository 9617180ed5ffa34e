#pragma once
// Numbers past IBM's limits that Cobrix reads: zoned and packed decimal of 32 to 38 digits
// and binaries of 9 to 16 bytes (a 9(37) BINARY). Every such value of at most 38 digits
// fits a signed 128-bit integer (10^38 - 1 < 2^127), so they are decoded exactly; an
// unsigned 16-byte binary at or above 2^127 is out_of_range, never a wrong value.
// mfbridge uses them only under --cobrix: IBM's compiler refuses these pictures.

#include <cstddef>
#include <cstdint>

#include "mfb/ebcdic/binary.hpp"
#include "mfb/ebcdic/decimal.hpp"
#include "mfb/ebcdic/zoned.hpp"

namespace mfb::ebcdic {

/// Most digits of a wide zoned or packed field (and of a TRUNC(STD) wide binary).
inline constexpr int wide_max_digits = 38;

/// Zoned decimal of 1 to 38 digits, with the same sign and charset rules as decode_zoned.
decode_status decode_zoned_wide(const std::uint8_t* p, std::size_t len, zoned_format fmt,
                                int128_t& out) noexcept;

/// Packed decimal of 1 to 38 digits (`len` = digits / 2 + 1), as decode_packed.
decode_status decode_packed_wide(const std::uint8_t* p, std::size_t len, int digits,
                                 bool is_signed, int128_t& out) noexcept;

/// A binary of 9 to 16 bytes (two's complement when signed). TRUNC(STD) bounds it by
/// fmt.digits (at most 38) as decode_binary does; TRUNC(BIN) by its bits.
decode_status decode_binary_long(const std::uint8_t* p, std::size_t len, binary_format fmt,
                                 int128_t& out) noexcept;

}  // namespace mfb::ebcdic
