// Elementary values for the record encoder: exact number parsing (JSON number text or a
// numeric string, exponents allowed), scale checks, and the codec call per usage, with a
// reason in words for every way a value can be refused.

#include "mfb/ebcdic/hex.hpp"
#include "codec/record_encoder_value.hpp"

#include <charconv>

#include "mfb/ebcdic/binary.hpp"
#include "mfb/ebcdic/code_page.hpp"
#include "mfb/ebcdic/floating.hpp"
#include "mfb/ebcdic/packed.hpp"
#include "mfb/ebcdic/zoned.hpp"

namespace mfb::bridge::detail {

namespace eb = mfb::ebcdic;

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

std::string_view trim_right(std::string_view s) {
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

bool is_numeric_node(const encode_node& n) {
  return n.code == encode_code::zoned || n.code == encode_code::packed ||
         n.code == encode_code::binary || n.code == encode_code::edited ||
         n.code == encode_code::floating;
}

std::string too_many_digits(int digits) {
  return "too many digits: the field holds " + std::to_string(digits);
}

// Which character of `text` the page lacks, and where: "\"€\" (U+20AC, character 4 of
// the value)", so a user can find it in a long value; each character is tried alone.
std::string unmappable_character(const eb::code_page& page, std::string_view text) {
  std::size_t index = 0;
  for (std::size_t at = 0; at < text.size(); ++index) {
    const auto lead = static_cast<unsigned char>(text[at]);
    std::size_t len = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    len = std::min(len, text.size() - at);
    std::string_view ch = text.substr(at, len);
    std::uint8_t out[8];
    if (page.encode(ch, out, sizeof out) == eb::decode_status::unmappable) {
      std::uint32_t cp = len == 1 ? lead : lead & (0x7Fu >> len);
      for (std::size_t k = 1; k < len; ++k) cp = cp << 6 | (static_cast<unsigned char>(ch[k]) & 0x3Fu);
      char code[16];
      std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
      return "\"" + std::string(ch) + "\" (" + code + ", character " + std::to_string(index + 1) +
             " of the value)";
    }
    at += len;
  }
  return "a character";
}

std::string text_status(const encode_plan& plan, const encode_node& n, eb::decode_status s,
                        std::string_view text) {
  if (s == eb::decode_status::overflow)
    return "text too long: " + std::to_string(text.size()) + " bytes of UTF-8 for a field of " +
           std::to_string(n.length) + " bytes";
  if (s == eb::decode_status::unmappable)
    return unmappable_character(plan.page(), text) + " is not in code page " + plan.page().info().name;
  return eb::to_string(s);
}

// Compare two decimals exactly (-1, 0, 1).
int compare(const eb::decimal& a, const eb::decimal& b) {
  int s = a.scale > b.scale ? a.scale : b.scale;
  eb::int128_t x = 0, y = 0;
  if (!to_scale(a, s, x).empty() || !to_scale(b, s, y).empty()) return a.unscaled < b.unscaled ? -1 : 1;
  return x < y ? -1 : x > y ? 1 : 0;
}

bool figurative(std::string_view v, std::initializer_list<std::string_view> names) {
  for (auto n : names)
    if (v == n) return true;
  return false;
}

}  // namespace

std::string parse_exact_number(std::string_view text, eb::decimal& out) {
  std::string_view s = trim(text);
  std::size_t i = 0;
  bool negative = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
  eb::int128_t v = 0;
  int significant = 0, fraction = 0, seen = 0;
  bool point = false;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c == '.' && !point) {
      point = true;
      continue;
    }
    if (c < '0' || c > '9') break;
    ++seen;
    if (point) ++fraction;
    if (v == 0 && c == '0') continue;
    if (++significant > eb::decimal::max_digits) return "too many digits (more than 31)";
    v = v * 10 + (c - '0');
  }
  if (seen == 0) return "not a number";
  long exponent = 0;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    bool eneg = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) eneg = s[i++] == '-';
    std::size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - start < 4)
      exponent = exponent * 10 + (s[i++] - '0');
    if (i == start) return "not a number";
    if (eneg) exponent = -exponent;
  }
  if (i != s.size()) return "not a number";
  out.unscaled = negative ? -v : v;
  out.scale = static_cast<int>(fraction - exponent);
  return {};
}

