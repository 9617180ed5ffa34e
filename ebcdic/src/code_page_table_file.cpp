// Site-patched single-byte pages from a text file (format in ebcdic/README.md):
//   base=cp037        optional first setting: start from this page's table
//   C1 U+0041         byte -> code point, one per line; '#' starts a comment
// Without `base`, all 256 bytes must be listed.

#include <array>
#include <cctype>
#include <fstream>
#include <string>

#include "code_page_impl.hpp"

namespace mfb::ebcdic {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool parse_hex(std::string_view s, std::size_t max_digits, std::uint32_t& v) {
  if (s.empty() || s.size() > max_digits) return false;
  v = 0;
  for (char c : s) {
    int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
            : (c >= 'a' && c <= 'f')                    ? c - 'a' + 10
            : (c >= 'A' && c <= 'F')                    ? c - 'A' + 10
                                                        : -1;
    if (d < 0) return false;
    v = v * 16 + static_cast<std::uint32_t>(d);
  }
  return true;
}

/// Parse "C1 U+0041" (also "0xC1 U+0041"); false if the line has another shape.
bool parse_mapping(std::string_view line, std::uint32_t& byte, std::uint32_t& cp) {
  auto space = line.find_first_of(" \t");
  if (space == std::string_view::npos) return false;
  std::string_view b = line.substr(0, space);
  std::string_view u = trim(line.substr(space));
  if (b.size() > 2 && b[0] == '0' && (b[1] == 'x' || b[1] == 'X')) b.remove_prefix(2);
  if (u.size() < 3 || (u[0] != 'U' && u[0] != 'u') || u[1] != '+') return false;
  return parse_hex(b, 2, byte) && parse_hex(u.substr(2), 6, cp) && cp <= 0x10FFFF &&
         !(cp >= 0xD800 && cp <= 0xDFFF);
}

}  // namespace

result<code_page> code_page::from_table_file(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) return error{"cannot read code page table " + file.string()};
  std::array<char32_t, 256> table{};
  std::array<bool, 256> seen{};
  std::shared_ptr<const impl> base;
  std::string line;
  int line_no = 0;
  bool any_mapping = false;
  auto fail = [&](const std::string& why) {
    return error{file.string() + ":" + std::to_string(line_no) + ": " + why};
  };
  while (std::getline(in, line)) {
    ++line_no;
    std::string_view text = line;
    if (auto hash = text.find('#'); hash != std::string_view::npos) text = text.substr(0, hash);
    text = trim(text);
    if (text.empty()) continue;
    if (text.substr(0, 5) == "base=") {
      if (base || any_mapping) return fail("base= must come once, before the mappings");
      auto opened = open(trim(text.substr(5)));
      if (!opened) return fail(opened.err().message);
      if (opened->kind() != page_kind::single_byte)
        return fail("base= must name a single-byte page");
      base = opened->impl_;
      for (std::size_t b = 0; b < 256; ++b) table[b] = base->sbcs.code_points()[b];
      continue;
    }
    std::uint32_t byte = 0;
    std::uint32_t cp = 0;
    if (!parse_mapping(text, byte, cp))
      return fail("expected \"XX U+YYYY\" (byte in hex, Unicode scalar value) or base=NAME");
    if (seen[byte]) return fail("byte " + std::string(text.substr(0, 2)) + " is mapped twice");
    seen[byte] = true;
    any_mapping = true;
    table[byte] = cp;
  }
  if (!base) {
    for (std::size_t b = 0; b < 256; ++b)
      if (!seen[b])
        return error{file.string() + ": byte " + std::to_string(b) +
                     " has no mapping (list all 256 bytes, or start from base=NAME)"};
  }

  auto p = std::make_shared<impl>();
  p->info.name = "custom:" + file.filename().string();
  p->info.ccsid = base ? base->info.ccsid : 0;
  p->info.kind = page_kind::single_byte;
  p->info.description = "custom table " + file.string() +
                        (base ? " (based on " + base->info.name + ")" : std::string());
  p->sbcs.set_decode(table);
  // Several bytes may decode to one character (a patched page often sends unused bytes to
  // space). Encode then prefers the byte the reference page (base, else cp037) uses for
  // that character, and otherwise the lowest byte.
  std::shared_ptr<const impl> reference = base;
  if (!reference) {
    auto cp037 = open("cp037");
    if (cp037) reference = cp037->impl_;
  }
  if (reference) {
    for (std::size_t b = 0; b < 256; ++b) {
      std::uint8_t rb = 0;
      if (reference->sbcs.encode_one(table[b], rb) && table[rb] == table[b])
        p->sbcs.add_encode(table[b], rb);
    }
  }
  for (std::size_t b = 0; b < 256; ++b) p->sbcs.add_encode(table[b], static_cast<std::uint8_t>(b));
  p->sbcs.finish_encode();
  std::uint8_t space = 0x40;
  p->pad = p->sbcs.encode_one(U' ', space) ? space : std::uint8_t{0x40};
  p->max_utf8 = p->sbcs.max_utf8();
  return code_page(std::shared_ptr<const impl>(std::move(p)));
}

}  // namespace mfb::ebcdic
