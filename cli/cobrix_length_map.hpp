#pragma once
// Cobrix's record_length_field and record_length_map as mfbridge flags: the field, with a
// constant added (`RECORD-LEN + 4`: --length-field RECORD-LEN, --length-adjust 4), and the
// map ({"A":100,"B":50}, JSON) as the value of --length-map (A=100,B=50).

#include <string>

namespace mfb::cli::cobrix {

/// Split `FIELD`, `FIELD + N` or `FIELD - N` (the operator between blanks, since COBOL names
/// hold '-') into the field and the constant; "" or why the expression is refused.
std::string length_field_expression(const std::string& v, std::string& field, long long& constant);

/// Turn the JSON object `json` into `flag_value`; "" or why the map is refused.
std::string length_map_flag(const std::string& json, std::string& flag_value);

}  // namespace mfb::cli::cobrix
