// The hot loop of single-byte decoding, many bytes per instruction. Chosen once at
// start-up from what the CPU offers:
//   AVX-512 VBMI2: 64-byte blocks through two 128-entry vpermi2b lookups; a block with
//                  2-byte UTF-8 characters (accents, Greek, Cyrillic) is expanded 32 bytes
//                  at a time: lead and continuation bytes are interleaved and the unused
//                  continuation slots squeezed out with vpcompressb;
//   AVX-512 VBMI:  the same 64-byte lookup for ASCII runs only;
//   AVX2:          16 vpshufb lookups (one per high nibble) for 32-byte ASCII runs;
//   otherwise:     a scalar table copy 16 bytes at a time, for ASCII runs.
// The VBMI kernels also do the last partial block with masked loads and stores, so short
// fields (most fields of a record are 1-40 bytes) take them too.
// Bytes they do not handle (3-4 byte UTF-8, or non-ASCII for the simpler kernels) are
// left to the general per-byte table in sbcs_table.cpp.

#include <immintrin.h>

#include "sbcs_simd.hpp"

namespace mfb::ebcdic::detail {
namespace {

std::size_t run_scalar(const simd_tables& t, const std::uint8_t* in, std::size_t len,
                       char* out, std::size_t& written) noexcept {
  const std::uint8_t* table = t.ascii.data();
  std::size_t i = 0;
  while (len - i >= 16) {
    unsigned acc = 0;
    for (std::size_t k = 0; k < 16; ++k) {
      std::uint8_t v = table[in[i + k]];
      out[i + k] = static_cast<char>(v);
      acc |= v;
    }
    if ((acc & 0x80u) != 0) {
      while ((table[in[i]] & 0x80u) == 0) ++i;
      break;
    }
    i += 16;
  }
  written = i;
  return i;
}

__attribute__((target("avx2"))) std::size_t run_avx2(const simd_tables& t,
                                                     const std::uint8_t* in, std::size_t len,
                                                     char* out, std::size_t& written) noexcept {
  __m256i rows[16];
  for (int k = 0; k < 16; ++k)
    rows[k] = _mm256_broadcastsi128_si256(
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(t.ascii.data() + 16 * k)));
  const __m256i bias = _mm256_set1_epi8(0x70);
  std::size_t i = 0;
  while (len - i >= 32) {
    const __m256i x = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(in + i));
    __m256i r = _mm256_setzero_si256();
    for (int k = 0; k < 16; ++k) {
      // x ^ (k << 4) is below 0x10 only in row k; adding 0x70 with saturation leaves the
      // low nibble for those bytes and sets bit 7 (vpshufb's "write zero") for the others.
      const __m256i idx =
          _mm256_adds_epu8(_mm256_xor_si256(x, _mm256_set1_epi8(static_cast<char>(k << 4))), bias);
      r = _mm256_or_si256(r, _mm256_shuffle_epi8(rows[k], idx));
    }
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(out + i), r);
    const auto bad = static_cast<unsigned>(_mm256_movemask_epi8(r));
    if (bad != 0) {
      i += static_cast<std::size_t>(__builtin_ctz(bad));
      break;
    }
    i += 32;
  }
  written = i;
  return i;
}

#define MFB_VBMI_TARGET __attribute__((target("avx512f,avx512bw,avx512vbmi,avx512vbmi2,popcnt")))

/// A 256-entry byte table as four registers, looked up with vpermi2b (low 7 index bits)
/// and a blend on the index's bit 7.
struct table512 {
  __m512i q0, q1, q2, q3;
};

MFB_VBMI_TARGET table512 load_table(const std::array<std::uint8_t, 256>& t) noexcept {
  return {_mm512_loadu_si512(t.data()), _mm512_loadu_si512(t.data() + 64),
          _mm512_loadu_si512(t.data() + 128), _mm512_loadu_si512(t.data() + 192)};
}

MFB_VBMI_TARGET __m512i lookup(const table512& t, __m512i x, __mmask64 high) noexcept {
  return _mm512_mask_blend_epi8(high, _mm512_permutex2var_epi8(t.q0, x, t.q1),
                                _mm512_permutex2var_epi8(t.q2, x, t.q3));
}

MFB_VBMI_TARGET __mmask64 low_bits(std::size_t n) noexcept {
  return n >= 64 ? ~__mmask64{0} : (__mmask64{1} << n) - 1;
}

