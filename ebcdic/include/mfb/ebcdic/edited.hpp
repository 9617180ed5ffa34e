#pragma once
// Numeric-edited pictures (Z * + - CR DB , . $ B 0 /): decode the shown number, and edit a
// value exactly as COBOL's MOVE does. Works on characters (ASCII symbols); the caller
// transcodes to and from the code page. Also alphanumeric-edited pictures (X A 9 with B 0 /).

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "mfb/ebcdic/decimal.hpp"
#include "mfb/ebcdic/decode_status.hpp"
#include "mfb/ebcdic/result.hpp"

namespace mfb::ebcdic {

/// A compiled edit pattern (built once per field, reused for every record).
///
/// The editing follows IBM's rules (Enterprise COBOL Language Reference, PICTURE clause):
/// simple insertion B 0 / , ; special insertion . ; fixed insertion $ + - CR DB; floating
/// insertion $$ ++ -- (the leftmost symbol only holds the sign or currency); zero suppression
/// Z and *; BLANK WHEN ZERO; P scaling; V. Simple insertion characters to the left of the
/// first shown digit are replaced by the fill character, B 0 and / included (GnuCOBOL 3.1
/// keeps 0 and /; IBM's rule, followed here, counts them as part of the suppression string).
class edit_pattern {
 public:
  /// Longest edited field accepted by compile(), in characters.
  static constexpr std::size_t max_length = 255;

  /// Compile an expanded or unexpanded numeric-edited picture ("ZZ,ZZ9.99CR", "$$$,$$9.99",
  /// "+9(5)"), with DECIMAL-POINT IS COMMA when `decimal_comma`. `cobrix_signs`: decode
  /// also reads '+' where a fixed '-' shows a positive value's space (Cobrix reads either;
  /// IBM's MOVE writes the space). A leading S (Cobrix's S9(3).99) is accepted always:
  /// the copybook parser refuses it unless asked for Cobrix's extensions.
  static result<edit_pattern> compile(std::string_view picture, bool blank_when_zero = false,
                                      bool decimal_comma = false, bool cobrix_signs = false);

  std::size_t length() const noexcept;  ///< characters in the edited field
  int digits() const noexcept;          ///< digit positions shown (P positions not counted)
  int scale() const noexcept;           ///< digits after the decimal point (negative with P)
  bool is_signed() const noexcept;      ///< has + - CR or DB

  /// Edit `value` (at any scale; extra fraction digits are truncated as MOVE does, high-order
  /// digits that do not fit are truncated too and reported as overflow) into length() chars.
  /// The characters are always written, also when the status is overflow.
  decode_status encode(const decimal& value, char* out) const noexcept;

  /// Read back the number an edited field shows, at scale(). Text the pattern could not
  /// produce is invalid_edited (a wrong size is invalid_length); an all-space field is zero
  /// when the pattern edits zero to spaces (BLANK WHEN ZERO, or only Z / floating digits).
  decode_status decode(std::string_view text, decimal& out) const noexcept;

  /// One compiled output position.
  struct step {
    std::uint8_t kind = 0;  ///< a detail::edit_kind
    char symbol = ' ';      ///< the character shown (insertion, point, currency, CR/DB letter)
  };

 private:
  // Write the edited characters of `digits` (digits_ ASCII digits, left to right).
  void edit(const char* digits, bool negative, char* out) const noexcept;

  std::vector<step> steps_;
  std::size_t length_ = 0;
  int digits_ = 0;
  int scale_ = 0;
  bool signed_ = false;
  bool blank_when_zero_ = false;
  bool decimal_comma_ = false;
  bool cobrix_signs_ = false;
  bool all_suppressed_ = false;  // every digit position is Z, * or floating: zero is all fill
  bool starts_suppressed_ = false;
  char fill_ = ' ';           // what suppressed positions show: ' ' or '*'
  char float_symbol_ = '\0';  // '$', '+', '-' for floating insertion, else 0
};

/// A compiled alphanumeric-edited picture: X, A and 9 positions hold data; B, 0 and /
/// are inserted as ' ', '0' and '/'.
class alnum_edit_pattern {
 public:
  /// Compile "XXBXX", "X(3)/X(2)", "99/99/99" style pictures. At least one data position
  /// and one insertion symbol are not required: "X(5)" compiles too.
  static result<alnum_edit_pattern> compile(std::string_view picture);

  std::size_t length() const noexcept { return picture_.size(); }    ///< edited characters
  std::size_t data_length() const noexcept { return data_length_; }  ///< X/A/9 positions

  /// Insert the editing characters as MOVE to an alphanumeric-edited item does: `data`
  /// fills the data positions left to right, padded with spaces; longer data is truncated
  /// and reported as overflow (the length() characters are written anyway).
  decode_status insert(std::string_view data, char* out) const noexcept;

  /// Remove the editing characters: write the data_length() data characters to `out`.
  /// An insertion position holding anything but its character is invalid_edited.
  decode_status remove(std::string_view text, char* out) const noexcept;

 private:
  std::vector<char> picture_;  // expanded: 'X' for data, else the inserted character
  std::size_t data_length_ = 0;
};

}  // namespace mfb::ebcdic
