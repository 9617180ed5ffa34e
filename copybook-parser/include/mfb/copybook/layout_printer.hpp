#pragma once
// Stable renderings of a layout: the compiler-style listing and the JSON document.

#include <string>
#include <vector>

#include "mfb/copybook/layout.hpp"

namespace mfb::copybook {

/// Render a compiler-style listing: level, name, start, end (1-based), length, picture,
/// usage, occurs, redefines.
std::string to_listing(const std::vector<record_layout>& records);

/// Render `{"records":[{"name","length","fields":[...]}]}` (see README for the keys).
std::string to_json(const std::vector<record_layout>& records);

const char* to_string(usage u);
const char* to_string(category c);

}  // namespace mfb::copybook
