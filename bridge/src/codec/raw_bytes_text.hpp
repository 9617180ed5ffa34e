#pragma once
// A field's raw bytes as text: lower-case hex (--raw), upper-case hex (debug columns, as
// Cobrix's debug=hex) or standard padded base64 (debug=raw, Spark's JSON text for binary).

#include <cstddef>
#include <cstdint>

#include "mfb/ebcdic/hex.hpp"

namespace mfb::bridge::detail {

/// Write `n` bytes at `p` as plan_op::render says (0 lower hex, 1 upper hex, 2 base64).
inline char* put_raw_bytes(char* o, const std::uint8_t* p, std::size_t n, std::uint8_t render) {
  if (render == 2) {
    static constexpr char b64[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::size_t i = 0;
    for (; i + 3 <= n; i += 3) {
      std::uint32_t v = (std::uint32_t{p[i]} << 16) | (std::uint32_t{p[i + 1]} << 8) | p[i + 2];
      *o++ = b64[v >> 18];
      *o++ = b64[(v >> 12) & 63];
      *o++ = b64[(v >> 6) & 63];
      *o++ = b64[v & 63];
    }
    if (i < n) {
      std::uint32_t v = std::uint32_t{p[i]} << 16;
      if (i + 1 < n) v |= std::uint32_t{p[i + 1]} << 8;
      *o++ = b64[v >> 18];
      *o++ = b64[(v >> 12) & 63];
      *o++ = i + 1 < n ? b64[(v >> 6) & 63] : '=';
      *o++ = '=';
    }
    return o;
  }
  const char* digits = render == 1 ? "0123456789ABCDEF" : ebcdic::hex_lower;
  for (std::size_t b = 0; b < n; ++b) {
    *o++ = digits[p[b] >> 4];
    *o++ = digits[p[b] & 15];
  }
  return o;
}

}  // namespace mfb::bridge::detail
