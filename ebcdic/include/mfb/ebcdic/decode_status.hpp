#pragma once
// The small status every codec returns: no strings, no allocation, nothing thrown.
// The bridge decorates it with where the error is (record, offset, field).

#include <cstdint>

namespace mfb::ebcdic {

enum class decode_status : std::uint8_t {
  ok = 0,
  invalid_digit,        ///< a digit nibble or zoned digit outside 0-9
  invalid_sign,         ///< a sign nibble or sign character that is not accepted
  overflow,             ///< the value needs more digits or bits than the field has
  underflow,            ///< a float too small for the target format (non-zero, not representable)
  out_of_range,         ///< TRUNC(STD): the binary value exceeds the picture's digits
  unmappable,           ///< a character has no mapping in the code page
  bad_shift,            ///< SO/SI out of order, or a field ends inside a DBCS run
  odd_dbcs_length,      ///< a DBCS run or field with an odd number of bytes
  invalid_utf16,        ///< a lone surrogate in NATIONAL data
  invalid_edited,       ///< bytes that an edited picture could not have produced
  invalid_length,       ///< a field length the codec cannot handle
  invalid_float,        ///< NaN or infinity where the format has none
  /// A zoned field holding a space, or a packed field of spaces only: uninitialised or
  /// blank data, which IBM's NUMERIC class test rejects (and arithmetic on it abends S0C7).
  not_numeric_spaces,
};

/// Name the status in a few words ("invalid packed digit nibble" style), for reports.
const char* to_string(decode_status s) noexcept;

}  // namespace mfb::ebcdic
