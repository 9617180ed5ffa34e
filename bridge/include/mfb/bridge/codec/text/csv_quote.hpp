#pragma once
// A CSV cell as RFC 4180 writes it: quoted only when it holds a comma, a quote, CR or LF,
// with each quote doubled. Used by the decoder's DBCS/NATIONAL cells, the CSV header and the
// hierarchy's parent columns.

#include <cstddef>
#include <string>
#include <string_view>

namespace mfb::bridge::text {

/// True when a cell must be quoted (RFC 4180 section 2, rule 6).
inline bool csv_needs_quotes(const char* s, std::size_t n) noexcept {
  bool quote = false;
  for (std::size_t i = 0; i < n; ++i)
    quote |= s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
  return quote;
}

/// Write the cell `s` (n bytes) at `o`, quoted when it must be (at most 2n + 2 bytes).
inline char* put_csv_cell(char* o, const char* s, std::size_t n) noexcept {
  bool quote = csv_needs_quotes(s, n);
  if (quote) *o++ = '"';
  for (std::size_t i = 0; i < n; ++i) {
    *o++ = s[i];
    if (quote && s[i] == '"') *o++ = '"';
  }
  if (quote) *o++ = '"';
  return o;
}

/// Quote one CSV cell as RFC 4180 requires (only when it holds a comma, quote, CR or LF).
inline std::string csv_quote(std::string_view cell) {
  std::string q(2 * cell.size() + 2, '\0');
  q.resize(static_cast<std::size_t>(put_csv_cell(q.data(), cell.data(), cell.size()) - q.data()));
  return q;
}

}  // namespace mfb::bridge::text
