#pragma once
// Bytes as hex text, written once for every library: lowercase for items kept as their
// bytes (--raw travels as lowercase hex in JSON, CSV and cells, and between us and the
// database), uppercase and spaced ("00 12 3C") for messages that show a record's bytes.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace mfb::ebcdic {

/// The hex digits, once: lowercase for --raw values, uppercase for messages and escapes.
inline constexpr char hex_lower[] = "0123456789abcdef";
inline constexpr char hex_upper[] = "0123456789ABCDEF";

/// The value of one hex digit (either case), or -1.
inline int hex_digit(char c) noexcept {
  return c >= '0' && c <= '9'   ? c - '0'
         : c >= 'a' && c <= 'f' ? c - 'a' + 10
         : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                : -1;
}

/// Append the bytes `hex` spells to `out`; false (out unchanged) unless it is an even number
/// of hex digits.
inline bool append_hex_bytes(std::string_view hex, std::string& out) {
  if (hex.size() % 2 != 0) return false;
  for (char c : hex)
    if (hex_digit(c) < 0) return false;
  for (std::size_t i = 0; i < hex.size(); i += 2)
    out += static_cast<char>(hex_digit(hex[i]) * 16 + hex_digit(hex[i + 1]));
  return true;
}

/// `n` bytes as lowercase hex.
inline std::string hex_of(const void* data, std::size_t n) {
  const auto* p = static_cast<const unsigned char*>(data);
  std::string out(2 * n, '0');
  for (std::size_t i = 0; i < n; ++i) {
    out[2 * i] = hex_lower[p[i] >> 4];
    out[2 * i + 1] = hex_lower[p[i] & 15];
  }
  return out;
}

/// `n` bytes as uppercase hex pairs separated by spaces ("00 12 3C"), as messages show them.
inline std::string hex_spaced(const std::uint8_t* data, std::size_t n) {
  std::string s;
  s.reserve(n * 3);
  for (std::size_t i = 0; i < n; ++i) {
    if (i != 0) s += ' ';
    s += hex_upper[data[i] >> 4];
    s += hex_upper[data[i] & 15];
  }
  return s;
}

}  // namespace mfb::ebcdic
