#pragma once
// Trimming and null detection of text fields (--trim, --trim-rule,
// --improved-null-detection). Single-byte text trims through the plan's per-byte table, so
// every byte whose character is a blank goes, not only the page's one space byte (a table
// page such as `common` maps dozens of bytes to U+0020). Inline: the decoder's hot loop.

#include <cstddef>
#include <cstdint>

#include "mfb/bridge/codec/decode_plan.hpp"
#include "mfb/bridge/codec/options.hpp"

namespace mfb::bridge::detail {

inline bool trims_left(text_trim t) noexcept {
  return t == text_trim::left || t == text_trim::both;
}
inline bool trims_right(text_trim t) noexcept {
  return t == text_trim::right || t == text_trim::both;
}

/// Narrow [p, p + len) to the bytes left once the blank bytes (`blank[b]` true) are trimmed
/// from the ends `t` names.
inline void trim_bytes(text_trim t, const bool* blank, const std::uint8_t*& p,
                       std::size_t& len) noexcept {
  if (trims_right(t))
    while (len > 0 && blank[p[len - 1]]) --len;
  if (trims_left(t))
    while (len > 0 && blank[*p]) {
      ++p;
      --len;
    }
}

/// The blank at the end (or, with `front`, the start) of UTF-8 text [s, s + n): its byte
/// length, 0 when none. `space` rule: U+0020 and U+3000 (the DBCS space); `java`: every
/// character <= U+0020, as String.trim (so not U+3000).
inline std::size_t utf8_blank(const char* s, std::size_t n, trim_rule rule, bool front) noexcept {
  if (n == 0) return 0;
  auto c = static_cast<unsigned char>(front ? s[0] : s[n - 1]);
  if (c == 0x20 || (rule == trim_rule::java && c < 0x20)) return 1;
  if (rule == trim_rule::java || n < 3) return 0;  // Java's trim keeps U+3000
  const char* w = front ? s : s + n - 3;
  return w[0] == '\xE3' && w[1] == '\x80' && w[2] == '\x80' ? 3 : 0;
}

/// Trim UTF-8 text [s, s + n) in place of its bounds: `s` moves past leading blanks, `n`
/// shrinks.
inline void trim_utf8_text(text_trim t, trim_rule rule, const char*& s, std::size_t& n) noexcept {
  if (trims_right(t))
    for (std::size_t k; (k = utf8_blank(s, n, rule, false)) != 0;) n -= k;
  if (trims_left(t))
    for (std::size_t k; (k = utf8_blank(s, n, rule, true)) != 0;) {
      s += k;
      n -= k;
    }
}

/// True when every byte of the field is 0x00 (improved null detection: a NUL-filled field
/// never held a value).
inline bool all_nul(const std::uint8_t* p, std::size_t len) noexcept {
  for (std::size_t k = 0; k < len; ++k)
    if (p[k] != 0) return false;
  return true;
}

/// True when every byte of a zoned field is 0x00 or the page's space: an unset number.
inline bool all_nul_or_space(const std::uint8_t* p, std::size_t len, std::uint8_t space) noexcept {
  for (std::size_t k = 0; k < len; ++k)
    if (p[k] != 0 && p[k] != space) return false;
  return true;
}

/// Improved null detection: a DISPLAY field that was never set. Text and edited fields:
/// every byte 0x00; zoned numbers: every byte 0x00 or the page's space.
inline bool unset_display(const plan_op& op, const std::uint8_t* p,
                          std::uint8_t space) noexcept {
  switch (op.code) {
    case op_code::text:
    case op_code::text_mixed:
    case op_code::edited:
      return all_nul(p, op.length);
    case op_code::zoned:
      return all_nul_or_space(p, op.length, space);
    default:
      return false;
  }
}

}  // namespace mfb::bridge::detail
