// Binary COPY fields. Numeric follows PostgreSQL's numeric_send: ndigits, weight, sign and
// display scale as 16-bit words, then base-10000 digits grouped around the decimal point.

#include "db/pg_copy_binary.hpp"

#include "mfb/ebcdic/hex.hpp"
#include "db/pg_text.hpp"

#include <array>
#include <bit>
#include <charconv>
#include <cstdint>
#include <cstring>

namespace mfb::rehost::detail {

namespace {

void put16(std::string& out, std::uint16_t v) {
  out += static_cast<char>(v >> 8);
  out += static_cast<char>(v & 0xFF);
}

void put32(std::string& out, std::uint32_t v) {
  put16(out, static_cast<std::uint16_t>(v >> 16));
  put16(out, static_cast<std::uint16_t>(v & 0xFFFF));
}

void put64(std::string& out, std::uint64_t v) {
  put32(out, static_cast<std::uint32_t>(v >> 32));
  put32(out, static_cast<std::uint32_t>(v & 0xFFFFFFFF));
}

bool parse_integer(std::string_view t, std::int64_t& v) {
  if (!t.empty() && t.front() == '+') t.remove_prefix(1);
  auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  return ec == std::errc{} && end == t.data() + t.size();
}

bool all_digits(std::string_view t) {
  for (char ch : t)
    if (ch < '0' || ch > '9') return false;
  return true;
}

bool append_numeric(std::string& out, std::string_view t) {
  bool negative = false;
  if (!t.empty() && (t.front() == '-' || t.front() == '+')) {
    negative = t.front() == '-';
    t.remove_prefix(1);
  }
  auto dot = t.find('.');
  std::string_view whole = t.substr(0, dot);
  std::string_view fraction = dot == std::string_view::npos ? std::string_view{} : t.substr(dot + 1);
  if ((whole.empty() && fraction.empty()) || !all_digits(whole) || !all_digits(fraction))
    return false;
  while (!whole.empty() && whole.front() == '0') whole.remove_prefix(1);
  // Digits of whole and fraction, padded with zeros so that base-10000 groups meet at the
  // decimal point: "12345.6" is 0001 2345 . 6000, weight 1.
  const std::size_t lead = (4 - whole.size() % 4) % 4;
  const std::size_t whole_groups = (whole.size() + lead) / 4;
  const std::size_t groups = whole_groups + (fraction.size() + 3) / 4;
  std::array<std::uint16_t, 64> digit{};
  if (groups > digit.size()) return false;
  auto at = [&](std::size_t i) -> int {  // i-th padded digit
    if (i < lead) return 0;
    i -= lead;
    if (i < whole.size()) return whole[i] - '0';
    i -= whole.size();
    return i < fraction.size() ? fraction[i] - '0' : 0;
  };
  for (std::size_t g = 0; g < groups; ++g)
    for (std::size_t k = 0; k < 4; ++k)
      digit[g] = static_cast<std::uint16_t>(digit[g] * 10 + at(g * 4 + k));
  std::size_t first = 0, last = groups;  // zero groups at either end are left out
  while (first < last && digit[first] == 0) ++first;
  while (last > first && digit[last - 1] == 0) --last;
  const std::size_t n = last - first;
  const auto weight = n == 0 ? 0 : static_cast<int>(whole_groups) - 1 - static_cast<int>(first);
  put32(out, static_cast<std::uint32_t>(8 + 2 * n));
  put16(out, static_cast<std::uint16_t>(n));
  put16(out, static_cast<std::uint16_t>(static_cast<std::int16_t>(weight)));
  put16(out, negative && n > 0 ? 0x4000 : 0x0000);
  put16(out, static_cast<std::uint16_t>(fraction.size()));
  for (std::size_t g = first; g < last; ++g) put16(out, digit[g]);
  return true;
}

}  // namespace

void append_copy_header(std::string& out) {
  static constexpr char signature[] = "PGCOPY\n\377\r\n";  // 11 bytes with its NUL
  out.append(signature, 11);
  put32(out, 0);  // flags: no OIDs
  put32(out, 0);  // no header extension
}

void append_tuple_start(std::string& out, std::size_t fields) {
  put16(out, static_cast<std::uint16_t>(fields));
}

bool append_copy_field(std::string& out, const sql_value& v, sql_kind kind) {
  if (v.null) {
    put32(out, 0xFFFFFFFFu);  // -1: NULL
    return true;
  }
  std::int64_t i = 0;
  switch (kind) {
    case sql_kind::smallint:
      if (!parse_integer(v.text, i) || i < INT16_MIN || i > INT16_MAX) return false;
      put32(out, 2);
      put16(out, static_cast<std::uint16_t>(static_cast<std::int16_t>(i)));
      return true;
    case sql_kind::integer:
      if (!parse_integer(v.text, i) || i < INT32_MIN || i > INT32_MAX) return false;
      put32(out, 4);
      put32(out, static_cast<std::uint32_t>(static_cast<std::int32_t>(i)));
      return true;
    case sql_kind::bigint:
      if (!parse_integer(v.text, i)) return false;
      put32(out, 8);
      put64(out, static_cast<std::uint64_t>(i));
      return true;
    case sql_kind::float8: {
      double d = 0;
      auto [end, ec] = std::from_chars(v.text.data(), v.text.data() + v.text.size(), d);
      if (ec != std::errc{} || end != v.text.data() + v.text.size()) return false;
      put32(out, 8);
      put64(out, std::bit_cast<std::uint64_t>(d));
      return true;
    }
    case sql_kind::numeric: return append_numeric(out, v.text);
    case sql_kind::text:
      if (needs_nul_escape(v.text)) {  // X'00' as U+2400 (pg_text.hpp)
        if (has_nul_escape(v.text)) return false;
        const std::string stored = to_pg_text(v.text);
        put32(out, static_cast<std::uint32_t>(stored.size()));
        out.append(stored);
        return true;
      }
      put32(out, static_cast<std::uint32_t>(v.text.size()));
      out.append(v.text);
      return true;
    case sql_kind::bytes: {
      const std::size_t at = out.size();
      put32(out, static_cast<std::uint32_t>(v.text.size() / 2));
      if (ebcdic::append_hex_bytes(v.text, out)) return true;
      out.resize(at);
      return false;
    }
  }
  return false;
}

}  // namespace mfb::rehost::detail
