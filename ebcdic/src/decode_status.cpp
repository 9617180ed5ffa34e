// Short, shared reasons for each decode_status: the status is returned by every codec, so
// the text names the problem, not the codec (the bridge adds field and offset).

#include "mfb/ebcdic/decode_status.hpp"

namespace mfb::ebcdic {

const char* to_string(decode_status s) noexcept {
  switch (s) {
    case decode_status::ok: return "ok";
    case decode_status::invalid_digit: return "invalid digit";
    case decode_status::invalid_sign: return "invalid sign";
    case decode_status::overflow: return "value too large for the field";
    case decode_status::underflow: return "value too small for the float format";
    case decode_status::out_of_range: return "value exceeds the picture's digits";
    case decode_status::unmappable: return "character not in the code page";
    case decode_status::bad_shift: return "misplaced shift-out/shift-in";
    case decode_status::odd_dbcs_length: return "odd number of DBCS bytes";
    case decode_status::invalid_utf16: return "invalid UTF-16";
    case decode_status::invalid_edited: return "bytes do not match the edited picture";
    case decode_status::invalid_length: return "unsupported field length";
    case decode_status::invalid_float: return "NaN or infinity not representable";
    case decode_status::not_numeric_spaces: return "not numeric (spaces)";
  }
  return "unknown status";
}

}  // namespace mfb::ebcdic
