// COPY and REPLACE statement syntax (IBM Enterprise COBOL Language Reference, chapter
// "Compiler-directing statements").

#include "statement_parser.hpp"

#include <utility>

namespace mfb::copybook::detail {
namespace {

class clause_reader {
 public:
  clause_reader(const located_text& text, const std::vector<text_word>& words, std::size_t at)
      : text_(text), words_(words), i_(at) {}

  std::size_t index() const { return i_; }
  bool at_end() const { return i_ >= words_.size(); }
  bool keyword(std::string_view k) const { return is_keyword(text_, words_, i_, k); }
  bool period() const {
    return !at_end() && words_[i_].kind == word_kind::separator &&
           text_.text[words_[i_].begin] == '.';
  }
  void skip() { ++i_; }
  // Where a message about the current word points (the end of the text past the last word).
  std::size_t offset() const { return at_end() ? text_.text.size() : words_[i_].begin; }
  std::size_t end_of_previous() const { return i_ == 0 ? 0 : words_[i_ - 1].end; }
  const text_word& current() const { return words_[i_]; }

  // ==pseudo-text==, a literal, or a word with OF/IN qualifiers.
  std::optional<located_text> operand(std::optional<statement_error>& error) {
    located_text out;
    if (at_end()) {
      error = statement_error{offset(), "expected ==pseudo-text==, a word or a literal"};
      return std::nullopt;
    }
    const text_word w = words_[i_];
    if (w.kind == word_kind::pseudo_delimiter) {
      std::size_t j = i_ + 1;
      while (j < words_.size() && words_[j].kind != word_kind::pseudo_delimiter) ++j;
      if (j >= words_.size()) {
        error = statement_error{w.begin, "pseudo-text is not closed by '=='"};
        return std::nullopt;
      }
      out.append_slice(text_, w.end, words_[j].begin - w.end);
      i_ = j + 1;
      return out;
    }
    if (w.kind == word_kind::literal ||
        (w.kind == word_kind::word && !keyword("BY") && !keyword("REPLACING"))) {
      std::size_t end = w.end;
      ++i_;
      while (w.kind == word_kind::word && (keyword("OF") || keyword("IN")) &&
             i_ + 1 < words_.size() && words_[i_ + 1].kind == word_kind::word) {
        end = words_[i_ + 1].end;
        i_ += 2;
      }
      out.append_slice(text_, w.begin, end - w.begin);
      return out;
    }
    error = statement_error{w.begin, "expected ==pseudo-text==, a word or a literal"};
    return std::nullopt;
  }

  // operand BY operand pairs up to the period; LEADING/TRAILING allowed on operand-1.
  std::vector<replacement> pairs(std::optional<statement_error>& error) {
    std::vector<replacement> rules;
    while (!error && !at_end() && !period()) {
      replacement::mode how = replacement::mode::whole;
      if (keyword("LEADING")) how = replacement::mode::leading;
      if (keyword("TRAILING")) how = replacement::mode::trailing;
      if (how != replacement::mode::whole) skip();
      const std::size_t from_at = offset();
      std::optional<located_text> from = operand(error);
      if (!from) break;
      if (!keyword("BY")) {
        error = statement_error{offset(), "expected BY"};
        break;
      }
      skip();
      std::optional<located_text> to = operand(error);
      if (!to) break;
      replacement r = make_replacement(how, std::move(*from), std::move(*to));
      if (r.from_words.empty()) {
        error = statement_error{from_at, "the text to replace is empty"};
      } else if (how != replacement::mode::whole &&
                 (r.from_words.size() != 1 || r.from_words[0].kind != word_kind::word)) {
        error = statement_error{from_at, "LEADING and TRAILING replace part of one word"};
      }
      rules.push_back(std::move(r));
    }
    if (!error && rules.empty()) error = statement_error{offset(), "expected operand BY operand"};
    return rules;
  }

  // The closing period: consumed if there, else a warning and the statement ends here.
  template <typename Statement>
  void finish(Statement& s) {
    if (period()) {
      s.end = words_[i_].end;
      ++i_;
    } else {
      s.warning = statement_error{offset(), "the statement should end with a period"};
      s.end = end_of_previous();
    }
    s.next_word = i_;
  }

  // After an error the statement runs to the next period.
  template <typename Statement>
  void recover(Statement& s) {
    while (!at_end() && !period()) ++i_;
    s.end = at_end() ? text_.text.size() : words_[i_].end;
    s.next_word = at_end() ? i_ : i_ + 1;
  }

 private:
  const located_text& text_;
  const std::vector<text_word>& words_;
  std::size_t i_;
};

std::string unquote(std::string_view w) {
  if (w.size() >= 2 && (w.front() == '"' || w.front() == '\'') && w.back() == w.front()) {
    return std::string(w.substr(1, w.size() - 2));
  }
  return std::string(w);
}

}  // namespace

bool is_keyword(const located_text& text, const std::vector<text_word>& words, std::size_t i,
                std::string_view keyword) {
  return i < words.size() && words[i].kind == word_kind::word &&
         iequals(word_text(text.text, words[i]), keyword);
}

copy_statement parse_copy_statement(const located_text& text, const std::vector<text_word>& words,
                                    std::size_t at) {
  copy_statement s;
  clause_reader r(text, words, at + 1);
  auto name = [&](std::string& into) {
    if (r.at_end() ||
        (r.current().kind != word_kind::word && r.current().kind != word_kind::literal) ||
        r.period()) {
      return false;
    }
    into = unquote(word_text(text.text, r.current()));
    r.skip();
    return true;
  };
  s.member_offset = r.offset();
  if (!name(s.member)) {
    s.error = statement_error{r.offset(), "COPY must name a member"};
  } else if (r.keyword("OF") || r.keyword("IN")) {
    r.skip();
    if (!name(s.library))
      s.error = statement_error{r.offset(), "expected a library name after OF/IN"};
  }
  if (!s.error && r.keyword("SUPPRESS")) r.skip();
  if (!s.error && r.keyword("REPLACING")) {
    r.skip();
    s.rules = r.pairs(s.error);
  }
  if (!s.error && !r.period() && !r.at_end() && r.current().kind == word_kind::pseudo_delimiter) {
    s.error = statement_error{r.offset(), "pseudo-text outside REPLACING"};
  }
  if (s.error) {
    r.recover(s);
  } else {
    r.finish(s);
  }
  return s;
}

replace_statement parse_replace_statement(const located_text& text,
                                          const std::vector<text_word>& words, std::size_t at) {
  replace_statement s;
  clause_reader r(text, words, at + 1);
  if (r.keyword("LAST")) {
    r.skip();
    s.last = true;
  }
  if (r.keyword("OFF")) {
    r.skip();
    s.off = true;
  } else {
    if (r.keyword("ALSO")) {
      r.skip();
      s.also = true;
    }
    s.rules = r.pairs(s.error);
  }
  if (s.error) {
    r.recover(s);
  } else {
    r.finish(s);
  }
  return s;
}

}  // namespace mfb::copybook::detail
