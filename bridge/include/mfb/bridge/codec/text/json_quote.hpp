#pragma once
// A JSON string literal for UTF-8 text: quotes, backslashes and control characters
// escaped; everything else (UTF-8 included) copied as is. Shared by the stored-record JSON
// and the delta writers, which must quote exactly as the decoder does.

#include <string>
#include <string_view>

namespace mfb::bridge::detail {

/// Append `text` to `out` as a quoted JSON string.
inline void json_quote(std::string_view text, std::string& out) {
  static constexpr char hex[] = "0123456789abcdef";
  out += '"';
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20) {
      out += "\\u00";
      out += hex[u >> 4];
      out += hex[u & 15];
    } else {
      out += c;
    }
  }
  out += '"';
}

}  // namespace mfb::bridge::detail
