// The list of EBCDIC pages, taken from ICU's own converter list once per process, and the
// resolution of the many spellings users type (cp037, 037, 37, IBM037, CCSID37, ...).

#include <algorithm>
#include <cctype>
#include <string>
#include <unordered_map>

#include <unicode/ucnv.h>

#include "code_page_impl.hpp"

namespace mfb::ebcdic::detail {
namespace {

std::string lower(std::string_view s) {
  std::string r(s);
  for (char& c : r) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return r;
}

/// Classify an ICU converter: EBCDIC single-byte (0x40 is space, 0xC1 is 'A'), EBCDIC
/// stateful (SO/SI mixed), or EBCDIC pure DBCS (0x4040 is the ideographic space).
bool classify(UConverter* conv, page_kind& kind) {
  UConverterType type = ucnv_getType(conv);
  UErrorCode err = U_ZERO_ERROR;
  UChar u[4];
  if (type == UCNV_EBCDIC_STATEFUL) {
    kind = page_kind::mixed;
    return true;
  }
  if (type == UCNV_SBCS) {
    const char probe[2] = {'\x40', '\xC1'};
    int32_t n = ucnv_toUChars(conv, u, 4, probe, 2, &err);
    kind = page_kind::single_byte;
    return U_SUCCESS(err) && n == 2 && u[0] == 0x20 && u[1] == 0x41;
  }
  if (type == UCNV_DBCS) {
    const char probe[2] = {'\x40', '\x40'};
    int32_t n = ucnv_toUChars(conv, u, 4, probe, 2, &err);
    kind = page_kind::double_byte;
    return U_SUCCESS(err) && n == 1 && u[0] == 0x3000;
  }
  return false;
}

std::string canonical_name(int ccsid) {
  std::string digits = std::to_string(ccsid);
  if (digits.size() < 3) digits.insert(0, 3 - digits.size(), '0');
  return "cp" + digits;
}

void add_alias(std::vector<std::string>& aliases, std::string a) {
  for (const auto& x : aliases)
    if (lower(x) == lower(a)) return;
  aliases.push_back(std::move(a));
}

std::vector<registry_entry> enumerate() {
  std::vector<registry_entry> pages;
  int32_t count = ucnv_countAvailable();
  for (int32_t i = 0; i < count; ++i) {
    std::string name = ucnv_getAvailableName(i);
    // "ibm-1047_P100-1995,swaplfnl" and friends swap LF/NL for Unix files; the mainframe
    // form is the unswapped converter. Non-"ibm-" names (ebcdic-xml-us) are variants too.
    if (name.rfind("ibm-", 0) != 0 || name.find(',') != std::string::npos) continue;
    UErrorCode err = U_ZERO_ERROR;
    UConverter* conv = ucnv_open(name.c_str(), &err);
    if (U_FAILURE(err)) continue;
    page_kind kind = page_kind::single_byte;
    bool ebcdic = classify(conv, kind);
    err = U_ZERO_ERROR;
    int ccsid = ucnv_getCCSID(conv, &err);
    ucnv_close(conv);
    if (!ebcdic || U_FAILURE(err) || ccsid <= 0) continue;

    registry_entry e;
    e.icu_name = name;
    e.info.ccsid = ccsid;
    e.info.kind = kind;
    e.info.name = canonical_name(ccsid);
    const char* desc = describe_ccsid(ccsid);
    e.info.description = desc != nullptr ? desc : "EBCDIC (ICU " + name + ")";
    add_alias(e.info.aliases, e.info.name);
    err = U_ZERO_ERROR;
    uint16_t n = ucnv_countAliases(name.c_str(), &err);
    for (uint16_t a = 0; a < n; ++a) {
      err = U_ZERO_ERROR;
      const char* alias = ucnv_getAlias(name.c_str(), a, &err);
      if (U_SUCCESS(err) && alias != nullptr) add_alias(e.info.aliases, alias);
    }
    add_alias(e.info.aliases, "ibm-" + std::to_string(ccsid));
    add_alias(e.info.aliases, "CCSID" + std::to_string(ccsid));
    add_alias(e.info.aliases, std::to_string(ccsid));
    pages.push_back(std::move(e));
  }
  std::sort(pages.begin(), pages.end(), [](const registry_entry& a, const registry_entry& b) {
    return a.info.ccsid < b.info.ccsid;
  });
  return pages;
}

struct name_index {
  std::unordered_map<std::string, long> by_alias;  ///< lower-case alias -> index
  std::unordered_map<int, long> by_ccsid;
};

const name_index& index() {
  static const name_index idx = [] {
    name_index r;
    const auto& pages = registry();
    for (std::size_t i = 0; i < pages.size(); ++i) {
      r.by_ccsid.emplace(pages[i].info.ccsid, static_cast<long>(i));
      for (const auto& a : pages[i].info.aliases)
        r.by_alias.emplace(lower(a), static_cast<long>(i));  // first page keeps a clash
    }
    return r;
  }();
  return idx;
}

/// "ibm-037", "IBM01140", "cp37", "ccsid-037", "037" -> the CCSID; -1 if not that shape.
int parse_ccsid(std::string_view s) {
  for (std::string_view prefix : {"ccsid-", "ccsid_", "ccsid", "ibm-", "ibm_", "ibm", "cp-",
                                  "cp_", "cp"}) {
    if (s.substr(0, prefix.size()) == prefix) {
      s.remove_prefix(prefix.size());
      break;
    }
  }
  if (s.empty() || s.size() > 6) return -1;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

}  // namespace

const std::vector<registry_entry>& registry() {
  static const std::vector<registry_entry> pages = enumerate();
  return pages;
}

long find_page(std::string_view name) {
  while (!name.empty() && std::isspace(static_cast<unsigned char>(name.front())))
    name.remove_prefix(1);
  while (!name.empty() && std::isspace(static_cast<unsigned char>(name.back())))
    name.remove_suffix(1);
  const std::string key = lower(name);
  const auto& idx = index();
  if (auto it = idx.by_alias.find(key); it != idx.by_alias.end()) return it->second;
  int ccsid = parse_ccsid(key);
  if (ccsid > 0)
    if (auto it = idx.by_ccsid.find(ccsid); it != idx.by_ccsid.end()) return it->second;
  return -1;
}

}  // namespace mfb::ebcdic::detail