/// Shared by both VBMI kernels; `expand` enables the 2-byte path.
template <bool expand>
MFB_VBMI_TARGET std::size_t run_vbmi_impl(const simd_tables& t, const std::uint8_t* in,
                                          std::size_t len, char* out,
                                          std::size_t& written) noexcept {
  const table512 ascii = load_table(t.ascii);
  std::size_t i = 0;
  std::size_t o = 0;
  while (i < len) {
    const std::size_t n = len - i < 64 ? len - i : 64;
    const __mmask64 live = low_bits(n);
    const __m512i x = n == 64 ? _mm512_loadu_si512(in + i) : _mm512_maskz_loadu_epi8(live, in + i);
    const __m512i r = lookup(ascii, x, _mm512_movepi8_mask(x));
    const __mmask64 bad = _mm512_movepi8_mask(r) & live;
    if (bad == 0) {
      if (n == 64) {
        _mm512_storeu_si512(out + o, r);
      } else {
        _mm512_mask_storeu_epi8(out + o, live, r);
      }
      i += n;
      o += n;
      continue;
    }
    if (!expand) {  // the ASCII prefix, then the general table takes over
      const auto p = static_cast<std::size_t>(__builtin_ctzll(bad));
      _mm512_mask_storeu_epi8(out + o, low_bits(p), r);
      written = o + p;
      return i + p;
    }
    const table512 lead = load_table(t.lead);
    const table512 cont = load_table(t.cont);
    // Output byte 2k is lead[k], 2k+1 is cont[k] (vpermt2b index bit 6 picks `cont`).
    alignas(64) static constexpr std::uint8_t interleave[64] = {
        0,  64, 1,  65, 2,  66, 3,  67, 4,  68, 5,  69, 6,  70, 7,  71,
        8,  72, 9,  73, 10, 74, 11, 75, 12, 76, 13, 77, 14, 78, 15, 79,
        16, 80, 17, 81, 18, 82, 19, 83, 20, 84, 21, 85, 22, 86, 23, 87,
        24, 88, 25, 89, 26, 90, 27, 91, 28, 92, 29, 93, 30, 94, 31, 95};
    const __m512i idx = _mm512_load_si512(interleave);
    for (std::size_t half = 0; half < 2 && i < len; ++half) {
      const std::size_t m = len - i < 32 ? len - i : 32;
      const __mmask64 in_lanes = low_bits(m);
      const __m512i xs = _mm512_maskz_loadu_epi8(in_lanes, in + i);
      const __mmask64 hs = _mm512_movepi8_mask(xs);
      const __m512i ls = lookup(lead, xs, hs);
      const __mmask64 wide = _mm512_cmpeq_epi8_mask(ls, _mm512_set1_epi8(-1)) & in_lanes;
      if (wide != 0) {  // a 3-4 byte character: stop at the first non-ASCII byte
        const auto p =
            static_cast<std::size_t>(__builtin_ctzll(_mm512_movepi8_mask(ls) & in_lanes));
        _mm512_mask_storeu_epi8(out + o, low_bits(p), ls);
        written = o + p;
        return i + p;
      }
      const __m512i cs = lookup(cont, xs, hs);
      const __m512i both = _mm512_permutex2var_epi8(ls, idx, cs);
      // Keep every lead byte (even NUL) and the continuation bytes that exist.
      const __mmask64 keep =
          (_mm512_test_epi8_mask(both, both) | 0x5555555555555555u) & low_bits(2 * m);
      const auto count = static_cast<std::size_t>(__builtin_popcountll(keep));
      _mm512_mask_storeu_epi8(out + o, low_bits(count), _mm512_maskz_compress_epi8(keep, both));
      o += count;
      i += m;
    }
  }
  written = o;
  return i;
}

MFB_VBMI_TARGET std::size_t run_vbmi(const simd_tables& t, const std::uint8_t* in,
                                     std::size_t len, char* out, std::size_t& written) noexcept {
  return run_vbmi_impl<false>(t, in, len, out, written);
}

MFB_VBMI_TARGET std::size_t run_vbmi2(const simd_tables& t, const std::uint8_t* in,
                                      std::size_t len, char* out, std::size_t& written) noexcept {
  return run_vbmi_impl<true>(t, in, len, out, written);
}

bool have_vbmi() noexcept {
  return __builtin_cpu_supports("avx512vbmi") && __builtin_cpu_supports("avx512bw");
}

bool have_vbmi2() noexcept { return have_vbmi() && __builtin_cpu_supports("avx512vbmi2"); }

sbcs_run_fn choose() noexcept {
  __builtin_cpu_init();
  if (have_vbmi2()) return run_vbmi2;
  if (have_vbmi()) return run_vbmi;
  if (__builtin_cpu_supports("avx2")) return run_avx2;
  return run_scalar;
}

}  // namespace

std::size_t sbcs_run_min_len(sbcs_run_fn run) noexcept {
  // The VBMI kernels do partial blocks; the others need a run worth a block.
  return run == run_vbmi || run == run_vbmi2 ? 1 : 64;
}

sbcs_run_fn sbcs_run_for(simd_level level) noexcept {
  switch (level) {
    case simd_level::best:
      break;
    case simd_level::scalar:
      return run_scalar;
    case simd_level::avx2:
      return __builtin_cpu_supports("avx2") ? run_avx2 : nullptr;
    case simd_level::avx512vbmi:
      return have_vbmi() ? run_vbmi : nullptr;
    case simd_level::avx512vbmi2:
      return have_vbmi2() ? run_vbmi2 : nullptr;
  }
  static const sbcs_run_fn best = choose();
  return best;
}

}  // namespace mfb::ebcdic::detail
