// Telling fixed from free reference format when the user did not say. Each non-blank line
// is tried both ways; a line that makes sense only one way votes for it.

#include <algorithm>
#include <cctype>

#include "source_reader.hpp"
#include "text_words.hpp"

namespace mfb::copybook::detail {
namespace {

bool is_level_number(std::string_view t) {
  return !t.empty() && t.size() <= 2 &&
         std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::size_t token_end(std::string_view line, std::size_t from) {
  while (from < line.size() && !is_blank(line[from])) ++from;
  return from;
}

// Fixed format needs an indicator in column 7 and a sequence area in columns 1-6 that
// is not the start of a data description ("01 REC" written from column 1).
bool fixed_ok(std::string_view line) {
  const char ind = line.size() > 6 ? line[6] : ' ';
  if (ind == '*' || ind == '/') return true;
  if (!is_indicator(ind)) return false;
  const std::size_t f = first_non_blank(line);
  if (f >= 6) return true;
  const std::size_t e = token_end(line, f);
  return !(is_level_number(line.substr(f, e - f)) && first_non_blank(line, e) < 6);
}

// Free format fails when the line carries an evident fixed indicator ('-' or 'D' alone
// in column 7), or a sequence number ("000100", "AB12") in columns 1-6 before its code.
bool free_ok(std::string_view line) {
  const std::size_t f = first_non_blank(line);
  if (f >= line.size() || line[f] == '*' || line[f] == '/') return true;
  if (f == 6 && (line[6] == '-' || line[6] == 'D' || line[6] == 'd') &&
      (line.size() == 7 || is_blank(line[7]) || is_quote(line[7]))) {
    return false;
  }
  const std::size_t e = token_end(line, f);
  if (e > 6 || first_non_blank(line, e) >= line.size()) return true;
  const std::string_view token = line.substr(f, e - f);
  if (is_level_number(token)) return true;
  const bool has_digit =
      std::any_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; });
  const bool word_chars = std::all_of(token.begin(), token.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_';
  });
  return word_chars && !has_digit;
}

}  // namespace

source_format detect_source_format(const std::vector<std::string>& lines, int right_margin) {
  int fixed_only = 0;
  int free_only = 0;
  const std::size_t fixed_width = static_cast<std::size_t>(std::max(right_margin, 80));
  for (const std::string& line : lines) {
    if (all_blank(line)) continue;
    // From a >>SOURCE directive on, the directive says which format holds.
    const std::size_t f = first_non_blank(line);
    if (line.size() >= f + 8 && iequals(std::string_view(line).substr(f, 8), ">>SOURCE")) break;
    bool fx = fixed_ok(line);
    const bool fr = free_ok(line);
    // Fixed-format lines stop at column 80; code past it is free format.
    if (fx && line[f] != '*' && trim_right(line).size() > fixed_width) {
      fx = false;
    }
    // Code from column 7 on (as some tools write copybooks, and as Cobrix reads them)
    // suits free format and fixed format read with the margin alike: no vote.
    if (!fx && f == 6) continue;
    if (fx && !fr) ++fixed_only;
    if (fr && !fx) ++free_only;
  }
  return free_only > fixed_only ? source_format::free : source_format::fixed;
}

}  // namespace mfb::copybook::detail