std::string to_scale(eb::decimal value, int scale, eb::int128_t& unscaled) {
  eb::int128_t v = value.unscaled;
  for (int s = value.scale; s > scale; --s) {
    if (v == 0) break;
    if (v % 10 != 0)
      return scale > 0 ? "more fraction digits than the field's scale (" + std::to_string(scale) + ")"
             : scale == 0 ? "a fraction in an integer field"
                          : "not a multiple of 1E" + std::to_string(-scale) + " (the field's P scaling)";
    v /= 10;
  }
  for (int s = value.scale; s < scale && v != 0; ++s) {
    if (eb::digit_count(v) >= eb::decimal::max_digits) return "too many digits (more than 31)";
    v *= 10;
  }
  unscaled = v;
  return {};
}

std::string encode_value(const encode_plan& plan, const encode_node& n, json_kind kind,
                         std::string_view text, std::uint8_t* p, long long& count) {
  const eb::code_page& page = plan.page();
  if (kind != json_kind::string && kind != json_kind::number)
    return is_numeric_node(n) ? "expected a number" : "expected a string";
  switch (n.code) {
    case encode_code::raw: {
      if (kind != json_kind::string) return "expected a string of hex digits";
      if (text.size() != 2 * n.length)
        return "expected " + std::to_string(2 * n.length) + " hex digits (" +
               std::to_string(n.length) + " bytes), got " + std::to_string(text.size());
      for (std::size_t i = 0; i < n.length; ++i) {
        int hi = ebcdic::hex_digit(text[2 * i]), lo = ebcdic::hex_digit(text[2 * i + 1]);
        if (hi < 0 || lo < 0) return "not a hex digit at position " + std::to_string(2 * i + (hi < 0 ? 1 : 2));
        p[i] = static_cast<std::uint8_t>(hi * 16 + lo);
      }
      return {};
    }
    case encode_code::text: {
      if (n.justified && page.kind() == eb::page_kind::single_byte) {
        std::size_t chars = 0;
        for (char c : text) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        if (chars < n.length) {
          std::size_t pad = n.length - chars;
          for (std::size_t k = 0; k < pad; ++k) p[k] = plan.space_byte();
          auto s = page.encode(text, p + pad, chars);
          return s == eb::decode_status::ok ? std::string{} : text_status(plan, n, s, text);
        }
      }
      auto s = page.encode(text, p, n.length);
      return s == eb::decode_status::ok ? std::string{} : text_status(plan, n, s, text);
    }
    case encode_code::dbcs: {
      auto s = page.encode_dbcs(text, p, n.length);
      return s == eb::decode_status::ok ? std::string{} : text_status(plan, n, s, text);
    }
    case encode_code::national: {
      auto s = eb::encode_national(text, p, n.length);
      return s == eb::decode_status::ok ? std::string{} : text_status(plan, n, s, text);
    }
    case encode_code::floating: {
      std::string_view t = trim(text);
      if (!t.empty() && t.front() == '+') t.remove_prefix(1);
      double d = 0;
      auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), d);
      if (ec != std::errc{} || end != t.data() + t.size() || t.empty())
        return ec == std::errc::result_out_of_range ? "out of range for a double" : "not a number";
      auto s = eb::encode_float(d, n.length, plan.options().float_format, p);
      if (s == eb::decode_status::ok) return {};
      std::string what = n.length == 4 ? "COMP-1" : "COMP-2";
      if (s == eb::decode_status::overflow) return "too large for " + what;
      if (s == eb::decode_status::underflow) return "too small (and not zero) for " + what;
      return eb::to_string(s);
    }
    default:
      break;
  }
  // Fixed-point numbers.
  eb::decimal d;
  if (auto why = parse_exact_number(text, d); !why.empty()) return why;
  bool is_signed = n.is_signed;
  int scale = n.scale, digits = n.digits;
  if (n.code == encode_code::edited) {
    is_signed = plan.pattern(n).is_signed();
    scale = plan.pattern(n).scale();
    digits = plan.pattern(n).digits();
  }
  if (d.unscaled < 0 && !is_signed) return "negative value in an unsigned field";
  eb::int128_t u = 0;
  if (auto why = to_scale(d, scale, u); !why.empty()) return why;
  bool full = n.code == encode_code::binary && n.full_range;
  if (!full && eb::digit_count(u) > digits) return too_many_digits(digits);
  count = u > 0x7FFFFFFF ? 0x7FFFFFFFLL : u < 0 ? -1 : static_cast<long long>(u);
  eb::decode_status s = eb::decode_status::ok;
  switch (n.code) {
    case encode_code::zoned:
      s = eb::encode_zoned(u, digits, n.zoned, p);
      break;
    case encode_code::packed:
      s = eb::encode_packed(u, digits, is_signed, p);
      break;
    case encode_code::binary: {
      eb::binary_format fmt;
      fmt.is_signed = is_signed;
      fmt.digits = digits;
      fmt.trunc = full ? eb::truncation::binary : eb::truncation::standard;
      s = eb::encode_binary(u, n.length, fmt, p);
      if (s == eb::decode_status::out_of_range || s == eb::decode_status::overflow)
        return "out of range for a " + std::to_string(n.length) + "-byte binary field";
      break;
    }
    case encode_code::edited: {
      char buf[eb::edit_pattern::max_length];
      s = plan.pattern(n).encode(eb::decimal{u, scale}, buf);
      if (s == eb::decode_status::ok) {
        std::string_view chars(buf, plan.pattern(n).length());
        s = page.encode(chars, p, n.length);
        if (s != eb::decode_status::ok) return text_status(plan, n, s, chars);
      }
      break;
    }
    default:
      return "internal error: no codec for this field";
  }
  if (s == eb::decode_status::ok) return {};
  if (s == eb::decode_status::overflow) return too_many_digits(digits);
  if (s == eb::decode_status::invalid_sign) return "negative value in an unsigned field";
  return eb::to_string(s);
}

