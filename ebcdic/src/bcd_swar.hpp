#pragma once
// Word-at-a-time helpers for decimal digits held one per nibble (packed) or one per byte
// (zoned): validate every digit with carry tricks, then fold digit groups with a few
// multiplies instead of a loop of multiply-adds.

#include <cstdint>
#include <cstring>

namespace mfb::ebcdic::detail {

/// Load `n` (0..8) bytes as a big-endian integer.
inline std::uint64_t load_be(const std::uint8_t* p, std::size_t n) noexcept {
  if (n == 8) {
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    return __builtin_bswap64(v);
  }
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < n; ++i) v = (v << 8) | p[i];
  return v;
}

/// Load 8 bytes as a little-endian integer (first byte lowest).
inline std::uint64_t load_le8(const std::uint8_t* p) noexcept {
  std::uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

/// Tell whether every nibble of `bcd` is 0-9: adding 6 carries out of exactly those
/// nibbles that hold A-F (a carry caused by a lower bad nibble only repeats the verdict).
constexpr bool nibbles_are_digits(std::uint64_t bcd) noexcept {
  constexpr std::uint64_t six = 0x6666666666666666ULL;
  const std::uint64_t carries = ((bcd + six) ^ bcd ^ six) & 0x1111111111111110ULL;
  return carries == 0 && (bcd >> 60) <= 9;  // the top nibble's carry leaves the word
}

/// Convert 16 BCD digits (most significant in the top nibble, all valid) to binary.
constexpr std::uint64_t bcd16_to_binary(std::uint64_t bcd) noexcept {
  // Each step turns lanes of "hi * base + lo" into "hi * 10^k + lo": subtract (base - 10^k)
  // times the high half.
  std::uint64_t v = bcd - 6 * ((bcd >> 4) & 0x0F0F0F0F0F0F0F0FULL);         // bytes 0..99
  v = v - 156 * ((v >> 8) & 0x00FF00FF00FF00FFULL);                          // 16-bit 0..9999
  v = v - 55536 * ((v >> 16) & 0x0000FFFF0000FFFFULL);                       // 32-bit 0..10^8-1
  return (v >> 32) * 100000000ULL + (v & 0xFFFFFFFFULL);
}

// Turn 8 decimal digits (v < 10^8) into 8 BCD nibbles: split into 4-digit halves, then
// 2-digit quarters, then digits, each step in parallel lanes with multiply-shift division.
constexpr std::uint32_t binary8_to_bcd(std::uint32_t v) noexcept {
  const std::uint64_t halves = (std::uint64_t{v / 10000} << 32) | (v % 10000);  // < 10^4 each
  const std::uint64_t hundreds = ((halves * 5243) >> 19) & 0x0000007F0000007FULL;  // /100
  const std::uint64_t quarters = (hundreds << 16) | (halves - hundreds * 100);      // < 100 each
  const std::uint64_t tens = ((quarters * 103) >> 10) & 0x000F000F000F000FULL;      // /10
  std::uint64_t bytes = (tens << 4) | (quarters - tens * 10);  // one BCD byte per 16-bit lane
  bytes = (bytes | (bytes >> 8)) & 0x0000FFFF0000FFFFULL;
  return static_cast<std::uint32_t>(bytes | (bytes >> 16));
}

/// Turn v < 10^16 into 16 BCD digits (most significant in the top nibble).
constexpr std::uint64_t binary_to_bcd16(std::uint64_t v) noexcept {
  return (std::uint64_t{binary8_to_bcd(static_cast<std::uint32_t>(v / 100000000))} << 32) |
         binary8_to_bcd(static_cast<std::uint32_t>(v % 100000000));
}

/// Store the low `n` (1..8) bytes of `v` big-endian.
inline void store_be(std::uint64_t v, std::size_t n, std::uint8_t* p) noexcept {
  const std::uint64_t be = __builtin_bswap64(v << (8 * (8 - n)));
  std::memcpy(p, &be, n);
}

static_assert(binary_to_bcd16(1234567890123456ULL) == 0x1234567890123456ULL);
static_assert(binary_to_bcd16(9999999999999999ULL) == 0x9999999999999999ULL);
static_assert(binary_to_bcd16(0) == 0 && binary_to_bcd16(10) == 0x10);

/// Tell whether every byte of the little-endian word `w` is `zone` in its high nibble and
/// 0-9 in its low nibble (zone is 0xF0 for EBCDIC, 0x30 for ASCII, repeated in all bytes).
constexpr bool bytes_are_zoned_digits(std::uint64_t w, std::uint64_t zones) noexcept {
  const std::uint64_t low = w & 0x0F0F0F0F0F0F0F0FULL;
  return (w & 0xF0F0F0F0F0F0F0F0ULL) == zones &&
         ((low + 0x0606060606060606ULL) & 0xF0F0F0F0F0F0F0F0ULL) == 0;
}

/// Convert 8 zoned digits (first digit in the lowest byte, already validated) to binary.
constexpr std::uint64_t zoned8_to_binary(std::uint64_t w) noexcept {
  std::uint64_t v = w & 0x0F0F0F0F0F0F0F0FULL;
  v = (v * 10 + (v >> 8)) & 0x00FF00FF00FF00FFULL;
  v = (v * 100 + (v >> 16)) & 0x0000FFFF0000FFFFULL;
  return (v * 10000 + (v >> 32)) & 0xFFFFFFFFULL;
}

}  // namespace mfb::ebcdic::detail

namespace mfb::ebcdic::detail {

/// How a sign nibble (packed) or sign zone (zoned) reads: IBM accepts C, A, E, F as
/// positive and D, B as negative. Unsigned fields take F (the preferred unsigned sign) and
/// C: IBM's NUMPROC(NOPFD) treats C as a valid positive sign, and unsigned layouts often
/// describe data written by signed programs. A negative sign in an unsigned field is
/// invalid_sign rather than a silently dropped minus.
enum class sign_kind : std::uint8_t { invalid, positive, negative };

constexpr sign_kind classify_sign(unsigned nibble, bool is_signed) noexcept {
  constexpr unsigned positive = (1u << 0xA) | (1u << 0xC) | (1u << 0xE) | (1u << 0xF);
  constexpr unsigned negative = (1u << 0xB) | (1u << 0xD);
  constexpr unsigned unsigned_ok = (1u << 0xC) | (1u << 0xF);
  const unsigned bit = 1u << (nibble & 0xFu);
  if (!is_signed) return (bit & unsigned_ok) != 0 ? sign_kind::positive : sign_kind::invalid;
  if ((bit & positive) != 0) return sign_kind::positive;
  return (bit & negative) != 0 ? sign_kind::negative : sign_kind::invalid;
}

}  // namespace mfb::ebcdic::detail
