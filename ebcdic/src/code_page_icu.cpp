// Build a page from ICU's converter once, when it is first opened: the 256-entry decode
// table (single-byte pages, and the SBCS half of mixed pages), the reverse table, and the
// page's substitution and space characters. After this, single-byte pages never call ICU.

#include <memory>

#include <unicode/ucnv.h>
#include <unicode/utf16.h>

#include "code_page_impl.hpp"

namespace mfb::ebcdic::detail {
namespace {

struct converter_closer {
  void operator()(UConverter* c) const noexcept { ucnv_close(c); }
};
using converter_ptr = std::unique_ptr<UConverter, converter_closer>;

/// Decode one byte in the initial (SBCS) state; false when ICU yields no single code point.
bool icu_decode_byte(UConverter* conv, std::uint8_t byte, char32_t& cp) {
  UChar u[4];
  char in = static_cast<char>(byte);
  UErrorCode err = U_ZERO_ERROR;
  ucnv_reset(conv);
  int32_t n = ucnv_toUChars(conv, u, 4, &in, 1, &err);
  if (U_FAILURE(err)) return false;
  if (n == 1 && !U16_IS_SURROGATE(u[0])) {
    cp = u[0];
    return true;
  }
  if (n == 2 && U16_IS_LEAD(u[0]) && U16_IS_TRAIL(u[1])) {
    cp = static_cast<char32_t>(U16_GET_SUPPLEMENTARY(u[0], u[1]));
    return true;
  }
  return false;
}

/// Encode one code point with ICU (no fallbacks, no substitution); return the byte count.
int32_t icu_encode_cp(UConverter* conv, char32_t cp, char* out, int32_t cap) {
  UChar src[2];
  int32_t n = 0;
  UBool bad = false;
  U16_APPEND(src, n, 2, static_cast<UChar32>(cp), bad);
  if (bad) return -1;
  UErrorCode err = U_ZERO_ERROR;
  ucnv_reset(conv);
  int32_t k = ucnv_fromUChars(conv, out, cap, src, n, &err);
  return U_FAILURE(err) ? -1 : k;
}

}  // namespace

result<std::shared_ptr<const code_page::impl>> build_icu_page(const registry_entry& entry,
                                                              std::size_t slot) {
  UErrorCode err = U_ZERO_ERROR;
  converter_ptr conv(ucnv_open(entry.icu_name.c_str(), &err));
  if (U_FAILURE(err))
    return error{"ICU cannot open converter " + entry.icu_name + ": " + u_errorName(err)};
  ucnv_setFromUCallBack(conv.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr,
                        &err);
  ucnv_setFallback(conv.get(), false);

  auto p = std::make_shared<code_page::impl>();
  p->info = entry.info;
  p->icu_name = entry.icu_name;
  p->slot = slot;
  const page_kind kind = entry.info.kind;

  if (kind != page_kind::double_byte) {
    std::array<char32_t, 256> cps{};
    for (std::size_t b = 0; b < 256; ++b) {
      const auto byte = static_cast<std::uint8_t>(b);
      // SO and SI only switch state in mixed pages; fields holding them go through ICU.
      if (kind == page_kind::mixed && (byte == 0x0E || byte == 0x0F)) {
        cps[b] = 0xFFFD;
        continue;
      }
      if (!icu_decode_byte(conv.get(), byte, cps[b]))
        return error{"ICU converter " + entry.icu_name + " does not map byte " +
                     std::to_string(b) + " to a single character"};
    }
    p->sbcs.set_decode(cps);
    // Reverse table: only ICU's round-trip answers (the byte ICU encodes the character to
    // must decode back to it), so encode is the exact inverse of decode.
    for (std::size_t b = 0; b < 256; ++b) {
      if (kind == page_kind::mixed && (b == 0x0E || b == 0x0F)) continue;
      char enc[8];
      if (icu_encode_cp(conv.get(), cps[b], enc, 8) != 1) continue;
      auto back = static_cast<std::uint8_t>(enc[0]);
      if (cps[back] == cps[b]) p->sbcs.add_encode(cps[b], back);
    }
    p->sbcs.finish_encode();
  }

  char subs[4];
  int8_t sub_len = 4;
  err = U_ZERO_ERROR;
  ucnv_getSubstChars(conv.get(), subs, &sub_len, &err);
  if (U_SUCCESS(err) && sub_len == 1) p->sub = static_cast<std::uint8_t>(subs[0]);

  char space[8];
  int32_t n = icu_encode_cp(conv.get(), 0x3000, space, 8);
  if (kind == page_kind::mixed && n == 4) {
    p->dbcs_space = {static_cast<std::uint8_t>(space[1]), static_cast<std::uint8_t>(space[2])};
  } else if (kind == page_kind::double_byte && n == 2) {
    p->dbcs_space = {static_cast<std::uint8_t>(space[0]), static_cast<std::uint8_t>(space[1])};
  }
  p->max_utf8 = kind == page_kind::single_byte ? p->sbcs.max_utf8() : 3;
  return std::shared_ptr<const code_page::impl>(std::move(p));
}

}  // namespace mfb::ebcdic::detail
