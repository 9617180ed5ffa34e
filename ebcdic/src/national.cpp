// NATIONAL (PIC N USAGE NATIONAL): UTF-16 big-endian, as Enterprise COBOL stores it.
// Surrogate pairs are joined; a lone surrogate is an error, never a replacement character.

#include <cstring>

#include "mfb/ebcdic/utf8.hpp"
#include "mfb/ebcdic/code_page.hpp"

namespace mfb::ebcdic {

decode_status decode_national(const std::uint8_t* in, std::size_t len, char* out,
                              std::size_t& written) noexcept {
  written = 0;
  if (len % 2 != 0) return decode_status::invalid_length;
  char* o = out;
  for (std::size_t i = 0; i < len; i += 2) {
    char32_t u = static_cast<char32_t>((in[i] << 8) | in[i + 1]);
    if (u < 0x80) {
      *o++ = static_cast<char>(u);
      continue;
    }
    if (u >= 0xD800 && u <= 0xDBFF) {
      if (len - i < 4) return decode_status::invalid_utf16;
      char32_t lo = static_cast<char32_t>((in[i + 2] << 8) | in[i + 3]);
      if (lo < 0xDC00 || lo > 0xDFFF) return decode_status::invalid_utf16;
      u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
      i += 2;
    } else if (u >= 0xDC00 && u <= 0xDFFF) {
      return decode_status::invalid_utf16;
    }
    o += put_utf8(u, o);
  }
  written = static_cast<std::size_t>(o - out);
  return decode_status::ok;
}

decode_status encode_national(std::string_view utf8, std::uint8_t* out, std::size_t len) noexcept {
  if (len % 2 != 0) return decode_status::invalid_length;
  const char* p = utf8.data();
  const char* end = p + utf8.size();
  std::size_t n = 0;
  auto put = [&](char32_t unit) {
    out[n++] = static_cast<std::uint8_t>(unit >> 8);
    out[n++] = static_cast<std::uint8_t>(unit & 0xFF);
  };
  while (p < end) {
    char32_t cp = 0;
    // Malformed UTF-8 has no UTF-16 form; the status set has no separate code for it.
    if (!next_utf8(p, end, cp)) return decode_status::unmappable;
    if (cp >= 0x10000) {
      if (len - n < 4) return decode_status::overflow;
      cp -= 0x10000;
      put(0xD800 + (cp >> 10));
      put(0xDC00 + (cp & 0x3FF));
    } else {
      if (len - n < 2) return decode_status::overflow;
      put(cp);
    }
  }
  for (; n < len; n += 2) {
    out[n] = 0x00;
    out[n + 1] = 0x20;
  }
  return decode_status::ok;
}

}  // namespace mfb::ebcdic