bool satisfies_88(const encode_plan& plan, const encode_node& n, std::string_view text) {
  const auto& f = plan.layout().fields[static_cast<std::size_t>(n.field)];
  if (f.conditions.empty()) return true;
  if (is_numeric_node(n)) {
    eb::decimal v;
    if (!parse_exact_number(text, v).empty()) return false;
    auto literal = [](const std::string& s, eb::decimal& out) {
      if (figurative(s, {"ZERO", "ZEROS", "ZEROES"})) {
        out = eb::decimal{};
        return true;
      }
      return parse_exact_number(s, out).empty();
    };
    for (const auto& c : f.conditions)
      for (const auto& cv : c.values) {
        eb::decimal lo, hi;
        if (!literal(cv.from, lo)) continue;
        if (!cv.thru) {
          if (compare(v, lo) == 0) return true;
        } else if (literal(*cv.thru, hi) && compare(v, lo) >= 0 && compare(v, hi) <= 0) {
          return true;
        }
      }
    return false;
  }
  auto normal = [](std::string_view s) {
    return figurative(s, {"SPACE", "SPACES"}) ? std::string_view{} : trim_right(s);
  };
  std::string_view v = trim_right(text);
  for (const auto& c : f.conditions)
    for (const auto& cv : c.values) {
      std::string_view lo = normal(cv.from);
      if (!cv.thru) {
        if (v == lo) return true;
      } else if (v >= lo && v <= normal(*cv.thru)) {
        return true;
      }
    }
  return false;
}

}  // namespace mfb::bridge::detail
