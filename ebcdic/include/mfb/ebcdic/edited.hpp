#pragma once
// Numeric-edited pictures (Z * + - CR DB , . $ B 0 /): decode the shown number, and edit a
// value exactly as COBOL's MOVE does. Works on characters (ASCII symbols); the caller
// transcodes to and from the code page.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "mfb/ebcdic/decimal.hpp"
#include "mfb/ebcdic/decode_status.hpp"
#include "mfb/ebcdic/result.hpp"

namespace mfb::ebcdic {

/// A compiled edit pattern (built once per field, reused for every record).
class edit_pattern {
 public:
  /// Compile an expanded or unexpanded numeric-edited picture ("ZZ,ZZ9.99CR", "$$$,$$9.99",
  /// "+9(5)"), with DECIMAL-POINT IS COMMA when `decimal_comma`.
  static result<edit_pattern> compile(std::string_view picture, bool blank_when_zero = false,
                                      bool decimal_comma = false);

  std::size_t length() const noexcept;  ///< characters in the edited field
  int digits() const noexcept;          ///< digit positions
  int scale() const noexcept;           ///< digits after the decimal point
  bool is_signed() const noexcept;      ///< has + - CR or DB

  /// Edit `value` (at any scale; extra fraction digits are truncated as MOVE does, high-order
  /// digits that do not fit are truncated too and reported as overflow) into length() chars.
  decode_status encode(const decimal& value, char* out) const noexcept;

  /// Read back the number an edited field shows. Text the pattern could not produce is
  /// invalid_edited; an all-space field (BLANK WHEN ZERO) is zero.
  decode_status decode(std::string_view text, decimal& out) const noexcept;

  struct step;  // one compiled picture position; defined in edited.cpp

 private:
  std::vector<step> steps_;
  std::size_t length_ = 0;
  int digits_ = 0;
  int scale_ = 0;
  bool signed_ = false;
  bool blank_when_zero_ = false;
  bool decimal_comma_ = false;
};

}  // namespace mfb::ebcdic
