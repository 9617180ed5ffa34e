#pragma once
// Inline writers for the decoder's hot loop: values go straight into the reserved output
// (the plan's max_output bound makes every write fit without checks).

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "mfb/bridge/codec/decode_plan.hpp"
#include "mfb/bridge/codec/text/csv_quote.hpp"
#include "mfb/bridge/codec/text/json_quote.hpp"

namespace mfb::bridge::detail {

/// Copy `n` bytes and advance.
inline char* put(char* o, const char* s, std::size_t n) noexcept {
  std::memcpy(o, s, n);
  return o + n;
}

/// Single-byte text through the plan's table; JSON adds the quotes, CSV quotes on demand.
/// Copy bytes whose output is one plain ASCII character, 8 at a time; stop at the first
/// block holding anything else. Returns how many input bytes were done.
inline std::size_t put_plain(char*& o, const std::uint8_t* p, std::size_t n,
                             const std::array<char, 256>& plain) noexcept {
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    char c[8];
    bool all = true;
    for (std::size_t k = 0; k < 8; ++k) {
      c[k] = plain[p[i + k]];
      all &= c[k] != 0;
    }
    if (!all) break;
    std::memcpy(o, c, 8);
    o += 8;
  }
  return i;
}

template <bool Csv>
inline char* put_sbcs(char* o, const std::uint8_t* p, std::size_t n,
                      const std::array<byte_text, 256>& t,
                      const std::array<char, 256>& plain) noexcept {
  if constexpr (!Csv) {
    *o++ = '"';
    for (std::size_t i = put_plain(o, p, n, plain); i < n; ++i) {
      const byte_text& e = t[p[i]];
      std::memcpy(o, e.bytes, sizeof e.bytes);  // the bound leaves room for the whole entry
      o += e.length;
    }
    *o++ = '"';
    return o;
  } else {
    std::size_t done = put_plain(o, p, n, plain);
    bool quote = false;
    for (std::size_t i = done; i < n; ++i) quote |= t[p[i]].special;
    if (quote) {
      o -= done;  // rewrite from the start, inside quotes
      done = 0;
      *o++ = '"';
    }
    for (std::size_t i = done; i < n; ++i) {
      const byte_text& e = t[p[i]];
      std::memcpy(o, e.bytes, sizeof e.bytes);
      o += e.length;
      if (quote && e.special && e.bytes[0] == '"') *o++ = '"';
    }
    if (quote) *o++ = '"';
    return o;
  }
}

/// UTF-8 text (from a DBCS, mixed or NATIONAL decode) escaped for JSON or quoted for CSV.
template <bool Csv>
inline char* put_utf8_text(char* o, const char* s, std::size_t n) noexcept {
  if constexpr (Csv)
    return text::put_csv_cell(o, s, n);
  else
    return text::put_json_quoted(o, s, n);
}

}  // namespace mfb::bridge::detail
