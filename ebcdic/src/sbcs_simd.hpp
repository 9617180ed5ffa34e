#pragma once
// SIMD kernels for single-byte decoding (see sbcs_simd.cpp).

#include <cstddef>
#include <cstdint>

namespace mfb::ebcdic::detail {

/// Translate in[0..] through `table` (256 bytes; 0xFF = "needs more than one UTF-8
/// byte") while results stay ASCII, whole blocks at a time. Return how many leading bytes
/// were translated: either the position of the first non-ASCII result, or the start of the
/// last partial block. May write past the returned count, never past `len` bytes of `out`.
using ascii_run_fn = std::size_t (*)(const std::uint8_t* table, const std::uint8_t* in,
                                     std::size_t len, char* out) noexcept;

enum class simd_level { best, scalar, avx2, avx512vbmi };

/// The kernel for `level` (best: what this CPU supports), or nullptr if the CPU lacks it.
ascii_run_fn ascii_run_for(simd_level level) noexcept;

}  // namespace mfb::ebcdic::detail
