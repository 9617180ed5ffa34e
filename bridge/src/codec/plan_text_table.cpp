// JSON escaping and CSV special characters are decided per byte here, once, so the hot
// loop copies table entries and never looks at code points.

#include "codec/plan_text_table.hpp"

namespace mfb::bridge::detail {

namespace {

std::uint8_t put_utf8(std::uint32_t cp, char* out) {
  auto b = [&](std::size_t i, std::uint32_t v) { out[i] = static_cast<char>(v); };
  if (cp < 0x80) {
    b(0, cp);
    return 1;
  }
  if (cp < 0x800) {
    b(0, 0xC0 | (cp >> 6));
    b(1, 0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    b(0, 0xE0 | (cp >> 12));
    b(1, 0x80 | ((cp >> 6) & 0x3F));
    b(2, 0x80 | (cp & 0x3F));
    return 3;
  }
  b(0, 0xF0 | (cp >> 18));
  b(1, 0x80 | ((cp >> 12) & 0x3F));
  b(2, 0x80 | ((cp >> 6) & 0x3F));
  b(3, 0x80 | (cp & 0x3F));
  return 4;
}

void set(byte_text& e, const char* text, std::uint8_t n) {
  for (std::uint8_t i = 0; i < n; ++i) e.bytes[i] = text[i];
  e.length = n;
}

}  // namespace

void build_text_table(const std::uint32_t* code_points, output_format format,
                      std::array<byte_text, 256>& table, std::uint8_t& space) {
  static const char hex[] = "0123456789abcdef";
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
      e.length = put_utf8(cp, e.bytes);
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
          char u[6] = {'\\', 'u', '0', '0', hex[cp >> 4], hex[cp & 15]};
          set(e, u, 6);
        } else {
          e.length = put_utf8(cp, e.bytes);
        }
    }
  }
}

}  // namespace mfb::bridge::detail
