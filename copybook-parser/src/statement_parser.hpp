#pragma once
// Parsing the compiler-directing statements COPY and REPLACE from text words.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "located_text.hpp"
#include "replacing.hpp"
#include "text_words.hpp"

namespace mfb::copybook::detail {

/// A parse problem at an offset of the text.
struct statement_error {
  std::size_t offset = 0;
  std::string message;
};

/// `COPY member [OF|IN library] [SUPPRESS] [REPLACING ...] .`
struct copy_statement {
  std::string member;   ///< quotes removed when written as a literal
  std::string library;  ///< empty when none
  std::size_t member_offset = 0;
  std::vector<replacement> rules;
  std::size_t end = 0;                     ///< offset just after the statement (its period)
  std::size_t next_word = 0;               ///< index of the first text word after it
  std::optional<statement_error> error;    ///< the statement is unusable
  std::optional<statement_error> warning;  ///< usable, but not as the standard says
};

/// `REPLACE [ALSO] operand BY operand ... .` or `REPLACE [LAST] OFF .`
struct replace_statement {
  bool off = false;
  bool last = false;  ///< LAST OFF: end only the most recent ALSO level
  bool also = false;
  std::vector<replacement> rules;
  std::size_t end = 0;
  std::size_t next_word = 0;
  std::optional<statement_error> error;
  std::optional<statement_error> warning;
};

/// Parse the COPY statement whose COPY word is words[at].
copy_statement parse_copy_statement(const located_text& text, const std::vector<text_word>& words,
                                    std::size_t at);

/// Parse the REPLACE statement whose REPLACE word is words[at].
replace_statement parse_replace_statement(const located_text& text,
                                          const std::vector<text_word>& words, std::size_t at);

/// Tell whether words[i] is the COBOL word `keyword` (any case).
bool is_keyword(const located_text& text, const std::vector<text_word>& words, std::size_t i,
                std::string_view keyword);

}  // namespace mfb::copybook::detail
