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

// IBM (concatenation expressions): alphanumeric operands (quoted or X'..') join each other,
// national ones (N'..', NX'..') each other, DBCS ones each other; cobc -std=ibm agrees.
const char* literal_category(ast::literal_kind k) {
  switch (k) {
    case ast::literal_kind::national: return "national";
    case ast::literal_kind::dbcs: return "DBCS";
    default: return "alphanumeric";
  }
}

}  // namespace

bool resolver_pass::check_joined(const ast::literal& lit) {
  if (lit.joined.size() < 2) return true;
  const ast::joined_operand& first = lit.joined.front();
  bool hex_and_text = false;
  for (const auto& op : lit.joined) {
    if (std::string_view(literal_category(op.kind)) != literal_category(first.kind)) {
      error(op.offset, std::string("only literals of one category can be joined with &, not ") +
                           literal_category(first.kind) + " and " + literal_category(op.kind));
      return false;
    }
    hex_and_text |= (op.kind == ast::literal_kind::hex) != (first.kind == ast::literal_kind::hex);
  }
  // The layout keeps a hex literal as its hex digits and quoted text as its characters: the
  // two cannot make one value text without a code page, so say how the value reads.
  if (hex_and_text)
    warning(lit.offset, "a hex literal joined with quoted text: the value is kept as written "
                        "(its hex digits and its characters), not as the bytes the compiler stores");
  return true;
}

bool resolver_pass::check_literal(const ast::literal& lit) {
  if (!check_joined(lit)) return false;
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
