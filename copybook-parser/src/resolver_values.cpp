// Resolver, what a field shows: VALUE literals and BLANK WHEN ZERO.
// Floating-point literals (IBM Enterprise COBOL Language Reference, "Floating-point
// literals"): [+|-]mantissa E [+|-]exponent, where the mantissa has 1 to 16 digits and must
// contain a decimal point, the exponent 1 or 2 digits, and the magnitude lies between
// 0.54E-78 and 0.72E+76 (or is zero).

#include <cstdlib>
#include <string>
#include <string_view>

#include "resolver_impl.hpp"

namespace mfb::copybook::detail {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_float_literal(const ast::literal& lit) {
  return lit.kind == ast::literal_kind::number &&
         lit.text.find_first_of("eE") != std::string::npos;
}

std::size_t digit_count(std::string_view s) {
  std::size_t n = 0;
  for (const char c : s) n += is_digit(c) ? 1U : 0U;
  return n;
}

// What is wrong with a floating-point literal, or "" when it is valid.
std::string float_literal_problem(const std::string& text) {
  const std::size_t e = text.find_first_of("eE");
  std::string_view mantissa = std::string_view(text).substr(0, e);
  std::string_view exponent = std::string_view(text).substr(e + 1);
  if (!mantissa.empty() && (mantissa.front() == '+' || mantissa.front() == '-')) {
    mantissa.remove_prefix(1);
  }
  if (mantissa.find('.') == std::string_view::npos) {
    return "the mantissa must contain a decimal point (write 1.0E5, not 1E5)";
  }
  if (digit_count(mantissa) > 16) return "the mantissa has more than 16 digits";
  if (!exponent.empty() && (exponent.front() == '+' || exponent.front() == '-')) {
    exponent.remove_prefix(1);
  }
  if (exponent.empty()) return "E must be followed by an exponent of 1 or 2 digits";
  if (exponent.size() > 2) return "the exponent has more than 2 digits";
  const long double value = std::strtold(text.c_str(), nullptr);
  const long double magnitude = value < 0 ? -value : value;
  if (magnitude != 0 && (magnitude < 0.54e-78L || magnitude > 0.72e76L)) {
    return "its magnitude is outside 0.54E-78 to 0.72E+76";
  }
  return "";
}

}  // namespace

bool resolver_pass::check_literal(const ast::literal& lit) {
  if (!is_float_literal(lit)) return true;
  const std::string problem = float_literal_problem(lit.text);
  if (problem.empty()) return true;
  error(lit.offset, "bad floating-point literal '" + lit.text + "': " + problem);
  return false;
}

void resolver_pass::check_values(record_work& r) {
  for (std::size_t i = 0; i < r.layout.fields.size(); ++i) {
    const field& f = r.layout.fields[i];
    const item_info& info = r.info[i];
    if (info.value == nullptr || info.bad) continue;
    for (const auto& item : info.value->items) {
      if (!check_literal(item.from) || !is_float_literal(item.from)) continue;
      if (f.kind != category::floating) {
        error(item.from.offset, "the floating-point literal '" + item.from.text +
                                    "' may only be the VALUE of a COMP-1, COMP-2 or external "
                                    "floating-point item (item " + f.name + ")");
      }
    }
  }
}

void resolver_pass::blank_when_zero(field& f, const item_info& info) {
  if (!f.blank_when_zero || info.bad || !f.picture) return;
  // IBM (BLANK WHEN ZERO clause): only numeric or numeric-edited DISPLAY/NATIONAL items,
  // never with S in the picture; a numeric item with it is numeric-edited (zero is shown
  // as spaces, so the field is no longer a zoned number).
  const bool display_like = f.use == usage::display || f.use == usage::national;
  const bool numeric = f.kind == category::numeric || f.kind == category::numeric_edited;
  const std::size_t at = picture_text_offset(info);
  if (!numeric || !display_like) {
    error(at, "BLANK WHEN ZERO needs a numeric or numeric-edited DISPLAY item (item " +
                  f.name + ")");
  } else if (f.kind == category::numeric && info.pic.has_s) {
    error(at, "item " + f.name + " cannot have both S in its PICTURE and BLANK WHEN ZERO");
  } else if (f.kind == category::numeric) {
    f.kind = category::numeric_edited;
    f.sign = sign_position::none;
  }
}

}  // namespace mfb::copybook::detail
