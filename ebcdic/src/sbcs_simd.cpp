// The hot loop of single-byte decoding: translate the run of bytes whose UTF-8 form is a
// single ASCII byte through a 256-byte table, many bytes per instruction. Chosen once at
// start-up from what the CPU offers:
//   AVX-512 VBMI: two 128-entry vpermi2b lookups and a blend cover 64 bytes;
//   AVX2:         16 vpshufb lookups (one per high nibble) cover 32 bytes;
//   otherwise:    a scalar table copy 16 bytes at a time.
// The table holds 0xFF for bytes that need more than one UTF-8 byte, so the high bit of a
// result marks where the ASCII run ends.

#include <immintrin.h>

#include "sbcs_simd.hpp"

namespace mfb::ebcdic::detail {
namespace {

std::size_t run_scalar(const std::uint8_t* table, const std::uint8_t* in, std::size_t len,
                       char* out) noexcept {
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
      return i;
    }
    i += 16;
  }
  return i;
}

__attribute__((target("avx2"))) std::size_t run_avx2(const std::uint8_t* table,
                                                     const std::uint8_t* in, std::size_t len,
                                                     char* out) noexcept {
  __m256i rows[16];
  for (int k = 0; k < 16; ++k)
    rows[k] = _mm256_broadcastsi128_si256(
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(table + 16 * k)));
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
    if (bad != 0) return i + static_cast<std::size_t>(__builtin_ctz(bad));
    i += 32;
  }
  return i;
}

__attribute__((target("avx512f,avx512bw,avx512vbmi"))) std::size_t run_vbmi(
    const std::uint8_t* table, const std::uint8_t* in, std::size_t len, char* out) noexcept {
  const __m512i t0 = _mm512_loadu_si512(table);
  const __m512i t1 = _mm512_loadu_si512(table + 64);
  const __m512i t2 = _mm512_loadu_si512(table + 128);
  const __m512i t3 = _mm512_loadu_si512(table + 192);
  std::size_t i = 0;
  while (len - i >= 64) {
    const __m512i x = _mm512_loadu_si512(in + i);
    // vpermi2b uses the low 7 index bits: bytes 00-7F from t0:t1, 80-FF from t2:t3.
    const __m512i low = _mm512_permutex2var_epi8(t0, x, t1);
    const __m512i high = _mm512_permutex2var_epi8(t2, x, t3);
    const __m512i r = _mm512_mask_blend_epi8(_mm512_movepi8_mask(x), low, high);
    _mm512_storeu_si512(out + i, r);
    const __mmask64 bad = _mm512_movepi8_mask(r);
    if (bad != 0) return i + static_cast<std::size_t>(__builtin_ctzll(bad));
    i += 64;
  }
  return i;
}

ascii_run_fn choose() noexcept {
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512vbmi") && __builtin_cpu_supports("avx512bw")) return run_vbmi;
  if (__builtin_cpu_supports("avx2")) return run_avx2;
  return run_scalar;
}

}  // namespace

ascii_run_fn ascii_run_for(simd_level level) noexcept {
  switch (level) {
    case simd_level::best:
      break;
    case simd_level::scalar:
      return run_scalar;
    case simd_level::avx2:
      return __builtin_cpu_supports("avx2") ? run_avx2 : nullptr;
    case simd_level::avx512vbmi:
      return __builtin_cpu_supports("avx512vbmi") && __builtin_cpu_supports("avx512bw")
                 ? run_vbmi
                 : nullptr;
  }
  static const ascii_run_fn best = choose();
  return best;
}

}  // namespace mfb::ebcdic::detail
