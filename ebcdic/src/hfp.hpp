#pragma once
// IBM hexadecimal floating point (HFP) short (4 bytes) and long (8 bytes), big-endian.

#include <cstddef>
#include <cstdint>

#include "mfb/ebcdic/decode_status.hpp"

namespace mfb::ebcdic::detail {

/// Decode 4 or 8 HFP bytes; short values are exact, long values rounded to 53 bits.
double decode_hfp(const std::uint8_t* p, std::size_t len) noexcept;

/// Encode normalised with round-to-nearest-even; errors: overflow, underflow, invalid_float.
decode_status encode_hfp(double value, std::size_t len, std::uint8_t* p) noexcept;

}  // namespace mfb::ebcdic::detail
