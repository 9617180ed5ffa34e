// Numeric-edited PICTURE -> edit_pattern: settles, once per field, which symbols are fixed,
// floating or suppressing, where the decimal point is and how P scales, so that encode and
// decode only walk a flat list of output positions.

#include <string>

#include "edited_detail.hpp"
#include "mfb/ebcdic/edited.hpp"

namespace mfb::ebcdic {

using detail::edit_kind;

namespace {

struct counts {
  int plus = 0, minus = 0, dollar = 0, z = 0, star = 0, nine = 0, point = 0, v = 0, p = 0;
  int cr_db = 0;
  int s = 0;  // S: Cobrix's extension (an overpunched sign), not IBM's
};

bool is_insertion(char c, char comma) noexcept {
  return c == 'B' || c == '0' || c == '/' || c == comma;
}

}  // namespace

result<edit_pattern> edit_pattern::compile(std::string_view picture, bool blank_when_zero,
                                           bool decimal_comma, bool cobrix_signs) {
  const std::string pic(picture);
  auto fail = [&pic](const std::string& why) -> result<edit_pattern> {
    return error{why + " in numeric-edited PICTURE " + pic};
  };
  std::string t;
  std::string why;
  if (!detail::expand_picture(picture, max_length, t, why)) return fail(why);

  const char point = decimal_comma ? ',' : '.';  // the actual decimal point
  const char comma = decimal_comma ? '.' : ',';  // the simple-insertion separator
  const std::size_t n = t.size();
  counts c;
  for (std::size_t i = 0; i < n; ++i) {
    switch (t[i]) {
      case '+':
        ++c.plus;
        break;
      case '-':
        ++c.minus;
        break;
      case '$':
        ++c.dollar;
        break;
      case 'Z':
        ++c.z;
        break;
      case '*':
        ++c.star;
        break;
      case '9':
        ++c.nine;
        break;
      case 'V':
        ++c.v;
        break;
      case 'P':
        ++c.p;
        break;
      case 'C':
      case 'D':
        ++c.cr_db;
        if (i + 1 != n) return fail("CR or DB must be the last symbol");
        break;
      case 'S':
        ++c.s;
        if (i != 0) return fail("S must be the first symbol");
        break;
      case 'X':
      case 'A':
        return fail("X or A in a numeric-edited picture");
      default:
        if (t[i] == point) ++c.point;
        break;
    }
  }
  if (c.z > 0 && c.star > 0) return fail("Z and * together");
  if (c.point + c.v > 1) return fail("more than one decimal point");
  if (c.p > 0 && c.point > 0) return fail("P with an actual decimal point");
  if (c.plus > 0 && c.minus > 0) return fail("both + and -");
  if (blank_when_zero && c.star > 0) return fail("BLANK WHEN ZERO with *");
  const int signs = c.plus + c.minus;
  const char sign_char = c.plus > 0 ? '+' : '-';
  if (signs > 0 && c.cr_db > 0) return fail("CR or DB with + or -");
  if (c.s > 0 && (signs > 0 || c.cr_db > 0)) return fail("S with + - CR or DB");
  if (c.s > 0 && blank_when_zero) return fail("S with BLANK WHEN ZERO");

  // Fixed insertion: a single sign at either end, a single currency symbol at the left
  // (after a leading fixed sign). Two or more of a symbol make it floating.
  std::size_t fixed_sign_at = n;
  if (signs == 1) {
    fixed_sign_at = t.find(sign_char);
    if (fixed_sign_at != 0 && fixed_sign_at + 1 != n) {
      return fail("a fixed + or - must be the first or last symbol");
    }
  }
  if (c.dollar == 1) {
    const std::size_t at = t.find('$');
    if (!(at == 0 || (at == 1 && fixed_sign_at == 0))) {
      return fail("a fixed currency symbol must lead (after a leading sign)");
    }
  }
  char floating = '\0';
  if (signs >= 2 && c.dollar >= 2) return fail("two floating strings");
  if (signs >= 2) floating = sign_char;
  if (c.dollar >= 2) floating = '$';
  if (floating != '\0' && (c.z > 0 || c.star > 0)) return fail("Z or * with a floating string");

  std::size_t float_first = n;
  std::size_t float_last = n;
  if (floating != '\0') {
    float_first = t.find(floating);
    float_last = t.rfind(floating);
    for (std::size_t i = float_first; i <= float_last; ++i) {
      if (t[i] != floating && !is_insertion(t[i], comma) && t[i] != point && t[i] != 'V') {
        return fail("the floating string is interrupted");
      }
    }
    // The symbol is placed left of where suppression ends, so nothing that ends it may
    // come before the floating string.
    for (std::size_t i = 0; i < float_first; ++i) {
      if (t[i] == point || t[i] == 'V' || t[i] == 'P') {
        return fail("a decimal point or P before the floating string");
      }
    }
  }

  // Suppression (Z, *, floating digits) must come before every 9; past the decimal point
  // it is allowed only when every digit position suppresses.
  bool seen_nine = false;
  bool after_point = false;
  bool suppress_after_point = false;
  int digits = 0;
  int fraction = 0;
  int p_leading = 0;
  int p_trailing = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const char s = t[i];
    const bool float_digit = floating != '\0' && s == floating && i != float_first;
    const bool suppressing = s == 'Z' || s == '*' || float_digit;
    if (s == point || s == 'V') {
      after_point = true;
    } else if (s == 'P') {
      if (digits == 0) {
        ++p_leading;
      } else {
        if (after_point) return fail("P after the decimal point and digits");
        ++p_trailing;
      }
    } else if (suppressing || s == '9') {
      if (p_trailing > 0) return fail("digits after trailing P");
      if (suppressing && seen_nine) return fail("Z, * or a floating symbol after a 9");
      if (suppressing && after_point) suppress_after_point = true;
      seen_nine = seen_nine || s == '9';
      ++digits;
      if (after_point) ++fraction;
    }
  }
  if (suppress_after_point && c.nine > 0) {
    return fail("suppression past the decimal point while some digit positions are 9");
  }
  if (digits == 0) return fail("no digit positions");
  if (digits > decimal::max_digits) return fail("more than 31 digit positions");
  if (p_leading > 0) {
    const std::size_t first_p = t.find('P');
    if ((first_p != 0 && t[first_p - 1] != 'V') || t.find('V', first_p) != std::string::npos) {
      return fail("leading P must start the picture or follow V");
    }
  }

