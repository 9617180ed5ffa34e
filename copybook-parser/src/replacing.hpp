#pragma once
// The replacing operations of COPY ... REPLACING and REPLACE, applied to located text.

#include <string>
#include <vector>

#include "located_text.hpp"
#include "text_words.hpp"

namespace mfb::copybook::detail {

/// One "operand-1 BY operand-2" pair.
struct replacement {
  enum class mode {
    whole,     ///< operand-1 matches a sequence of whole text words
    leading,   ///< operand-1 (one word) matches the start of a text word
    trailing,  ///< operand-1 (one word) matches the end of a text word
  };
  mode how = mode::whole;
  located_text from;                  ///< operand-1's text
  std::vector<text_word> from_words;  ///< its text words, separator commas left out
  located_text to;                    ///< operand-2's text, as written, blanks trimmed
};

/// Build a replacement from operand texts (the inside of pseudo-text, or a word/literal).
replacement make_replacement(replacement::mode how, located_text from, located_text to);

/// Apply replacements to text in one left-to-right pass: at each text word the first
/// operation that matches wins, replaced text is not scanned again, and an unmatched
/// word is copied as is. Words compare ignoring case, literals exactly; a whole-word
/// operand never matches part of a word or of a literal.
located_text apply_replacing(const located_text& in, const std::vector<replacement>& rules);

}  // namespace mfb::copybook::detail
