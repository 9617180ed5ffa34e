#pragma once
// The text and number options by name, spelled once for the CLI and the Python binding:
// trim none|left|right|both, trim rule space|java, numeric policy strict|lenient, and the
// charset of an ASCII file (UTF-8, ISO-8859-1, US-ASCII, with Java's aliases).

#include <string>
#include <string_view>

#include "mfb/bridge/codec/options.hpp"

namespace mfb::bridge {

/// Set decode.trim from its name; "" or why the name is not one.
std::string set_trim(decode_options& decode, std::string_view name);
/// Set decode.trim_chars from its name (space, java); "" or why not.
std::string set_trim_rule(decode_options& decode, std::string_view name);
/// Set decode.numbers from its name (strict, lenient); "" or why not.
std::string set_numeric_policy(decode_options& decode, std::string_view name);
/// The code page that reads ASCII text in `charset` (ascii-utf8, ascii-latin1,
/// ascii-us-ascii); "" when the charset is not one of those (any case).
std::string ascii_code_page(std::string_view charset);

}  // namespace mfb::bridge