  edit_pattern pat;
  pat.digits_ = digits;
  // Leading P: every shown digit is a fraction digit, below the P positions.
  pat.scale_ = p_trailing > 0 ? -p_trailing : p_leading > 0 ? digits + p_leading : fraction;
  pat.signed_ = signs > 0 || c.cr_db > 0 || c.s > 0;
  pat.blank_when_zero_ = blank_when_zero;
  pat.decimal_comma_ = decimal_comma;
  pat.cobrix_signs_ = cobrix_signs;
  pat.all_suppressed_ = c.nine == 0;
  pat.starts_suppressed_ = c.z > 0 || c.star > 0 || floating != '\0';
  pat.fill_ = c.star > 0 ? '*' : ' ';
  pat.float_symbol_ = floating;
  auto add = [&pat](edit_kind k, char symbol) {
    pat.steps_.push_back(step{static_cast<std::uint8_t>(k), symbol});
  };
  for (std::size_t i = 0; i < n; ++i) {
    const char s = t[i];
    if (floating != '\0' && s == floating) {
      add(i == float_first ? edit_kind::float_lead : edit_kind::float_digit, s);
    } else if (s == '9') {
      add(edit_kind::digit, s);
    } else if (s == 'Z' || s == '*') {
      add(edit_kind::suppress, s);
    } else if (s == point) {
      add(edit_kind::point, point);
    } else if (is_insertion(s, comma)) {
      add(edit_kind::insert, s == 'B' ? ' ' : s);
    } else if (s == '+') {
      add(edit_kind::plus, s);
    } else if (s == '-') {
      add(edit_kind::minus, s);
    } else if (s == '$') {
      add(edit_kind::currency, s);
    } else if (s == 'C' || s == 'D') {
      add(edit_kind::sign_letter, s);
      add(edit_kind::sign_letter, s == 'C' ? 'R' : 'B');
    }
    // V, P and S take no position in the edited field.
  }
  pat.length_ = pat.steps_.size();
  if (pat.length_ == 0) return fail("no character positions");
  if (c.s > 0) {
    // S (Cobrix): the sign is overpunched on the last digit, as in a zoned S9(n) item.
    auto last = pat.steps_.rbegin();
    while (last != pat.steps_.rend() && last->kind != static_cast<std::uint8_t>(edit_kind::digit) &&
           last->kind != static_cast<std::uint8_t>(edit_kind::suppress)) {
      ++last;
    }
    if (last == pat.steps_.rend() || last->kind != static_cast<std::uint8_t>(edit_kind::digit)) {
      return fail("S needs a last digit position of 9");
    }
    last->kind = static_cast<std::uint8_t>(edit_kind::overpunch);
  }
  return pat;
}

std::size_t edit_pattern::length() const noexcept { return length_; }
int edit_pattern::digits() const noexcept { return digits_; }
int edit_pattern::scale() const noexcept { return scale_; }
bool edit_pattern::is_signed() const noexcept { return signed_; }

}  // namespace mfb::ebcdic
