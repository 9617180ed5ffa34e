// Mixed SBCS/DBCS pages (SO 0x0E / SI 0x0F inside a field) and pure DBCS fields (PIC G,
// DISPLAY-1) through ICU. ICU converters are not thread-safe, so each thread keeps its
// own converter per page; the shift structure is checked here first, because ICU quietly
// accepts a field that ends inside a DBCS run.

#include <cstring>
#include <vector>

#include <unicode/ucnv.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include "code_page_impl.hpp"
#include "mfb/ebcdic/utf8.hpp"

namespace mfb::ebcdic::detail {
namespace {

constexpr std::uint8_t so = 0x0E;
constexpr std::uint8_t si = 0x0F;

/// Per-thread converters (indexed by registry slot) and scratch buffers that only grow,
/// so steady-state decoding allocates nothing.
struct thread_cache {
  std::vector<UConverter*> converters;
  std::vector<UChar> uchars;
  std::vector<char> bytes;
  thread_cache() = default;
  thread_cache(const thread_cache&) = delete;
  thread_cache& operator=(const thread_cache&) = delete;
  ~thread_cache() {
    for (UConverter* c : converters)
      if (c != nullptr) ucnv_close(c);
  }
};

thread_cache& cache() {
  thread_local thread_cache c;
  return c;
}

/// This thread's converter for the page, reset, with the from-Unicode callback the policy
/// asks for; nullptr if ICU cannot open it.
UConverter* converter(const code_page::impl& p, unmappable_policy policy) noexcept {
  auto& c = cache();
  if (c.converters.size() <= p.slot) c.converters.resize(p.slot + 1, nullptr);
  UConverter*& conv = c.converters[p.slot];
  if (conv == nullptr) {
    UErrorCode err = U_ZERO_ERROR;
    conv = ucnv_open(p.icu_name.c_str(), &err);
    if (U_FAILURE(err)) {
      conv = nullptr;
      return nullptr;
    }
    ucnv_setFallback(conv, false);
  }
  ucnv_reset(conv);
  UErrorCode err = U_ZERO_ERROR;
  ucnv_setFromUCallBack(conv,
                        policy == unmappable_policy::fail ? UCNV_FROM_U_CALLBACK_STOP
                                                          : UCNV_FROM_U_CALLBACK_SUBSTITUTE,
                        nullptr, nullptr, nullptr, &err);
  return conv;
}

/// Check SO/SI structure: balanced, not nested, even DBCS runs. Sets `has_dbcs`.
decode_status check_shifts(const std::uint8_t* in, std::size_t len, bool& has_dbcs) noexcept {
  has_dbcs = false;
  bool in_dbcs = false;
  std::size_t run = 0;
  for (std::size_t i = 0; i < len; ++i) {
    const std::uint8_t b = in[i];
    if (!in_dbcs) {
      if (b == so) {
        in_dbcs = true;
        has_dbcs = true;
        run = 0;
      } else if (b == si) {
        return decode_status::bad_shift;
      }
    } else if (b == si) {
      if (run % 2 != 0) return decode_status::odd_dbcs_length;
      in_dbcs = false;
    } else if (b == so) {
      return decode_status::bad_shift;
    } else {
      ++run;
    }
  }
  return in_dbcs ? decode_status::bad_shift : decode_status::ok;
}

/// Run bytes through the page's converter and write UTF-8 at out (capacity `cap`).
decode_status icu_to_utf8(const code_page::impl& p, const char* src, std::size_t n, char* out,
                          std::size_t cap, std::size_t& written) noexcept {
  UConverter* conv = converter(p, unmappable_policy::fail);
  if (conv == nullptr) return decode_status::unmappable;
  auto& c = cache();
  if (c.uchars.size() < n + 2) c.uchars.resize(n + 2);
  UErrorCode err = U_ZERO_ERROR;
  int32_t nu = ucnv_toUChars(conv, c.uchars.data(), static_cast<int32_t>(c.uchars.size()), src,
                             static_cast<int32_t>(n), &err);
  if (U_FAILURE(err)) return decode_status::unmappable;
  int32_t n8 = 0;
  err = U_ZERO_ERROR;
  u_strToUTF8(out, static_cast<int32_t>(cap), &n8, c.uchars.data(), nu, &err);
  if (err == U_BUFFER_OVERFLOW_ERROR) return decode_status::overflow;
  if (U_FAILURE(err)) return decode_status::unmappable;
  written = static_cast<std::size_t>(n8);
  return decode_status::ok;
}

/// UTF-8 to UTF-16 in the thread's scratch buffer; false on malformed UTF-8.
bool to_utf16(std::string_view utf8, int32_t& n16) noexcept {
  auto& c = cache();
  if (c.uchars.size() < utf8.size() + 2) c.uchars.resize(utf8.size() + 2);
  UErrorCode err = U_ZERO_ERROR;
  u_strFromUTF8(c.uchars.data(), static_cast<int32_t>(c.uchars.size()), &n16, utf8.data(),
                static_cast<int32_t>(utf8.size()), &err);
  return U_SUCCESS(err);
}

}  // namespace

decode_status mixed_decode(const code_page::impl& p, const std::uint8_t* in, std::size_t len,
                           char* out, std::size_t& written) noexcept {
  written = 0;
  bool has_dbcs = false;
  if (decode_status s = check_shifts(in, len, has_dbcs); s != decode_status::ok) return s;
  if (!has_dbcs) {  // most fields of a mixed page hold no DBCS run: table path, no ICU
    written = p.sbcs.decode(in, len, out);
    return decode_status::ok;
  }
  return icu_to_utf8(p, reinterpret_cast<const char*>(in), len, out, len * p.max_utf8,
                     written);
}

decode_status dbcs_decode(const code_page::impl& p, const std::uint8_t* in, std::size_t len,
                          char* out, std::size_t& written) noexcept {
  written = 0;
  if (len % 2 != 0) return decode_status::odd_dbcs_length;
  for (std::size_t i = 0; i < len; ++i)
    if (in[i] == so || in[i] == si) return decode_status::bad_shift;
  if (p.info.kind == page_kind::double_byte)
    return icu_to_utf8(p, reinterpret_cast<const char*>(in), len, out, len * p.max_utf8,
                       written);
  // A pure DBCS field of a mixed page is its DBCS half: decode it as SO data SI.
  auto& bytes = cache().bytes;
  if (bytes.size() < len + 2) bytes.resize(len + 2);
  bytes[0] = static_cast<char>(so);
  if (len != 0) std::memcpy(bytes.data() + 1, in, len);
  bytes[len + 1] = static_cast<char>(si);
  return icu_to_utf8(p, bytes.data(), len + 2, out, len * p.max_utf8, written);
}

decode_status mixed_encode(const code_page::impl& p, std::string_view utf8, std::uint8_t* out,
                           std::size_t len, unmappable_policy policy) noexcept {
  // Text that the SBCS half covers needs no ICU call and no shift.
  if (p.sbcs.encode(utf8, out, len, unmappable_policy::fail, p.sub, p.pad) ==
      decode_status::ok)
    return decode_status::ok;
  int32_t n16 = 0;
  if (!to_utf16(utf8, n16)) return decode_status::unmappable;
  UConverter* conv = converter(p, policy);
  if (conv == nullptr) return decode_status::unmappable;
  auto& c = cache();
  const std::size_t need = 4 * static_cast<std::size_t>(n16) + 2;
  if (c.bytes.size() < need) c.bytes.resize(need);
  UErrorCode err = U_ZERO_ERROR;
  int32_t nb = ucnv_fromUChars(conv, c.bytes.data(), static_cast<int32_t>(c.bytes.size()),
                               c.uchars.data(), n16, &err);
  if (U_FAILURE(err)) return decode_status::unmappable;
  const auto n = static_cast<std::size_t>(nb);
  if (n > len) return decode_status::overflow;
  if (n != 0) std::memcpy(out, c.bytes.data(), n);
  if (n < len) std::memset(out + n, p.pad, len - n);
  return decode_status::ok;
}

decode_status dbcs_encode(const code_page::impl& p, std::string_view utf8, std::uint8_t* out,
                          std::size_t len, unmappable_policy policy) noexcept {
  if (len % 2 != 0) return decode_status::odd_dbcs_length;
  UConverter* conv = converter(p, unmappable_policy::fail);
  if (conv == nullptr) return decode_status::unmappable;
  const bool wrapped = p.info.kind == page_kind::mixed;
  const char* s = utf8.data();
  const char* end = s + utf8.size();
  std::size_t n = 0;
  // One character at a time: a character whose only form is single-byte (Latin letters in
  // a mixed page) has no place in a DBCS field, and must not sneak in with SO/SI around it.
  while (s < end) {
    char32_t cp = 0;
    if (!next_utf8(s, end, cp)) return decode_status::unmappable;
    UChar src[2];
    int32_t n16 = 0;
    U16_APPEND_UNSAFE(src, n16, static_cast<UChar32>(cp));
    char enc[16];
    UErrorCode err = U_ZERO_ERROR;
    ucnv_reset(conv);
    int32_t k = ucnv_fromUChars(conv, enc, 16, src, n16, &err);
    std::uint8_t pair[2];
    if (U_SUCCESS(err) && wrapped && k == 4 && enc[0] == so && enc[3] == si) {
      pair[0] = static_cast<std::uint8_t>(enc[1]);
      pair[1] = static_cast<std::uint8_t>(enc[2]);
    } else if (U_SUCCESS(err) && !wrapped && k == 2) {
      pair[0] = static_cast<std::uint8_t>(enc[0]);
      pair[1] = static_cast<std::uint8_t>(enc[1]);
    } else if (policy == unmappable_policy::substitute) {
      pair[0] = 0xFE;  // the DBCS-Host substitution character 0xFEFE
      pair[1] = 0xFE;
    } else {
      return decode_status::unmappable;
    }
    if (len - n < 2) return decode_status::overflow;
    out[n++] = pair[0];
    out[n++] = pair[1];
  }
  for (; n < len; n += 2) {
    out[n] = p.dbcs_space[0];
    out[n + 1] = p.dbcs_space[1];
  }
  return decode_status::ok;
}

}  // namespace mfb::ebcdic::detail
