// PICTURE string analysis (IBM Enterprise COBOL Language Reference, "PICTURE clause").

#include "picture.hpp"

#include <cctype>
#include <optional>
#include <vector>

namespace mfb::copybook::detail {
namespace {

char upper(char c) { return static_cast<char>(std::toupper(static_cast<unsigned char>(c))); }

bool is_symbol(char c) {
  switch (c) {
    case 'A': case 'X': case '9': case 'S': case 'V': case 'P': case 'N': case 'G':
    case 'E': case 'Z': case '*': case '+': case '-': case 'C': case 'R': case 'D':
    case 'B': case '0': case '/': case ',': case '.': case '$': case 'U':
      return true;
    default:
      return false;
  }
}

/// Expand "X(3)9(2)" to "XXX99"; returns false with an error on a bad repetition factor.
bool expand(std::string_view text, picture_analysis& out, std::vector<std::size_t>& origin) {
  std::string& ex = out.info.expanded;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = upper(text[i]);
    if (c == '(') {
      if (ex.empty()) {
        out.error = "a repetition factor in a PICTURE string must follow a symbol";
        out.error_offset = i;
        return false;
      }
      std::size_t close = text.find(')', i);
      if (close == std::string_view::npos) {
        out.error = "missing ')' after the repetition factor";
        out.error_offset = text.size();
        return false;
      }
      std::string_view digits = text.substr(i + 1, close - i - 1);
      long n = 0;
      bool ok = !digits.empty() && digits.size() <= 7;
      for (char d : digits) {
        if (!std::isdigit(static_cast<unsigned char>(d))) ok = false;
        else n = n * 10 + (d - '0');
      }
      if (!ok || n == 0) {
        out.error = "the repetition factor '(" + std::string(digits) +
                    ")' in the PICTURE string must be a positive integer";
        out.error_offset = i;
        return false;
      }
      ex.append(static_cast<std::size_t>(n - 1), ex.back());
      origin.resize(ex.size(), origin.back());
      i = close;
      continue;
    }
    if (!is_symbol(c)) {
      out.error = std::string("'") + text[i] + "' is not a PICTURE symbol";
      out.error_offset = i;
      return false;
    }
    ex.push_back(c);
    origin.push_back(i);
  }
  return true;
}

}  // namespace

/// The analysis itself, with the repetition factors expanded in full.
picture_analysis analyse_expanded(std::string_view text);

/// X(n), A(n), N(n), G(n) analysed without expanding them: PIC X(9999999) would otherwise
/// cost a 10-million-symbol walk (and 90 MB of scratch) per item.
static std::optional<picture_analysis> analyse_single_run(std::string_view text) {
  if (text.size() < 4 || text[1] != '(' || text.back() != ')' || text.size() > 10) return {};
  char c = upper(text[0]);
  if (c != 'X' && c != 'A' && c != 'N' && c != 'G') return {};
  int n = 0;
  for (char d : text.substr(2, text.size() - 3)) {
    if (!std::isdigit(static_cast<unsigned char>(d))) return {};
    n = n * 10 + (d - '0');
  }
  if (n <= static_cast<int>(max_kept_expansion)) return {};  // small: the general path
  picture_analysis out;
  out.info.text = std::string(text);
  out.info.char_count = n;
  out.kind = c == 'X' ? category::alphanumeric : c == 'A' ? category::alphabetic
             : c == 'N' ? category::national : category::dbcs;
  return out;
}

picture_analysis analyse_picture(std::string_view text) {
  if (auto run = analyse_single_run(text)) return *run;
  picture_analysis out = analyse_expanded(text);
  // Only edited pictures need the expansion (IBM allows 249 numeric-edited positions), and
  // keeping it for PIC X(9999999) would hold 10 MB per item: a copybook of a few thousand
  // lines could take gigabytes before its record length is even known.
  if (out.info.expanded.size() > max_kept_expansion) {
    out.info.expanded.clear();
    out.info.expanded.shrink_to_fit();
  }
  return out;
}

