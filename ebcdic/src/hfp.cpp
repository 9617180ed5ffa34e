// IBM HFP: value = (-1)^s * 0.F (hex fraction of 6 or 14 digits) * 16^(exponent - 64).
// The fraction is an integer F scaled by 2^-24 or 2^-56, so decoding is one integer to
// double conversion and an exact ldexp. Encoding picks the hex exponent from frexp's binary
// exponent and rounds the fraction once.

#include "hfp.hpp"

#include <cmath>

namespace mfb::ebcdic::detail {
namespace {

inline std::uint64_t load_be(const std::uint8_t* p, std::size_t len) noexcept {
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < len; ++i) v = (v << 8) | p[i];
  return v;
}

inline void store_be(std::uint64_t v, std::size_t len, std::uint8_t* p) noexcept {
  for (std::size_t i = len; i-- > 0;) {
    p[i] = static_cast<std::uint8_t>(v & 0xFF);
    v >>= 8;
  }
}

}  // namespace

double decode_hfp(const std::uint8_t* p, std::size_t len) noexcept {
  const std::uint64_t w = load_be(p, len);
  const unsigned fraction_bits = static_cast<unsigned>(8 * len - 8);
  const bool negative = (w >> (8 * len - 1)) != 0;
  const int exponent = static_cast<int>((w >> fraction_bits) & 0x7F) - 64;
  const std::uint64_t fraction = w & ((std::uint64_t{1} << fraction_bits) - 1);
  // A 56-bit fraction rounds to nearest here; ldexp is then exact (no HFP value reaches
  // the double's subnormal or overflow range).
  const double magnitude =
      std::ldexp(static_cast<double>(fraction), 4 * exponent - static_cast<int>(fraction_bits));
  return negative ? -magnitude : magnitude;
}

decode_status encode_hfp(double value, std::size_t len, std::uint8_t* p) noexcept {
  if (!std::isfinite(value)) return decode_status::invalid_float;
  const unsigned fraction_bits = static_cast<unsigned>(8 * len - 8);
  const std::uint64_t sign = std::signbit(value) ? std::uint64_t{1} << (8 * len - 1) : 0;
  if (value == 0) {  // true zero; -0.0 keeps its sign bit (0x80...), as IBM hardware does
    store_be(sign, len, p);
    return decode_status::ok;
  }
  int binary_exponent = 0;
  const double f = std::frexp(std::fabs(value), &binary_exponent);  // f in [0.5, 1)
  // |value| = f * 2^e = F * 16^E with F in [1/16, 1): E = ceil(e / 4).
  int hex_exponent = binary_exponent >= 0 ? (binary_exponent + 3) / 4 : -(-binary_exponent / 4);
  const int shift = binary_exponent - 4 * hex_exponent;  // -3..0
  // Long: f has at most 53 significant bits and the fraction keeps 53-56, so it is exact.
  // Short: round half to even (the current rounding mode, never changed here).
  double scaled = std::ldexp(f, static_cast<int>(fraction_bits) + shift);
  if (len == 4) scaled = std::nearbyint(scaled);
  auto fraction = static_cast<std::uint64_t>(scaled);
  if (fraction == std::uint64_t{1} << fraction_bits) {  // rounded up to 1.0: renormalise
    fraction >>= 4;
    ++hex_exponent;
  }
  int biased = hex_exponent + 64;
  if (biased == 128 && len == 8 && fraction == std::uint64_t{1} << (fraction_bits - 4)) {
    // The largest HFP long value, (1 - 2^-56) * 16^63, has no double: it decodes to the
    // nearest one, exactly 16^63. Write that back as the maximum so decode -> encode holds.
    fraction = (std::uint64_t{1} << fraction_bits) - 1;
    biased = 127;
  }
  if (biased > 127) return decode_status::overflow;
  if (biased < 0) return decode_status::underflow;
  store_be(sign | (static_cast<std::uint64_t>(biased) << fraction_bits) | fraction, len, p);
  return decode_status::ok;
}

}  // namespace mfb::ebcdic::detail
