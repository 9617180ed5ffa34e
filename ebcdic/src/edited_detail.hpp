#pragma once
// Internals shared by the numeric- and alphanumeric-edited pattern compilers.

#include <cstdint>
#include <string>
#include <string_view>

namespace mfb::ebcdic::detail {

/// What one compiled output position of a numeric-edited pattern does.
enum class edit_kind : std::uint8_t {
  digit,        ///< 9: always a digit
  suppress,     ///< Z or *: a digit, or the fill while leading zeros are suppressed
  float_lead,   ///< the leftmost floating symbol: never a digit, holds at most the symbol
  float_digit,  ///< the other floating symbols: digits, or space while suppressed
  insert,       ///< B 0 / , : the symbol, or the fill while suppressed
  point,        ///< the actual decimal point: ends suppression
  plus,         ///< fixed +: '+' or '-'
  minus,        ///< fixed -: ' ' or '-'
  sign_letter,  ///< one letter of CR or DB: the letter when negative, else space
  currency,     ///< fixed currency symbol
  overpunch,    ///< the last digit of an S picture (Cobrix's S9(3).99): sign in its zone
};

/// Expand repetition factors and fold to upper case: "z(3)9.9(2)cr" -> "ZZZ9.99C".
/// CR and DB become the single tokens 'C' and 'D'. Returns false with `why` set on a
/// malformed picture (unknown symbol, bad count, longer than `max_length`).
bool expand_picture(std::string_view picture, std::size_t max_length, std::string& tokens,
                    std::string& why);

}  // namespace mfb::ebcdic::detail
