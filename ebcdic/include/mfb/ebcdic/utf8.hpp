#pragma once
// UTF-8 written and read once for the whole tree (RFC 3629): the code page encoders, the
// NATIONAL codec and bridge's decode tables all use these. Kept inline because they sit in
// the per-character loops.

#include <cstddef>
#include <cstdint>

namespace mfb::ebcdic {

/// Write `cp` as UTF-8 at `out`; return the number of bytes (1-4).
inline std::size_t put_utf8(char32_t cp, char* out) noexcept {
  auto* o = reinterpret_cast<unsigned char*>(out);
  if (cp < 0x80) {
    o[0] = static_cast<unsigned char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    o[0] = static_cast<unsigned char>(0xC0 | (cp >> 6));
    o[1] = static_cast<unsigned char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    o[0] = static_cast<unsigned char>(0xE0 | (cp >> 12));
    o[1] = static_cast<unsigned char>(0x80 | ((cp >> 6) & 0x3F));
    o[2] = static_cast<unsigned char>(0x80 | (cp & 0x3F));
    return 3;
  }
  o[0] = static_cast<unsigned char>(0xF0 | (cp >> 18));
  o[1] = static_cast<unsigned char>(0x80 | ((cp >> 12) & 0x3F));
  o[2] = static_cast<unsigned char>(0x80 | ((cp >> 6) & 0x3F));
  o[3] = static_cast<unsigned char>(0x80 | (cp & 0x3F));
  return 4;
}

/// Read one code point from [p, end); advance p. Return false on malformed UTF-8
/// (overlong forms, surrogates, truncation and values past U+10FFFF are all rejected,
/// so that encode never writes bytes for text that was not valid).
inline bool next_utf8(const char*& p, const char* end, char32_t& cp) noexcept {
  const auto* s = reinterpret_cast<const unsigned char*>(p);
  const auto* e = reinterpret_cast<const unsigned char*>(end);
  unsigned char b0 = s[0];
  if (b0 < 0x80) {
    cp = b0;
    p += 1;
    return true;
  }
  std::size_t need = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    need = 1;
    cp = b0 & 0x1Fu;
    min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    need = 2;
    cp = b0 & 0x0Fu;
    min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    need = 3;
    cp = b0 & 0x07u;
    min = 0x10000;
  } else {
    return false;
  }
  if (static_cast<std::size_t>(e - s) < need + 1) return false;
  for (std::size_t i = 1; i <= need; ++i) {
    if ((s[i] & 0xC0) != 0x80) return false;
    cp = (cp << 6) | (s[i] & 0x3Fu);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
  p += need + 1;
  return true;
}

}  // namespace mfb::ebcdic
