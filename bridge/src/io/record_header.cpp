// --record-header SPEC: the small grammar of declared record headers (record_header.hpp).

#include "mfb/bridge/io/record_header.hpp"

#include "mfb/bridge/io/framing_options.hpp"

#include <charconv>

namespace mfb::bridge {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

/// A whole number, decimal or 0x hex, with an optional leading '-' when `sign` allows it.
bool parse_number(std::string_view s, long long& out, bool sign) {
  s = trim(s);
  bool negative = false;
  if (sign && !s.empty() && (s.front() == '-' || s.front() == '+')) {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  int base = 10;
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    base = 16;
    s.remove_prefix(2);
  }
  if (s.empty()) return false;
  unsigned long long v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v, base);
  if (ec != std::errc{} || end != s.data() + s.size() || v > (1ULL << 40)) return false;
  out = negative ? -static_cast<long long>(v) : static_cast<long long>(v);
  return true;
}

/// "OFF:REST": split at the first ':' and read OFF.
bool split_offset(std::string_view s, long long& off, std::string_view& rest) {
  const auto colon = s.find(':');
  if (colon == std::string_view::npos) return false;
  rest = s.substr(colon + 1);
  return parse_number(s.substr(0, colon), off, false);
}

struct spec_parser {
  record_header_spec h;
  bool have_size = false;
  bool have_length = false;

  std::string item(std::string_view key, std::string_view value, bool has_value) {
    auto bad = [&](const char* want) {
      return "--record-header: " + std::string(key) + "=" + std::string(value) + ": expected " + want;
    };
    long long n = 0;
    if (key == "includes-header") {
      if (has_value && value != "yes" && value != "no") return bad("yes or no");
      h.includes_header = !has_value || value == "yes";
    } else if (!has_value) {
      return "--record-header: " + std::string(key) + " needs a value (" + std::string(key) + "=...)";
    } else if (key == "size") {
      if (!parse_number(value, n, false) || n < 1 || n > static_cast<long long>(max_record_header))
        return bad("a header size of 1 to 256 bytes");
      h.size = static_cast<std::size_t>(n);
      have_size = true;
    } else if (key == "length") {
      std::string_view len;
      long long size = 0;
      if (!split_offset(value, n, len) || !parse_number(len, size, false) || size < 1 || size > 4)
        return bad("OFFSET:SIZE with a size of 1 to 4 bytes");
      h.length_offset = static_cast<std::size_t>(n);
      h.length_size = static_cast<std::size_t>(size);
      have_length = true;
    } else if (key == "order") {
      if (value != "be" && value != "le") return bad("be or le");
      h.big_endian = value == "be";
    } else if (key == "adjust") {
      if (!parse_number(value, n, true) || n > (1LL << 31) || n < -(1LL << 31))
        return bad("a whole number between -2^31 and 2^31");
      h.adjust = n;
    } else if (key == "valid") {
      return valid_item(value);
    } else {
      return "--record-header: unknown item " + std::string(key) +
             " (size, length, order, adjust, includes-header, valid)";
    }
    return {};
  }

  std::string valid_item(std::string_view value) {
    header_check c;
    long long off = 0;
    std::string_view values;
    const std::string bad = "--record-header: valid=" + std::string(value) +
                            ": expected OFFSET:VALUE[|VALUE...] with byte values 0-255";
    if (!split_offset(value, off, values)) return bad;
    c.offset = static_cast<std::size_t>(off);
    for (std::size_t at = 0; at <= values.size();) {
      const auto bar = std::min(values.find('|', at), values.size());
      long long v = 0;
      if (!parse_number(values.substr(at, bar - at), v, false) || v > 255) return bad;
      c.values.push_back(static_cast<std::uint8_t>(v));
      at = bar + 1;
    }
    h.checks.push_back(std::move(c));
    return {};
  }

  std::string finish() const {
    if (!have_size) return "--record-header: size=N is required";
    if (!have_length) return "--record-header: length=OFFSET:SIZE is required";
    if (h.length_offset + h.length_size > h.size)
      return "--record-header: the length (bytes " + std::to_string(h.length_offset) + "-" +
             std::to_string(h.length_offset + h.length_size - 1) + ") does not lie inside the " +
             std::to_string(h.size) + "-byte header";
    for (const auto& c : h.checks)
      if (c.offset >= h.size)
        return "--record-header: valid byte " + std::to_string(c.offset) + " lies outside the " +
               std::to_string(h.size) + "-byte header";
    return {};
  }
};

std::string_view preset(std::string_view spec) {
  if (spec == "rdw") return "size=4,length=0:2,order=be,includes-header,valid=2:0,valid=3:0";
  if (spec == "rdw-le") return "size=4,length=2:2,order=le,valid=0:0,valid=1:0";
  // Cobrix's is_xcom: 2 bytes of flags, then the payload's length, big-endian.
  if (spec == "xcom") return "size=4,length=2:2,order=be";
  return spec;
}

}  // namespace

mfb::result<record_header_spec> parse_record_header(std::string_view spec) {
  spec_parser p;
  p.h.text = std::string(spec);
  const std::string_view text = preset(trim(spec));
  if (text.empty()) return error{"--record-header: the SPEC is empty (e.g. size=4,length=0:2)"};
  for (std::size_t at = 0; at <= text.size();) {
    const auto comma = std::min(text.find(',', at), text.size());
    const std::string_view part = trim(text.substr(at, comma - at));
    at = comma + 1;
    if (part.empty()) return error{"--record-header: empty item in " + std::string(spec)};
    const auto eq = part.find('=');
    const bool has_value = eq != std::string_view::npos;
    const auto key = trim(part.substr(0, eq));
    const auto value = has_value ? trim(part.substr(eq + 1)) : std::string_view{};
    if (auto why = p.item(key, value, has_value); !why.empty()) return error{why};
  }
  if (auto why = p.finish(); !why.empty()) return error{why};
  return p.h;
}

std::string set_record_header(framing_options& framing, std::string_view spec) {
  if (spec.empty()) return {};
  if (framing.format != recfm::fb && framing.format != recfm::header)
    return "--record-header replaces --recfm " + std::string(to_string(framing.format)) +
           ": give one or the other";
  auto h = parse_record_header(spec);
  if (!h) return h.err().message;
  framing.format = recfm::header;
  framing.header = std::move(h).value();
  return {};
}

std::string set_rdw_adjust(framing_options& framing, long long adjust) {
  if (adjust == 0) return {};
  switch (framing.format) {
    case recfm::v:
    case recfm::vb:
    case recfm::vs:
    case recfm::vbs:
      framing.rdw_adjust = adjust;
      return {};
    case recfm::length_field:
      framing.length_adjust += adjust;
      return {};
    default:
      return "--rdw-adjust needs --recfm V, VB, VS, VBS or LENGTH-FIELD, not " +
             std::string(to_string(framing.format)) + " (a declared header has adjust=N)";
  }
}

}  // namespace mfb::bridge
