// The text pages of --ascii: ASCII files as Cobrix's encoding=ascii reads them. Bytes below
// 0x20 are dropped before decoding (record padding, stray control bytes), then the rest is
// decoded as UTF-8 (a malformed sequence becomes one U+FFFD per maximal invalid part, as
// Java's decoder does), ISO-8859-1 (byte b is U+00bb) or US-ASCII (bytes 80-FF are U+FFFD).
// The 256-entry table holds ASCII for bytes below 0x80, which DISPLAY numbers and edited
// pictures read; text goes through decode(), since its width varies.

#include <cctype>

#include "code_page_impl.hpp"
#include "mfb/ebcdic/utf8.hpp"

namespace mfb::ebcdic::detail {

namespace {

enum class charset { utf8, latin1, us_ascii };

std::string folded(std::string_view s) {
  std::string r;
  for (char c : s)
    if (!std::isspace(static_cast<unsigned char>(c)))
      r += c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return r;
}

// Length of the valid UTF-8 sequence at `in` (1-4), or of its maximal invalid prefix as a
// negative number (at least -1).
int utf8_sequence(const std::uint8_t* in, std::size_t left) {
  const std::uint8_t b = in[0];
  if (b < 0x80) return 1;
  int need = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
  if (need == 0) return -1;
  for (int k = 1; k < need; ++k) {
    if (static_cast<std::size_t>(k) >= left) return -k;
    const std::uint8_t c = in[k];
    std::uint8_t lo = 0x80, hi = 0xBF;  // the second byte's narrower ranges (no overlongs,
    if (k == 1) {                        // surrogates or code points past U+10FFFF)
      if (b == 0xE0) lo = 0xA0;
      if (b == 0xED) hi = 0x9F;
      if (b == 0xF0) lo = 0x90;
      if (b == 0xF4) hi = 0x8F;
    }
    if (c < lo || c > hi) return -k;
  }
  return need;
}

template <charset Set>
decode_status decode_ascii_text(const code_page::impl&, const std::uint8_t* in, std::size_t len,
                                char* out, std::size_t& written) noexcept {
  char* o = out;
  for (std::size_t i = 0; i < len;) {
    const std::uint8_t b = in[i];
    if (b < 0x20) {
      ++i;
      continue;
    }
    if (b < 0x80) {
      *o++ = static_cast<char>(b);
      ++i;
      continue;
    }
    if constexpr (Set == charset::latin1) {
      o += put_utf8(b, o);
      ++i;
    } else if constexpr (Set == charset::us_ascii) {
      o += put_utf8(0xFFFD, o);
      ++i;
    } else {
      int n = utf8_sequence(in + i, len - i);
      if (n > 0) {
        for (int k = 0; k < n; ++k) *o++ = static_cast<char>(in[i + static_cast<std::size_t>(k)]);
        i += static_cast<std::size_t>(n);
      } else {
        o += put_utf8(0xFFFD, o);
        i += static_cast<std::size_t>(-n);
      }
    }
  }
  written = static_cast<std::size_t>(o - out);
  return decode_status::ok;
}

std::shared_ptr<const code_page::impl> build(charset set) {
  auto p = std::make_shared<code_page::impl>();
  p->info.kind = page_kind::single_byte;
  p->info.ccsid = set == charset::latin1 ? 819 : set == charset::us_ascii ? 367 : 1208;
  const char* name = set == charset::latin1 ? "latin1" : set == charset::us_ascii ? "us-ascii" : "utf8";
  p->info.name = std::string("ascii-") + name;
  p->info.description = std::string("ASCII file, text as ") +
                        (set == charset::utf8 ? "UTF-8" : set == charset::latin1 ? "ISO-8859-1" : "US-ASCII") +
                        " (--ascii: bytes below 0x20 dropped)";
  p->info.aliases = {p->info.name};
  std::array<char32_t, 256> cps{};
  for (std::size_t b = 0; b < 256; ++b)
    cps[b] = b < 0x80 || set == charset::latin1 ? static_cast<char32_t>(b) : U'\uFFFD';
  p->sbcs.set_decode(cps);
  for (std::size_t b = 0; b < 256; ++b)
    if (cps[b] != U'\uFFFD') p->sbcs.add_encode(cps[b], static_cast<std::uint8_t>(b));
  p->sbcs.finish_encode();
  p->sub = 0x1A;
  p->pad = 0x20;
  p->max_utf8 = 3;  // one byte can become U+FFFD
  p->text_decoder = set == charset::utf8     ? &decode_ascii_text<charset::utf8>
                    : set == charset::latin1 ? &decode_ascii_text<charset::latin1>
                                             : &decode_ascii_text<charset::us_ascii>;
  return p;
}

}  // namespace

std::shared_ptr<const code_page::impl> find_ascii_text_page(std::string_view name) {
  const std::string key = folded(name);
  if (key == "ascii-utf8" || key == "ascii-utf-8") {
    static const auto page = build(charset::utf8);
    return page;
  }
  if (key == "ascii-latin1" || key == "ascii-iso-8859-1") {
    static const auto page = build(charset::latin1);
    return page;
  }
  if (key == "ascii-us-ascii") {
    static const auto page = build(charset::us_ascii);
    return page;
  }
  return nullptr;
}

std::vector<code_page_info> builtin_page_infos() {
  std::vector<code_page_info> out;
  out.push_back(find_builtin_page("latin1")->info);
  out.push_back(common_page_info(false));
  out.push_back(common_page_info(true));
  for (const char* n : {"ascii-utf8", "ascii-latin1", "ascii-us-ascii"})
    out.push_back(find_ascii_text_page(n)->info);
  return out;
}

}  // namespace mfb::ebcdic::detail
