// COPY REPLACING / REPLACE matching (IBM Enterprise COBOL Language Reference, "COPY
// statement: comparison operation"; GnuCOBOL's preprocessor behaves the same way).

#include "replacing.hpp"

#include <algorithm>
#include <utility>

namespace mfb::copybook::detail {
namespace {

std::vector<text_word> comparable_words(std::string_view text) {
  std::vector<text_word> words = split_text_words(text);
  // A run of separator commas and semicolons compares as a space, i.e. not at all.
  words.erase(std::remove_if(words.begin(), words.end(),
                             [](const text_word& w) { return w.kind == word_kind::comma; }),
              words.end());
  return words;
}

bool ichar_equal(char a, char b) { return ascii_upper(a) == ascii_upper(b); }

located_text trimmed(located_text t) {
  std::size_t begin = 0;
  std::size_t end = t.text.size();
  auto blank = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
  while (begin < end && blank(t.text[begin])) ++begin;
  while (end > begin && blank(t.text[end - 1])) --end;
  if (begin == 0 && end == t.text.size()) return t;
  located_text out;
  out.append_slice(t, begin, end - begin);
  return out;
}

}  // namespace

replacement make_replacement(replacement::mode how, located_text from, located_text to) {
  replacement r;
  r.how = how;
  r.from = trimmed(std::move(from));
  r.from_words = comparable_words(r.from.text);
  r.to = trimmed(std::move(to));
  return r;
}

located_text apply_replacing(const located_text& in, const std::vector<replacement>& rules) {
  const std::vector<text_word> words = comparable_words(in.text);
  const std::string_view text(in.text);
  located_text out;
  std::size_t copied = 0;  // in.text before this offset is already in `out`
  std::size_t i = 0;
  while (i < words.size()) {
    bool matched = false;
    for (const replacement& r : rules) {
      if (r.from_words.empty()) continue;
      const std::string_view from(r.from.text);
      if (r.how == replacement::mode::whole) {
        const std::size_t n = r.from_words.size();
        if (i + n > words.size()) continue;
        bool all = true;
        for (std::size_t k = 0; k < n && all; ++k) {
          all = same_text_word(text, words[i + k], from, r.from_words[k]);
        }
        if (!all) continue;
        out.append_slice(in, copied, words[i].begin - copied);
        out.append(r.to);
        copied = words[i + n - 1].end;
        i += n;
        matched = true;
        break;
      }
      // LEADING / TRAILING: operand-1 is one word, matched inside COBOL words only.
      const text_word& w = words[i];
      const std::string_view part = word_text(from, r.from_words.front());
      const std::string_view whole = word_text(text, w);
      if (w.kind != word_kind::word || part.size() > whole.size()) continue;
      const std::string_view piece = r.how == replacement::mode::leading
                                         ? whole.substr(0, part.size())
                                         : whole.substr(whole.size() - part.size());
      if (!std::equal(piece.begin(), piece.end(), part.begin(), ichar_equal)) continue;
      const std::size_t piece_begin =
          r.how == replacement::mode::leading ? w.begin : w.end - part.size();
      out.append_slice(in, copied, piece_begin - copied);
      out.append(r.to);
      copied = piece_begin + part.size();
      ++i;
      matched = true;
      break;
    }
    if (!matched) ++i;
  }
  out.append_slice(in, copied, in.text.size() - copied);
  return out;
}

}  // namespace mfb::copybook::detail
