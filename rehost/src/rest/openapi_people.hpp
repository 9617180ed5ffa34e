#pragma once
// The OpenAPI paths of the people lookup: one per shared key of the config. The datasets a
// shared key spans are not listed: a caller sees them in the answer, if it may read them.

#include <nlohmann/json.hpp>

#include "mfb/rehost/rest/config.hpp"

namespace mfb::rehost::detail {

/// GET {path}/{key} for each of config.shared_keys.
nlohmann::json people_paths(const server_config& config);

}  // namespace mfb::rehost::detail
