#pragma once
// Zoned decimal (USAGE DISPLAY numeric): one digit a byte; the sign overpunched on the
// first or last digit's zone, or in a separate leading or trailing '+'/'-' byte.

#include <cstddef>
#include <cstdint>

#include "mfb/ebcdic/decimal.hpp"
#include "mfb/ebcdic/decode_status.hpp"

namespace mfb::ebcdic {

enum class zoned_sign : std::uint8_t {
  none,                ///< unsigned: zone F (C also accepted on the last digit) or 3 in ASCII
  trailing_overpunch,  ///< the default for PIC S9
  leading_overpunch,
  trailing_separate,
  leading_separate,
};

enum class zoned_charset : std::uint8_t {
  ebcdic,  ///< digits F0-F9; signs C/A/E/F positive, D/B negative; '+' 4E, '-' 60
  ascii,   ///< digits 30-39; negative overpunch 70-79 (GnuCOBOL / Micro Focus), '+' 2B, '-' 2D
};

struct zoned_format {
  zoned_sign sign = zoned_sign::none;
  zoned_charset charset = zoned_charset::ebcdic;
};

/// Bytes of a zoned field: digits, plus one for a separate sign.
constexpr std::size_t zoned_length(int digits, zoned_sign s) noexcept {
  return static_cast<std::size_t>(digits) +
         ((s == zoned_sign::leading_separate || s == zoned_sign::trailing_separate) ? 1u : 0u);
}

/// Decode a zoned field of `len` bytes into the unscaled value.
decode_status decode_zoned(const std::uint8_t* p, std::size_t len, zoned_format fmt,
                           int128_t& out) noexcept;

/// Fast path for up to 18 digits.
decode_status decode_zoned64(const std::uint8_t* p, std::size_t len, zoned_format fmt,
                             std::int64_t& out) noexcept;

/// Encode `value` into `zoned_length(digits, fmt.sign)` bytes: preferred signs C/D (F when
/// unsigned). Fails with overflow past `digits`, invalid_sign for negative unsigned values.
decode_status encode_zoned(int128_t value, int digits, zoned_format fmt, std::uint8_t* p) noexcept;

}  // namespace mfb::ebcdic
