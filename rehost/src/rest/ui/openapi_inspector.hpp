#pragma once
// The OpenAPI paths of the web inspector: its pages (/ui) and its read-only JSON routes.

#include <nlohmann/json.hpp>

namespace mfb::rehost::detail {

/// /ui, /ui/ and /ui/{file} (public).
nlohmann::json ui_paths();
/// /v1/datasets/{ds}/layout|status|rejects|inspect and /v1/runs (with a target).
nlohmann::json inspector_paths();

}  // namespace mfb::rehost::detail
