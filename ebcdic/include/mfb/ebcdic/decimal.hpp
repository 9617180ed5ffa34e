#pragma once
// An exact fixed-point number: up to 31 significant digits (IBM's maximum) plus a scale.
// Never converted through double.

#include <cstdint>
#include <string>
#include <string_view>

#include "mfb/ebcdic/decode_status.hpp"

namespace mfb::ebcdic {

__extension__ typedef __int128 int128_t;

/// value = unscaled * 10^-scale. Scale may be negative (P scaling on the right).
struct decimal {
  int128_t unscaled = 0;
  int scale = 0;

  static constexpr int max_digits = 31;

  friend bool operator==(const decimal& a, const decimal& b) noexcept {
    return a.unscaled == b.unscaled && a.scale == b.scale;
  }
};

/// Write the exact text ("-1234.50", "0.00", "42"), keeping every scale digit.
/// Writes at most 45 bytes to `out`; returns the end. No allocation. Requires
/// digits + max(0, -scale) <= 44 and scale <= 42, which every COBOL value meets (31 digit
/// positions at most, P included); asserted in debug builds.
char* format_decimal(const decimal& d, char* out) noexcept;

/// Render as a std::string (convenience over format_decimal).
std::string to_string(const decimal& d);

/// Parse "-12.340", "+5", "7", ".5" exactly, keeping the written scale.
/// Rejects exponents, more than 31 digits, and anything that is not a plain number.
decode_status parse_decimal(std::string_view text, decimal& out) noexcept;

/// Change the scale exactly: fails with overflow when digits would be lost or exceed 31.
decode_status rescale(const decimal& in, int new_scale, decimal& out) noexcept;

/// Count the decimal digits of |unscaled| (0 has 1 digit).
int digit_count(int128_t unscaled) noexcept;

}  // namespace mfb::ebcdic
