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

/// The layout JSON's word for a usage: "binary", "packed-decimal".
const char* to_string(usage u);
/// The COBOL standard keyword: "BINARY", "PACKED-DECIMAL".
const char* usage_keyword(usage u);
/// IBM's short spelling, as listings show it: "COMP", "COMP-3".
const char* usage_short_name(usage u);
const char* to_string(category c);

}  // namespace mfb::copybook
