#pragma once
// COMP-1 / COMP-2: IBM hexadecimal floating point (the mainframe default) or IEEE 754.

#include <cstddef>
#include <cstdint>

#include "mfb/ebcdic/binary.hpp"
#include "mfb/ebcdic/decode_status.hpp"

namespace mfb::ebcdic {

enum class float_format : std::uint8_t {
  ibm_hex,      ///< HFP: sign, 7-bit excess-64 base-16 exponent, 24 or 56-bit fraction
  ieee_big,     ///< IEEE 754 binary32/binary64, big-endian (FLOAT(NATIVE) on z/OS)
  ieee_little,  ///< IEEE 754, little-endian (rehosted programs)
};

/// Decode a 4-byte (COMP-1) or 8-byte (COMP-2) float to double. HFP short values are
/// exact in double; HFP long values keep 53 of their 56 bits, rounded to nearest.
decode_status decode_float(const std::uint8_t* p, std::size_t len, float_format fmt,
                           double& out) noexcept;

/// Encode to 4 or 8 bytes. HFP results are normalised and rounded to nearest; overflow and
/// underflow (a non-zero value below the smallest normalised HFP) are errors. NaN and
/// infinity are invalid_float for HFP.
decode_status encode_float(double value, std::size_t len, float_format fmt,
                           std::uint8_t* p) noexcept;

/// Write the shortest text that reads back to the same double ("0.1", "-118.625", "1E+75").
/// COMP-1 values are printed as the shortest text that round-trips as a float.
/// Writes at most 32 bytes; returns the end.
char* format_float(double value, bool single_precision, char* out) noexcept;

}  // namespace mfb::ebcdic
