#pragma once
// A JSON string literal for UTF-8 text: quotes, backslashes and control characters
// escaped (controls as \u00XX); everything else (UTF-8 included) copied as is. The decoder's
// DBCS/NATIONAL text, the stored-record JSON and the delta writers all quote through here,
// so they quote alike.

#include <cstddef>
#include <string>
#include <string_view>

#include "mfb/ebcdic/hex.hpp"

namespace mfb::bridge::text {

/// The most bytes put_json_quoted writes for `n` bytes of text.
constexpr std::size_t json_quoted_bound(std::size_t n) noexcept { return 6 * n + 2; }

/// Write `s` (n bytes) at `o` as a quoted JSON string; return the end.
inline char* put_json_quoted(char* o, const char* s, std::size_t n) noexcept {
  *o++ = '"';
  for (std::size_t i = 0; i < n; ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == '"' || c == '\\') {
      *o++ = '\\';
      *o++ = static_cast<char>(c);
    } else if (c < 0x20) {
      *o++ = '\\';
      *o++ = 'u';
      *o++ = '0';
      *o++ = '0';
      *o++ = ebcdic::hex_lower[c >> 4];
      *o++ = ebcdic::hex_lower[c & 15];
    } else {
      *o++ = static_cast<char>(c);
    }
  }
  *o++ = '"';
  return o;
}

/// Append `text` to `out` as a quoted JSON string.
inline void json_quote(std::string_view text, std::string& out) {
  std::size_t at = out.size();
  out.resize(at + json_quoted_bound(text.size()));
  char* end = put_json_quoted(out.data() + at, text.data(), text.size());
  out.resize(static_cast<std::size_t>(end - out.data()));
}

}  // namespace mfb::bridge::text
