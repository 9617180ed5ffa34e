// The code page guess. The family shows in letters and digits: EBCDIC's sit at C1-E9,
// 81-A9 and F0-F9 with the space at X'40', ASCII's at 30-7A with the space at X'20'.
// The national page shows only in the bytes the EBCDIC Latin pages disagree on (accented
// letters, currency signs, brackets): each page reads them through ICU's tables, and the
// page whose reading looks most like text wins.

#include <algorithm>
#include <array>
#include <map>

#include "codec/detect_detail.hpp"
#include "mfb/ebcdic/code_page.hpp"

namespace mfb::bridge::detail {

namespace {

bool ebcdic_alnum(std::uint8_t b) {
  const unsigned lo = b & 15u, hi = b >> 4;
  if (hi == 0xF) return lo <= 9;
  if (hi == 0x8 || hi == 0xC) return lo >= 1 && lo <= 9;
  if (hi == 0x9 || hi == 0xD) return lo >= 1 && lo <= 9;
  if (hi == 0xA || hi == 0xE) return lo >= 2 && lo <= 9;
  return false;
}

bool ascii_alnum(std::uint8_t b) {
  return (b >= '0' && b <= '9') || (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z');
}

// Ties go down this list: the UK pages first, as the samples and their users are British,
// then US, international, open systems and the other national pages by CCSID. A page
// without the euro comes before its euro twin: they read alike when no X'9F' is present.
constexpr std::array<const char*, 21> national_pages{
    "cp285", "cp1146", "cp037", "cp1140", "cp500", "cp1148", "cp1047", "cp273", "cp1141", "cp277", "cp1142",
    "cp278", "cp1143", "cp280", "cp1144", "cp284", "cp1145", "cp297", "cp1147", "cp871", "cp1149"};

bool is_letter(std::uint32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
         (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}
bool is_digit(std::uint32_t c) { return c >= '0' && c <= '9'; }
bool is_currency(std::uint32_t c) { return c == '$' || c == 0xA3 || c == 0x20AC || c == 0xA5; }

// How much a character read from a variant byte looks like text, given its neighbours.
int plausibility(std::uint32_t c, std::uint32_t before, std::uint32_t after) {
  if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return -4;  // control characters
  if (is_letter(c)) return is_letter(before) || is_letter(after) ? 3 : 1;
  if (is_currency(c)) return is_digit(after) ? 3 : 1;
  switch (c) {
    case '!': case '#': case '@': case '[': case ']': return 1;
    default: return 0;  // signs seldom typed: ¤ ¦ ¬ ¨ ¯ ° { } \ | ~ ^ ` ...
  }
}

struct page_score {
  std::string name;
  const std::uint32_t* table = nullptr;
  long long score = 0;
};

std::string hex_byte(std::uint8_t b) {
  static const char* digits = "0123456789ABCDEF";
  return std::string("X'") + digits[b >> 4] + digits[b & 15] + "'";
}

}  // namespace

code_page_guess code_page_family(std::span<const std::uint8_t> bytes) {
  std::size_t e_alnum = 0, e_space = 0, a_alnum = 0, a_space = 0, high = 0;
  for (std::uint8_t b : bytes) {
    e_alnum += ebcdic_alnum(b);
    e_space += b == 0x40;
    a_alnum += ascii_alnum(b);
    a_space += b == 0x20;
    high += b >= 0x80;
  }
  code_page_guess g;
  const double e = static_cast<double>(e_alnum + e_space), a = static_cast<double>(a_alnum + a_space);
  const std::string counts = std::to_string(e_alnum) + " EBCDIC letters and digits and " +
                             std::to_string(e_space) + " EBCDIC spaces against " +
                             std::to_string(a_alnum) + " ASCII letters and digits and " +
                             std::to_string(a_space) + " ASCII spaces";
  g.evidence = counts;
  if (e_alnum + a_alnum < 16) {
    g.evidence = "too few letters or digits to tell (" + counts + ")";
    return g;
  }
  if (e >= 3 * a) {
    g.family = "EBCDIC";
    g.confidence = std::min(0.99, e / (e + a));
  } else if (a >= 3 * e) {
    g.family = high == 0 ? "ASCII" : "UTF-8";
    g.page = "latin1";
    g.confidence = std::min(0.99, a / (e + a));
  }
  return g;
}

void append_text_bytes(const copybook::record_layout& layout, std::span<const std::uint8_t> record,
                       std::vector<std::uint8_t>& out) {
  for (const auto& f : layout.fields) {
    if (f.is_group() || f.use != copybook::usage::display || f.variably_located) continue;
    if (f.kind != copybook::category::alphanumeric && f.kind != copybook::category::alphabetic) continue;
    bool plain = f.redefines < 0 && !f.redefined;
    for (int p = f.parent; plain && p >= 0; p = layout.fields[static_cast<std::size_t>(p)].parent) {
      const auto& g = layout.fields[static_cast<std::size_t>(p)];
      plain = g.redefines < 0 && !g.redefined && g.depending_on < 0;
    }
    if (!plain || f.offset + f.length > record.size()) continue;
    out.insert(out.end(), record.begin() + static_cast<std::ptrdiff_t>(f.offset),
               record.begin() + static_cast<std::ptrdiff_t>(f.offset + f.length));
  }
}

void choose_national_page(std::span<const std::uint8_t> text, const std::string& preferred,
                          code_page_guess& guess) {
  std::vector<page_score> pages;
  std::vector<ebcdic::code_page> open;  // keeps the tables alive
  for (const char* name : national_pages) {
    auto p = ebcdic::code_page::open(name);
    if (!p || !p->sbcs_table()) continue;
    open.push_back(*p);
  }
  for (const auto& p : open) pages.push_back({p.info().name, p.sbcs_table(), 0});
  if (pages.empty()) return;
  // Bytes the pages read alike say nothing; count the others.
  std::array<bool, 256> variant{};
  for (int b = 0; b < 256; ++b)
    for (const auto& p : pages) variant[static_cast<std::size_t>(b)] |= p.table[b] != pages[0].table[b];
  std::map<std::uint8_t, std::size_t> seen;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!variant[text[i]]) continue;
    ++seen[text[i]];
    for (auto& p : pages) {
      const std::uint32_t before = i ? p.table[text[i - 1]] : ' ';
      const std::uint32_t after = i + 1 < text.size() ? p.table[text[i + 1]] : ' ';
      p.score += plausibility(p.table[text[i]], before, after);
    }
  }
  long long best = pages[0].score;
  for (const auto& p : pages) best = std::max(best, p.score);
  const page_score* chosen = nullptr;
  for (const auto& p : pages)
    if (p.score == best && (chosen == nullptr || p.name == preferred)) chosen = &p;
  guess.page = chosen->name;
  for (const auto& p : pages)
    if (p.score == best && &p != chosen) guess.equal.push_back(p.name);
  if (seen.empty()) {
    guess.evidence += "; its text holds only characters every EBCDIC Latin page reads alike, so any of "
                      "them (cp037, cp285, cp500, ...) gives the same output";
    return;
  }
  std::string readings;
  for (const auto& [byte, count] : seen) {
    if (!readings.empty()) readings += ", ";
    std::string ch;
    ebcdic::code_page page = *std::find_if(open.begin(), open.end(),
                                           [&](const auto& p) { return p.info().name == chosen->name; });
    char buf[8];
    std::size_t n = 0;
    page.decode(&byte, 1, buf, n);
    readings += hex_byte(byte) + " as " + std::string(buf, n) + " (" + std::to_string(count) + "x)";
  }
  guess.evidence += "; " + guess.page + " reads the bytes Latin pages disagree on as text: " + readings;
  if (!guess.equal.empty()) {
    guess.confidence = std::min(guess.confidence, 0.6);
    std::string others;
    for (std::size_t i = 0; i < guess.equal.size() && i < 4; ++i)
      others += (i ? ", " : "") + guess.equal[i];
    guess.evidence += "; " + others + " read them as plausibly (the data cannot tell; name yours with --codepage)";
  }
}

}  // namespace mfb::bridge::detail
