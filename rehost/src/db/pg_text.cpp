// The U+0000 <-> U+2400 escape of PostgreSQL text (pg_text.hpp). The checks come first and
// are cheap (memchr), because nearly every value has neither character.

#include "db/pg_text.hpp"
#include "mfb/ebcdic/hex.hpp"

#include <cstdint>
#include <cstring>
#include <vector>

namespace mfb::rehost::detail {

namespace {

bool has_byte(std::string_view text, char byte) noexcept {
  return !text.empty() && std::memchr(text.data(), byte, text.size()) != nullptr;
}

}  // namespace

bool has_nul_escape(std::string_view text) noexcept {
  return has_byte(text, nul_escape[0]) && text.find(nul_escape) != std::string_view::npos;
}

bool needs_nul_escape(std::string_view text) noexcept {
  return has_byte(text, '\0') || has_nul_escape(text);
}

std::string to_pg_text(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (char ch : text)
    if (ch == '\0')
      out.append(nul_escape);
    else
      out += ch;
  return out;
}

std::string from_pg_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t at = 0;;) {
    std::size_t hit = text.find(nul_escape, at);
    out.append(text.substr(at, hit - at));
    if (hit == std::string_view::npos) return out;
    out += '\0';
    at = hit + nul_escape.size();
  }
}

std::string nul_escape_clash(const ebcdic::code_page& page) {
  std::vector<char> out(page.max_utf8_per_byte() + 8);
  for (unsigned b = 0; b < 256; ++b) {
    const std::uint8_t byte = static_cast<std::uint8_t>(b);
    std::size_t written = 0;
    bool clash = false;
    if (const std::uint32_t* table = page.sbcs_table())
      clash = table[b] == 0x2400;
    else if (page.decode(&byte, 1, out.data(), written) == ebcdic::decode_status::ok)
      clash = std::string_view(out.data(), written) == nul_escape;
    if (!clash) continue;
    const std::string byte_hex{ebcdic::hex_upper[b >> 4], ebcdic::hex_upper[b & 15]};
    return "code page " + page.info().name + " maps byte X'" + byte_hex +
           "' to U+2400, which PostgreSQL text columns use for X'00' (low-values), so the "
           "load could not be exported back exactly; load into SQLite, or map that byte to "
           "another character";
  }
  return {};
}

}  // namespace mfb::rehost::detail
