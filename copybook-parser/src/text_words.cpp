// Splitting text into COBOL text words for COPY REPLACING and REPLACE.

#include "text_words.hpp"

namespace mfb::copybook::detail {
namespace {

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

// A period, comma or semicolon is a separator when a space, the end of the text or a
// pseudo-text delimiter follows it; otherwise it belongs to a word (PIC 9,999.99).
bool ends_separator(std::string_view text, std::size_t i) {
  const std::size_t next = i + 1;
  return next >= text.size() || is_space(text[next]) || text.substr(next, 2) == "==";
}

// Prefixes that make the following literal hexadecimal, national, DBCS or null-terminated.
bool is_literal_prefix(std::string_view w) {
  return iequals(w, "X") || iequals(w, "N") || iequals(w, "NX") || iequals(w, "G") ||
         iequals(w, "Z") || iequals(w, "B") || iequals(w, "BX") || iequals(w, "U") ||
         iequals(w, "UX");
}

// The end of a literal starting with its quote at `i`; it stops at the line end if open.
std::size_t literal_end(std::string_view text, std::size_t i) {
  const char quote = text[i];
  ++i;
  while (i < text.size() && text[i] != '\n') {
    if (text[i] == quote) {
      if (i + 1 < text.size() && text[i + 1] == quote) {
        i += 2;  // a doubled quote stands for one quote
        continue;
      }
      return i + 1;
    }
    ++i;
  }
  return i;
}

}  // namespace

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_upper(a[i]) != ascii_upper(b[i])) return false;
  }
  return true;
}

bool contains_word_text(std::string_view text, std::string_view upper_word) {
  if (upper_word.empty()) return true;
  const char first = upper_word.front();
  for (std::size_t i = 0; i + upper_word.size() <= text.size(); ++i) {
    if (ascii_upper(text[i]) == first && iequals(text.substr(i, upper_word.size()), upper_word)) {
      return true;
    }
  }
  return false;
}

std::vector<text_word> split_text_words(std::string_view text) {
  std::vector<text_word> words;
  words.reserve(text.size() / 4);
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (is_space(c)) {
      ++i;
    } else if (text.substr(i, 2) == "==") {
      words.push_back({word_kind::pseudo_delimiter, i, i + 2});
      i += 2;
    } else if (c == '(' || c == ')' || c == ':') {
      words.push_back({word_kind::separator, i, i + 1});
      ++i;
    } else if (c == '.' && ends_separator(text, i)) {
      words.push_back({word_kind::separator, i, i + 1});
      ++i;
    } else if ((c == ',' || c == ';') && ends_separator(text, i)) {
      words.push_back({word_kind::comma, i, i + 1});
      ++i;
    } else if (is_quote(c)) {
      const std::size_t end = literal_end(text, i);
      words.push_back({word_kind::literal, i, end});
      i = end;
    } else {
      const std::size_t begin = i;
      while (i < text.size()) {
        const char d = text[i];
        if (is_space(d) || d == '(' || d == ')' || d == ':' || is_quote(d) ||
            text.substr(i, 2) == "==" ||
            ((d == '.' || d == ',' || d == ';') && ends_separator(text, i))) {
          break;
        }
        ++i;
      }
      if (i < text.size() && is_quote(text[i]) &&
          is_literal_prefix(text.substr(begin, i - begin))) {
        i = literal_end(text, i);
        words.push_back({word_kind::literal, begin, i});
      } else {
        words.push_back({word_kind::word, begin, i});
      }
    }
  }
  return words;
}

bool same_text_word(std::string_view a_text, const text_word& a, std::string_view b_text,
                    const text_word& b) {
  if (a.kind != b.kind) return false;
  const std::string_view x = word_text(a_text, a);
  const std::string_view y = word_text(b_text, b);
  return a.kind == word_kind::literal ? x == y : iequals(x, y);
}

}  // namespace mfb::copybook::detail
