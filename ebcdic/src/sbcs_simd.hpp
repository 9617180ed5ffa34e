#pragma once
// SIMD kernels for single-byte decoding (see sbcs_simd.cpp).

#include <array>
#include <cstddef>
#include <cstdint>

namespace mfb::ebcdic::detail {

/// Per-byte tables the kernels read: the 1-byte UTF-8 result (0xFF when longer), and for
/// characters of 1 or 2 UTF-8 bytes the lead byte (0xFF when 3-4 bytes) and the
/// continuation byte (0 when none).
struct simd_tables {
  std::array<std::uint8_t, 256> ascii{};
  std::array<std::uint8_t, 256> lead{};
  std::array<std::uint8_t, 256> cont{};
};

/// Translate in[0..len) to UTF-8 at `out` as far as the kernel can. Return the number of
/// input bytes done and set `written` to the output bytes. Stops at a byte the kernel cannot
/// handle (in[result] then needs the general table and is never an ASCII byte), or before a
/// tail too short for its blocks. Never writes past the UTF-8 of the bytes it consumed
/// plus what the caller's len * max_utf8 buffer holds.
using sbcs_run_fn = std::size_t (*)(const simd_tables& t, const std::uint8_t* in,
                                    std::size_t len, char* out, std::size_t& written) noexcept;

enum class simd_level { best, scalar, avx2, avx512vbmi, avx512vbmi2 };

/// The shortest run worth calling `run` for (shorter runs go byte by byte).
std::size_t sbcs_run_min_len(sbcs_run_fn run) noexcept;

/// The kernel for `level` (best: what this CPU supports), or nullptr if the CPU lacks it.
sbcs_run_fn sbcs_run_for(simd_level level) noexcept;

}  // namespace mfb::ebcdic::detail
