#pragma once
// Cobrix's record_length_map ({"A":100,"B":50}, JSON) as the value of --length-map
// (A=100,B=50).

#include <string>

namespace mfb::cli::cobrix {

/// Turn the JSON object `json` into `flag_value`; "" or why the map is refused.
std::string length_map_flag(const std::string& json, std::string& flag_value);

}  // namespace mfb::cli::cobrix
