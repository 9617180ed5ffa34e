#pragma once
// Checks shared by the parts of the YAML config reader: where a node is (for messages) and
// which keys a map may hold. Unknown keys are errors: a typo must not silently keep a
// default. Internal to rehost; only the config readers include yaml-cpp.

#include <initializer_list>
#include <string>

#include <yaml-cpp/yaml.h>

namespace mfb::rehost::detail {

/// "line N: " for a node with a position, else "".
std::string where(const YAML::Node& n);

/// Return "" when every key of map `n` is in `allowed`, else the message for the first one
/// (`what` names the map: "the config", "limits", ...).
std::string check_keys(const YAML::Node& n, std::initializer_list<const char*> allowed,
                       const std::string& what);

}  // namespace mfb::rehost::detail
