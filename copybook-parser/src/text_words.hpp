#pragma once
// COBOL "text words" (IBM Language Reference, COPY statement): the units that COPY
// REPLACING and REPLACE compare. Separators other than spaces are text words of their
// own: '(' ')' ':' and a period, comma or semicolon followed by a space. A literal, with
// its quotes and any X/N/G/Z prefix, is one text word.

#include <cstddef>
#include <string_view>
#include <vector>

namespace mfb::copybook::detail {

enum class word_kind {
  word,              ///< a COBOL word, number or picture string
  literal,           ///< "..." or '...' (possibly with a prefix such as X or N)
  separator,         ///< ( ) : or a separator period
  comma,             ///< a separator comma or semicolon: compared as a space
  pseudo_delimiter,  ///< ==
};

struct text_word {
  word_kind kind = word_kind::word;
  std::size_t begin = 0;  ///< offset in the text
  std::size_t end = 0;    ///< one past the last character
};

/// Split text into text words, skipping spaces and line ends.
std::vector<text_word> split_text_words(std::string_view text);

/// Compare two text words as COPY REPLACING does: words and separators ignoring case,
/// literals exactly.
bool same_text_word(std::string_view a_text, const text_word& a, std::string_view b_text,
                    const text_word& b);

/// Upper-case an ASCII letter; other bytes (UTF-8 or EBCDIC-derived text) stay as they are.
inline char ascii_upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; }

/// Compare ignoring ASCII case.
bool iequals(std::string_view a, std::string_view b);

/// Tell whether `upper_word` (upper case) occurs anywhere in text, in any case: a cheap
/// test before splitting a whole text into words.
bool contains_word_text(std::string_view text, std::string_view upper_word);

/// Character helpers shared by the reader and the expander (blanks within one line).
inline bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v'; }
inline bool is_quote(char c) { return c == '"' || c == '\''; }
inline bool all_blank(std::string_view s) {
  for (const char c : s) {
    if (!is_blank(c)) return false;
  }
  return true;
}
inline std::size_t first_non_blank(std::string_view s, std::size_t from = 0) {
  while (from < s.size() && is_blank(s[from])) ++from;
  return from;
}
inline std::string_view trim_right(std::string_view s) {
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

/// The characters of a text word.
inline std::string_view word_text(std::string_view text, const text_word& w) {
  return text.substr(w.begin, w.end - w.begin);
}

}  // namespace mfb::copybook::detail