picture_analysis analyse_expanded(std::string_view text) {
  picture_analysis out;
  out.info.text = std::string(text);
  if (text.empty()) {
    out.error = "empty PICTURE string";
    return out;
  }
  std::vector<std::size_t> origin;  // expanded position -> position in `text`
  if (!expand(text, out, origin)) return out;
  const std::string& ex = out.info.expanded;
  auto fail = [&](std::size_t i, std::string message) {
    out.error = std::move(message);
    out.error_offset = i < origin.size() ? origin[i] : text.size();
    return out;
  };

  int count_a = 0, count_x = 0, count_9 = 0, count_n = 0, count_g = 0, count_v = 0;
  int count_s = 0, count_edit_num = 0, count_edit_insert = 0, count_e = 0, count_point = 0;
  int digits_after_point = 0;
  bool after_point = false;
  bool seen_digit = false;
  int p_leading = 0, p_trailing = 0;
  int chars = 0;
  // Floating insertion strings (+++, ---, $$$): the first symbol holds only the sign or
  // currency, the rest are digit positions.
  char float_symbol = 0;
  int float_len = 0;
  int sign_edits = 0;

  for (std::size_t i = 0; i < ex.size(); ++i) {
    char c = ex[i];
    switch (c) {
      case 'A': ++count_a; ++chars; break;
      case 'X': ++count_x; ++chars; break;
      case 'N': ++count_n; ++chars; break;
      case 'G': ++count_g; ++chars; break;
      case '9':
        ++count_9; ++chars; seen_digit = true;
        if (after_point) ++digits_after_point;
        break;
      case 'S':
        if (i != 0) {
          return fail(i, "S must be the first symbol of a PICTURE string");
        }
        ++count_s;
        break;
      case 'V':
        if (++count_v > 1) {
          return fail(i, "a PICTURE string may contain only one V");
        }
        after_point = true;
        break;
      case 'P':
        // P before any digit scales right of the point (PPP999 = .000999), after the
        // digits it scales left (999PPP = 999000).
        if (seen_digit) ++p_trailing;
        else ++p_leading;
        break;
      case 'Z': case '*':
        ++count_edit_num; ++chars; seen_digit = true;
        if (after_point) ++digits_after_point;
        break;
      case '+': case '-': case '$':
        ++count_edit_num; ++chars;
        if (c != '$') ++sign_edits;
        if (float_symbol == c) {
          ++float_len;
          seen_digit = true;
          if (after_point) ++digits_after_point;
        } else {
          float_symbol = c;
          float_len = 1;
        }
        break;
      case 'C': case 'D':
        if (i + 1 < ex.size() && ((c == 'C' && ex[i + 1] == 'R') || (c == 'D' && ex[i + 1] == 'B'))) {
          if (i + 2 != ex.size()) {
            return fail(i, std::string(c == 'C' ? "CR" : "DB") +
                        " must be the last symbol of a PICTURE string");
          }
          ++count_edit_num; ++sign_edits; chars += 2; ++i;
          break;
        }
        return fail(i, std::string("'") + c + "' is not a PICTURE symbol");
      case 'R': case 'U':
        return fail(i, std::string("'") + c + "' is not a PICTURE symbol");
      case 'B': case '0': case '/':
        ++count_edit_insert; ++chars; break;
      case ',':
        ++count_edit_num; ++chars; break;
      case '.':
        ++count_edit_num; ++chars; ++count_point; after_point = true;
        if (count_point > 1 || count_v > 0) {
          return fail(i, "a PICTURE string may contain only one decimal point");
        }
        break;
      case 'E':
        ++count_e; ++chars; break;
      default:
        break;
    }
    if (c != '+' && c != '-' && c != '$' && float_symbol != 0 && c != ',' && c != '.' &&
        c != 'B' && c != '0' && c != '/') {
      float_symbol = 0;  // a floating string is broken by any non-insertion symbol
    }
  }

  picture_info& info = out.info;
  info.char_count = chars;
  out.has_s = count_s > 0;
  out.p_count = p_leading + p_trailing;
  int float_digits = 0;
  // Count digit positions of all floating strings: every '+', '-' or '$' after the first of
  // its string is a digit position (tracked above through seen_digit/digits_after_point).
  {
    char prev = 0;
    int run = 0;
    for (char c : ex) {
      if ((c == '+' || c == '-' || c == '$') && c == prev) {
        ++run;
      } else if (c == '+' || c == '-' || c == '$') {
        if (run > 1) float_digits += run - 1;
        prev = c;
        run = 1;
      } else if (c == ',' || c == '.' || c == 'B' || c == '0' || c == '/') {
        // insertion characters inside a floating string do not break it
      } else {
        if (run > 1) float_digits += run - 1;
        prev = 0;
        run = 0;
      }
    }
    if (run > 1) float_digits += run - 1;
  }

  bool alnum_symbols = count_a + count_x > 0;
  bool numeric_edits = count_edit_num > 0;
  if (count_e > 0) {
    out.kind = category::floating;
    info.digits = count_9;
    info.is_signed = true;
    return out;
  }
  if (count_g > 0 || (count_n > 0 && count_edit_insert == 0 && !alnum_symbols && count_9 == 0)) {
    if (alnum_symbols || count_9 > 0 || numeric_edits) {
      out.error = "G and N cannot be mixed with other symbols except B";
      return out;
    }
    out.kind = count_g > 0 ? category::dbcs : category::national;
    return out;
  }
  if (count_n > 0) {
    if (alnum_symbols || count_9 > 0 || numeric_edits) {
      out.error = "N cannot be mixed with A, X, 9 or numeric editing symbols";
      return out;
    }
    out.kind = category::national_edited;
    return out;
  }
  if (alnum_symbols) {
    if (count_s + count_v + out.p_count > 0 || numeric_edits) {
      out.error = "S, V, P and numeric editing symbols cannot be used with A or X";
      return out;
    }
    if (count_edit_insert > 0) out.kind = category::alphanumeric_edited;
    else if (count_x == 0 && count_9 == 0) out.kind = category::alphabetic;
    else out.kind = category::alphanumeric;
    return out;
  }
  // Numeric or numeric-edited.
  info.digits = count_9 + (numeric_edits ? count_edit_num : 0);
  if (numeric_edits) {
    // Only Z, *, 9 and floating-string positions hold digits.
    int z = 0;
    for (char c : ex) {
      if (c == 'Z' || c == '*') ++z;
    }
    info.digits = count_9 + z + float_digits;
    if (count_s > 0) out.nonstandard = "S cannot be used in a numeric-edited PICTURE string";
    info.is_signed = sign_edits > 0 || count_s > 0;
    out.kind = category::numeric_edited;
  } else if (count_edit_insert > 0) {
    info.is_signed = count_s > 0;
    out.kind = category::numeric_edited;
  } else {
    info.is_signed = count_s > 0;
    out.kind = category::numeric;
  }
  if (info.digits == 0 && out.kind == category::numeric) {
    out.error = "a numeric PICTURE string needs at least one 9";
    return out;
  }
  // Scale: digits right of the point, plus leading P positions (PPP999 = .000999),
  // minus trailing P positions (999PPP = 999000).
  if (p_leading > 0 && p_trailing > 0) {
    out.error = "P may appear only at the left or at the right of the digit positions";
    return out;
  }
  if (p_leading > 0) info.scale = p_leading + info.digits;
  else if (p_trailing > 0) info.scale = -p_trailing;
  else info.scale = digits_after_point;
  return out;
}

}  // namespace mfb::copybook::detail
