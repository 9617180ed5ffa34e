// Cobrix's `common` and `common_extended` pages. `common` keeps the characters of cp037
// that are printable ASCII (letters, digits, punctuation: what migration data holds) and
// reads every other byte as a space, so national characters and control bytes never leak
// into text. The peer files pin its places to cp037's (0xBA is '[', 0x7C '@').
// `common_extended` keeps cp037's C0 controls and DEL as well; C1 controls still read as
// spaces, as in Cobrix. Where Cobrix swaps CR and LF (0x0D read as LF, 0x25 as CR) we keep
// IBM's assignment (0x0D CR, 0x25 LF), as ICU has it.

#include <algorithm>
#include <cctype>
#include <mutex>

#include "code_page_impl.hpp"

namespace mfb::ebcdic::detail {

namespace {

std::string folded(std::string_view s) {
  std::string r;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) continue;
    r += c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return r;
}

bool kept(char32_t cp, bool extended) {
  if (cp >= 0x21 && cp <= 0x7E) return true;
  return extended && (cp < 0x20 || cp == 0x7F);
}

std::shared_ptr<const code_page::impl> build_common(bool extended) {
  auto base = code_page::open("cp037");
  if (!base) return nullptr;
  const std::uint32_t* cp037 = base->sbcs_table();
  auto p = std::make_shared<code_page::impl>();
  p->info = common_page_info(extended);
  std::array<char32_t, 256> cps{};
  for (std::size_t b = 0; b < 256; ++b)
    cps[b] = kept(static_cast<char32_t>(cp037[b]), extended) ? static_cast<char32_t>(cp037[b])
                                                             : U' ';
  p->sbcs.set_decode(cps);
  p->sbcs.add_encode(U' ', 0x40);  // the space encodes to 0x40, not to the first blank byte
  for (std::size_t b = 0; b < 256; ++b)
    if (cps[b] != U' ') p->sbcs.add_encode(cps[b], static_cast<std::uint8_t>(b));
  p->sbcs.finish_encode();
  p->max_utf8 = p->sbcs.max_utf8();
  return p;
}

}  // namespace

code_page_info common_page_info(bool extended) {
  code_page_info info;
  info.name = extended ? "common-extended" : "common";
  info.ccsid = 0;
  info.kind = page_kind::single_byte;
  info.description = extended ? "Cobrix's common page plus the C0 controls of cp037"
                              : "Cobrix's common page: cp037's printable ASCII, all else a space";
  info.aliases = extended ? std::vector<std::string>{"common-extended", "common_extended"}
                          : std::vector<std::string>{"common"};
  return info;
}

std::shared_ptr<const code_page::impl> find_common_page(std::string_view name) {
  const std::string key = folded(name);
  if (key != "common" && key != "common-extended") return nullptr;
  const bool extended = key == "common-extended";
  static std::mutex mutex;
  static std::shared_ptr<const code_page::impl> pages[2];
  std::lock_guard<std::mutex> lock(mutex);
  auto& page = pages[extended ? 1 : 0];
  if (!page) page = build_common(extended);
  return page;
}

}  // namespace mfb::ebcdic::detail
