// Single-byte page tables: decoding is a table copy per byte, with a block fast path for
// text whose bytes all map to ASCII (the common case for names, codes and amounts), and
// encoding is a reverse lookup that prefers ICU's round-trip byte.

#include <algorithm>
#include <cstring>

#include "code_page_impl.hpp"
#include "mfb/ebcdic/utf8.hpp"
#include "sbcs_simd.hpp"

namespace mfb::ebcdic::detail {

void sbcs_tables::set_decode(const std::array<char32_t, 256>& code_points) noexcept {
  code_points_ = code_points;
  max_utf8_ = 1;
  for (std::size_t b = 0; b < 256; ++b) {
    char buf[4] = {0, 0, 0, 0};
    std::size_t n = put_utf8(code_points[b], buf);
    std::uint32_t packed = 0;
    std::memcpy(&packed, buf, 4);
    utf8_[b] = packed;
    utf8_len_[b] = static_cast<std::uint8_t>(n);
    simd_.ascii[b] = n == 1 ? static_cast<std::uint8_t>(code_points[b]) : std::uint8_t{0xFF};
    simd_.lead[b] = n <= 2 ? static_cast<std::uint8_t>(buf[0]) : std::uint8_t{0xFF};
    simd_.cont[b] = n == 2 ? static_cast<std::uint8_t>(buf[1]) : std::uint8_t{0};
    max_utf8_ = std::max(max_utf8_, n);
  }
}

void sbcs_tables::add_encode(char32_t cp, std::uint8_t byte) {
  if (cp < 0x100) {
    if (encode_latin_[cp] == no_byte) encode_latin_[cp] = byte;
    return;
  }
  for (const auto& e : encode_other_)
    if (e.first == cp) return;
  encode_other_.emplace_back(cp, byte);
}

void sbcs_tables::finish_encode() {
  std::sort(encode_other_.begin(), encode_other_.end());
}

bool sbcs_tables::encode_one(char32_t cp, std::uint8_t& byte) const noexcept {
  if (cp < 0x100) {
    std::uint16_t v = encode_latin_[cp];
    byte = static_cast<std::uint8_t>(v);
    return v != no_byte;
  }
  auto it = std::lower_bound(encode_other_.begin(), encode_other_.end(),
                             std::pair<char32_t, std::uint8_t>{cp, 0});
  if (it == encode_other_.end() || it->first != cp) return false;
  byte = it->second;
  return true;
}

std::size_t sbcs_tables::decode(const std::uint8_t* in, std::size_t len,
                                char* out) const noexcept {
  static const sbcs_run_fn best = sbcs_run_for(simd_level::best);
  return decode_with(best, in, len, out);
}

std::size_t sbcs_tables::decode_with(sbcs_run_fn run, const std::uint8_t* in, std::size_t len,
                                     char* out) const noexcept {
  // Runs shorter than the kernel's block go byte by byte: its set-up would cost more.
  const std::size_t min_block = sbcs_run_min_len(run);
  char* o = out;
  std::size_t i = 0;
  while (i < len) {
    if (len - i >= min_block) {
      std::size_t written = 0;
      i += run(simd_, in + i, len - i, o, written);
      o += written;
    }
    // Bytes that need 2-4 UTF-8 bytes, and the tail, go through the general table.
    while (i < len) {
      const std::uint8_t b = in[i];
      if (simd_.ascii[b] < 0x80 && len - i >= min_block) break;
      // A 4-byte store is safe while four input bytes remain: the caller's buffer then
      // has room for at least 4 * max_utf8() >= 4 more bytes.
      if (len - i >= 4) {
        std::memcpy(o, &utf8_[b], 4);
      } else {
        std::memcpy(o, &utf8_[b], utf8_len_[b]);
      }
      o += utf8_len_[b];
      ++i;
    }
  }
  return static_cast<std::size_t>(o - out);
}

decode_status sbcs_tables::encode(std::string_view utf8, std::uint8_t* out, std::size_t len,
                                  unmappable_policy policy, std::uint8_t sub,
                                  std::uint8_t pad) const noexcept {
  const char* p = utf8.data();
  const char* end = p + utf8.size();
  std::size_t n = 0;
  while (p < end) {
    auto c = static_cast<unsigned char>(*p);
    std::uint8_t byte = 0;
    if (c < 0x80 && encode_latin_[c] != no_byte) {
      byte = static_cast<std::uint8_t>(encode_latin_[c]);
      ++p;
    } else {
      char32_t cp = 0;
      // Malformed UTF-8 has no EBCDIC form either; the status set has no separate code.
      if (!next_utf8(p, end, cp)) return decode_status::unmappable;
      if (!encode_one(cp, byte)) {
        if (policy == unmappable_policy::fail) return decode_status::unmappable;
        byte = sub;
      }
    }
    if (n == len) return decode_status::overflow;
    out[n++] = byte;
  }
  if (n < len) std::memset(out + n, pad, len - n);
  return decode_status::ok;
}

}  // namespace mfb::ebcdic::detail
