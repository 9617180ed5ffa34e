// Splitting a copybook file into lines: byte-order mark, DOS end-of-file mark, CR/LF/CR
// line ends and tab stops, before the reference format is applied (source_reader.cpp).

#include <algorithm>

#include "source_reader.hpp"

namespace mfb::copybook::detail {

std::vector<std::string> split_source_lines(std::string_view raw) {
  if (raw.size() >= 3 && raw.substr(0, 3) == "\xEF\xBB\xBF") raw.remove_prefix(3);
  // A DOS end-of-file mark (Ctrl-Z) ends the text, as it did for the editors that wrote it.
  if (const std::size_t eof = raw.find('\x1A'); eof != std::string_view::npos) {
    raw = raw.substr(0, eof);
  }
  // Old Macintosh files end lines with a lone CR.
  const char end_of_line =
      raw.find('\n') == std::string_view::npos && raw.find('\r') != std::string_view::npos ? '\r'
                                                                                           : '\n';
  std::vector<std::string> lines;
  lines.reserve(static_cast<std::size_t>(std::count(raw.begin(), raw.end(), end_of_line)) + 1);
  std::size_t pos = 0;
  while (pos < raw.size()) {
    std::size_t nl = raw.find(end_of_line, pos);
    if (nl == std::string_view::npos) nl = raw.size();
    std::string_view piece = raw.substr(pos, nl - pos);
    if (!piece.empty() && piece.back() == '\r') piece.remove_suffix(1);
    std::string line;
    line.reserve(piece.size());
    for (const char c : piece) {
      if (c == '\t') {
        line.append(8 - line.size() % 8, ' ');  // GnuCOBOL's tab stops
      } else {
        line.push_back(c);
      }
    }
    lines.push_back(std::move(line));
    pos = nl + 1;
  }
  return lines;
}

}  // namespace mfb::copybook::detail
