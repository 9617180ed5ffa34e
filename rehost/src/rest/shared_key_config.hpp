#pragma once
// The `shared_keys:` part of the server config: keys that several datasets hold in fields
// of their own (a NINO in TP-NINO here and EMP-NINO there), each served by the people
// lookup at its own path. What the config alone decides is checked here; whether the
// datasets and fields exist is checked against the target when the server starts.

#include <string>

#include <yaml-cpp/yaml.h>

#include "mfb/rehost/rest/config.hpp"

namespace mfb::rehost::detail {

/// Read `shared_keys:` (a list; a null node is none) into `cfg`; "" or the reason.
std::string read_shared_keys(const YAML::Node& list, server_config& cfg);

/// Check every shared key of `cfg` (names, paths, datasets, limits); "" or the reason.
std::string check_shared_keys(const server_config& cfg);

}  // namespace mfb::rehost::detail
