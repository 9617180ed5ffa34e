// JSON escaping and CSV special characters are decided per byte here, once, so the hot
// loop copies table entries and never looks at code points.

#include "codec/plan_text_table.hpp"

#include "mfb/ebcdic/utf8.hpp"
#include "mfb/ebcdic/hex.hpp"

namespace mfb::bridge::detail {

namespace {

void set(byte_text& e, const char* text, std::uint8_t n) {
  for (std::uint8_t i = 0; i < n; ++i) e.bytes[i] = text[i];
  e.length = n;
}

}  // namespace

void build_text_table(const std::uint32_t* code_points, output_format format,
                      std::array<byte_text, 256>& table, std::uint8_t& space) {
  space = 0x40;
  bool found_space = false;
  for (std::size_t b = 0; b < 256; ++b) {
    std::uint32_t cp = code_points[b];
    byte_text& e = table[b];
    e = byte_text{};
    if (cp == 0x20 && !found_space) {
      space = static_cast<std::uint8_t>(b);
      found_space = true;
    }
    if (format != output_format::jsonl) {
      e.length = static_cast<std::uint8_t>(ebcdic::put_utf8(cp, e.bytes));
      // Cells are never quoted: nothing is special there.
      e.special = format == output_format::csv &&
                  (cp == ',' || cp == '"' || cp == '\r' || cp == '\n');
      continue;
    }
    switch (cp) {
      case '"': set(e, "\\\"", 2); break;
      case '\\': set(e, "\\\\", 2); break;
      case '\b': set(e, "\\b", 2); break;
      case '\f': set(e, "\\f", 2); break;
      case '\n': set(e, "\\n", 2); break;
      case '\r': set(e, "\\r", 2); break;
      case '\t': set(e, "\\t", 2); break;
      default:
        if (cp < 0x20) {
          char u[6] = {'\\', 'u', '0', '0', ebcdic::hex_lower[cp >> 4], ebcdic::hex_lower[cp & 15]};
          set(e, u, 6);
        } else {
          e.length = static_cast<std::uint8_t>(ebcdic::put_utf8(cp, e.bytes));
        }
    }
  }
}

void build_text_tables(const std::uint32_t* code_points, output_format format, trim_rule rule,
                       text_tables& t) {
  build_text_table(code_points, format, t.table, t.space);
  for (std::size_t i = 0; i < 256; ++i) {
    const byte_text& e = t.table[i];
    t.plain[i] = e.length == 1 && !e.special && e.bytes[0] != '\\' ? e.bytes[0] : '\0';
    const std::uint32_t cp = code_points[i];
    t.blank[i] = cp == 0x20 || (rule == trim_rule::java && cp < 0x20);
  }
}

void upper_case_escapes(text_tables& t) {
  for (byte_text& e : t.table)
    if (e.length == 6 && e.bytes[0] == '\\' && e.bytes[1] == 'u')
      for (int k = 4; k < 6; ++k)
        if (e.bytes[k] >= 'a' && e.bytes[k] <= 'f') e.bytes[k] = static_cast<char>(e.bytes[k] - 32);
}

}  // namespace mfb::bridge::detail
