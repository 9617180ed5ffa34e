// One field's value masked in its own usage (see mask_values.hpp).

#include "mask/mask_values.hpp"

#include <vector>

#include "mfb/bridge/io/layout_framing.hpp"
#include "mfb/bridge/mask/tokens.hpp"
#include "mfb/ebcdic/packed.hpp"

namespace mfb::bridge::detail {

namespace eb = mfb::ebcdic;
namespace cb = mfb::copybook;

namespace {

bool ok(eb::decode_status s) { return s == eb::decode_status::ok; }

eb::int128_t pow10(int n) {
  eb::int128_t v = 1;
  for (int i = 0; i < n; ++i) v *= 10;
  return v;
}

std::string digits_of(eb::int128_t magnitude, int width) {
  std::string s;
  for (; magnitude > 0; magnitude /= 10) s.insert(s.begin(), static_cast<char>('0' + static_cast<int>(magnitude % 10)));
  if (static_cast<int>(s.size()) < width) s.insert(0, static_cast<std::size_t>(width) - s.size(), '0');
  return s;
}

eb::int128_t number_of(std::string_view digits) {
  eb::int128_t v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

bool write_number(const value_codec& c, eb::int128_t v, std::uint8_t* p, std::size_t len) {
  switch (c.storage) {
    case mask_storage::zoned: return ok(eb::encode_zoned(v, c.digits, c.zoned, p));
    case mask_storage::packed: return ok(eb::encode_packed(v, c.digits, c.is_signed, p));
    case mask_storage::binary: return ok(eb::encode_binary(v, len, c.binary, p));
    default: return false;
  }
}

bool write_text(const value_codec& c, std::string_view utf8, std::uint8_t* p, std::size_t len) {
  if (c.storage == mask_storage::national) return ok(eb::encode_national(utf8, p, len));
  return ok(c.page->encode(utf8, p, len));
}

bool is_numeric(const value_codec& c) {
  return c.storage == mask_storage::zoned || c.storage == mask_storage::packed ||
         c.storage == mask_storage::binary;
}

// A date's 8 digits (wherever they are in the text) with month and/or day set to 01.
std::string generalise_date(std::string s, generalise_kind kind, std::string& why) {
  std::vector<std::size_t> at;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (s[i] >= '0' && s[i] <= '9') at.push_back(i);
  if (at.size() != 8) {
    why = "not a date: " + std::to_string(at.size()) + " digits where YYYYMMDD has 8";
    return s;
  }
  if (kind == generalise_kind::year) s[at[4]] = '0', s[at[5]] = '1';
  s[at[6]] = '0', s[at[7]] = '1';
  return s;
}

eb::int128_t generalise_amount(eb::int128_t v, const mask_rule& rule, eb::int128_t step, int digits) {
  eb::int128_t mag = v < 0 ? -v : v;
  eb::int128_t band = mag / step * step;
  eb::int128_t out = band;
  if (rule.kind == generalise_kind::round) {
    eb::int128_t up = (mag * 2 + step) / (2 * step) * step;
    // Rounded past the picture (99950 to 100000 in a 9(5)): the band's bound still fits.
    out = eb::digit_count(up) > digits ? band : up;
  }
  return v < 0 ? -out : out;
}

std::string text_value(const mask_rule& rule, const value_codec& c, const std::string& secret,
                       const std::string& v, std::string& why) {
  switch (rule.action) {
    case mask_action::drop: return {};
    case mask_action::redact: return std::string(c.chars, rule.fill);
    case mask_action::pseudonymise:
      if (v.find_first_not_of(' ') == std::string::npos) return v;  // blank stays blank
      if (rule.format == token_format::nino) return nino_token(secret, v);
      if (rule.format == token_format::digits) return digits_token(secret, v);
      return hmac_sha256_hex(secret, v).substr(0, rule.length ? rule.length : std::min<std::size_t>(c.chars, 64));
    case mask_action::generalise:
      if (v.find_first_not_of(' ') == std::string::npos) return v;
      return generalise_date(v, rule.kind, why);
    case mask_action::keep: return v;
  }
  return v;
}

std::string number_value(const mask_rule& rule, const value_codec& c, eb::int128_t step,
                         const std::string& secret, eb::int128_t v, eb::int128_t& out) {
  std::string why;
  eb::int128_t mag = v < 0 ? -v : v;
  int sign = v < 0 ? -1 : 1;
  switch (rule.action) {
    case mask_action::drop: out = 0; break;
    case mask_action::redact:
      out = rule.fill >= '0' && rule.fill <= '9' ? number_of(std::string(static_cast<std::size_t>(c.digits), rule.fill)) : 0;
      break;
    case mask_action::pseudonymise:
      out = sign * number_of(digits_token(secret, digits_of(mag, c.digits)));
      break;
    case mask_action::generalise:
      if (rule.kind == generalise_kind::band || rule.kind == generalise_kind::round) {
        out = generalise_amount(v, rule, step, c.digits);
      } else {
        out = v == 0 ? 0 : sign * number_of(generalise_date(digits_of(mag, c.digits), rule.kind, why));
      }
      break;
    case mask_action::keep: out = v; break;
  }
  return why;
}

}  // namespace

mask_storage storage_of(const cb::field& f) {
  using cb::category;
  switch (f.use) {
    case cb::usage::packed_decimal:
      return f.kind == category::numeric ? mask_storage::packed : mask_storage::other;
    case cb::usage::binary:
    case cb::usage::comp_5:
      return f.kind == category::numeric ? mask_storage::binary : mask_storage::other;
    case cb::usage::national:
      return f.kind == category::national ? mask_storage::national : mask_storage::other;
    case cb::usage::display:
      if (f.kind == category::numeric) return mask_storage::zoned;
      if (f.kind == category::alphanumeric || f.kind == category::alphabetic) return mask_storage::text;
      return mask_storage::other;
    default: return mask_storage::other;
  }
}

value_codec codec_of(const cb::field& f, const mask_run& run, const eb::code_page& page) {
  value_codec c;
  c.storage = storage_of(f);
  c.page = &page;
  if (f.picture) {
    c.digits = f.picture->digits;
    c.scale = f.picture->scale;
    c.is_signed = f.picture->is_signed;
  }
  c.chars = c.storage == mask_storage::national ? f.length / 2 : f.length;
  c.zoned = eb::zoned_format{zoned_sign_of(f), run.zoned_charset};
  c.binary.is_signed = c.is_signed;
  c.binary.digits = c.digits;
  c.binary.trunc = f.use == cb::usage::comp_5 ? eb::truncation::binary : run.binary_trunc;
  return c;
}

std::string check_rule(const mask_rule& rule, const value_codec& c, eb::int128_t& step) {
  if (rule.action == mask_action::keep) return {};
  if (c.storage == mask_storage::other) return "masking rewrites only text, national, zoned, packed and binary fields";
  bool numeric = is_numeric(c);
  if (rule.action == mask_action::pseudonymise) {
    if (numeric && rule.format != token_format::digits)
      return "a numeric field takes only the digits token format";
    std::size_t need = rule.format == token_format::nino ? 9
                       : rule.format == token_format::hex ? (rule.length ? rule.length : 1) : 0;
    if (need > c.chars && !numeric)
      return "a " + std::string(to_string(rule.format)) + " token of " + std::to_string(need) +
             " characters does not fit the field's " + std::to_string(c.chars);
  }
  if (rule.action != mask_action::generalise) return {};
  bool amount = rule.kind == generalise_kind::band || rule.kind == generalise_kind::round;
  if (amount) {
    if (!numeric) return std::string(to_string(rule.kind)) + " applies to numeric fields only";
    eb::decimal d;
    if (!ok(eb::parse_decimal(rule.step, d))) return "the step is not a decimal";
    if (d.scale > c.scale) {
      eb::int128_t unit = pow10(d.scale - c.scale);
      if (d.unscaled % unit != 0) return "the step " + rule.step + " is finer than the field's decimals";
      step = d.unscaled / unit;
    } else {
      step = d.unscaled * pow10(c.scale - d.scale);
    }
    return step > 0 ? "" : "the step must be positive";
  }
  if (numeric && (c.digits != 8 || c.scale != 0))
    return "a date to generalise must be 8 digits (YYYYMMDD) with no decimals";
  if (!numeric && c.chars < 8) return "a date to generalise needs at least 8 characters";
  return {};
}

bool read_text(const value_codec& c, const std::uint8_t* p, std::size_t len, std::string& out) {
  out.resize(len * (c.storage == mask_storage::national ? 2 : c.page->max_utf8_per_byte()) + 8);
  std::size_t n = 0;
  auto s = c.storage == mask_storage::national ? eb::decode_national(p, len, out.data(), n)
                                               : c.page->decode(p, len, out.data(), n);
  if (!ok(s)) return false;
  out.resize(n);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return true;
}

bool read_number(const value_codec& c, const std::uint8_t* p, std::size_t len, eb::int128_t& out) {
  switch (c.storage) {
    case mask_storage::zoned: return ok(eb::decode_zoned(p, len, c.zoned, out));
    case mask_storage::packed: return ok(eb::decode_packed(p, len, c.digits, c.is_signed, out));
    case mask_storage::binary: return ok(eb::decode_binary_wide(p, len, c.binary, out));
    default: return false;
  }
}

std::string rewrite(const mask_rule& rule, const value_codec& c, eb::int128_t step,
                    const std::string& secret, std::uint8_t* p, std::size_t len) {
  bool reads = rule.action == mask_action::pseudonymise || rule.action == mask_action::generalise;
  std::string why;
  if (is_numeric(c)) {
    eb::int128_t v = 0, out = 0;
    if (reads && !read_number(c, p, len, v)) return "not a valid number for its picture";
    why = number_value(rule, c, step, secret, v, out);
    if (why.empty() && !write_number(c, out, p, len)) why = "the masked value does not fit the field";
    return why;
  }
  std::string v;
  if (reads && !read_text(c, p, len, v)) return "text not valid in the code page";
  std::string masked = text_value(rule, c, secret, v, why);
  if (why.empty() && !write_text(c, masked, p, len)) why = "the masked text cannot be encoded in the field";
  return why;
}

}  // namespace mfb::bridge::detail
