// The built-in Latin-1 page: ASCII files (data sent from the mainframe with translation, or
// written off it) need no EBCDIC table. Byte b is U+00bb, exactly ISO-8859-1 (IBM CCSID
// 819), so bytes 00-7F are ASCII and no byte 80-FF is lost or replaced.

#include <algorithm>
#include <cctype>

#include "code_page_impl.hpp"

namespace mfb::ebcdic::detail {

namespace {

std::string lower(std::string_view s) {
  std::string r;
  for (char c : s)
    if (!std::isspace(static_cast<unsigned char>(c)))
      r += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return r;
}

code_page_info latin1_info() {
  code_page_info info;
  info.name = "latin1";
  info.ccsid = 819;
  info.kind = page_kind::single_byte;
  info.description = "ISO-8859-1 Latin-1 (ASCII files; 00-7F are ASCII)";
  info.aliases = {"latin1", "latin-1", "iso-8859-1", "iso8859-1", "iso_8859-1", "l1",
                  "ascii",  "us-ascii", "cp819",     "ibm-819",   "819",        "CCSID819"};
  return info;
}

std::shared_ptr<const code_page::impl> build_latin1() {
  auto p = std::make_shared<code_page::impl>();
  p->info = latin1_info();
  std::array<char32_t, 256> cps{};
  for (std::size_t b = 0; b < 256; ++b) cps[b] = static_cast<char32_t>(b);
  p->sbcs.set_decode(cps);
  for (std::size_t b = 0; b < 256; ++b) p->sbcs.add_encode(cps[b], static_cast<std::uint8_t>(b));
  p->sbcs.finish_encode();
  p->sub = 0x1A;  // ASCII SUB, the substitution byte ICU gives ISO-8859-1
  p->pad = 0x20;
  p->max_utf8 = p->sbcs.max_utf8();
  return p;
}

}  // namespace

std::shared_ptr<const code_page::impl> find_builtin_page(std::string_view name) {
  static const code_page_info info = latin1_info();
  const std::string key = lower(name);
  bool known = std::any_of(info.aliases.begin(), info.aliases.end(),
                           [&](const std::string& a) { return lower(a) == key; });
  if (!known) {
    if (auto common = find_common_page(name)) return common;
    return find_ascii_text_page(name);
  }
  static const std::shared_ptr<const code_page::impl> page = build_latin1();
  return page;
}

}  // namespace mfb::ebcdic::detail
