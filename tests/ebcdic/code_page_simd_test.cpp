// Every SIMD kernel the CPU offers must decode exactly like the plain per-byte table walk,
// on random mixes of ASCII-mapped and multi-byte-mapped bytes, at every length around the
// block sizes, into buffers of exactly len * max_utf8() bytes (ASan builds catch overruns).

#include <gtest/gtest.h>

#include <array>
#include <random>
#include <string>
#include <vector>

#include "code_page_impl.hpp"
#include "mfb/ebcdic/utf8.hpp"
#include "mfb/ebcdic/code_page.hpp"

namespace mfb::ebcdic::detail {
namespace {

std::string reference(const std::array<char32_t, 256>& cps, const std::vector<std::uint8_t>& in) {
  std::string out;
  for (std::uint8_t b : in) {
    char buf[4];
    out.append(buf, put_utf8(cps[b], buf));
  }
  return out;
}

void check_kernels(const std::array<char32_t, 256>& cps, const char* what) {
  sbcs_tables t;
  t.set_decode(cps);
  std::mt19937 rng(7);
  for (simd_level level : {simd_level::scalar, simd_level::avx2, simd_level::avx512vbmi,
                            simd_level::avx512vbmi2}) {
    sbcs_run_fn run = sbcs_run_for(level);
    if (run == nullptr) continue;  // this CPU lacks it
    for (std::size_t len = 0; len < 300; ++len) {
      for (unsigned density : {0u, 1u, 20u, 100u}) {  // percent of bytes from the high half
        std::vector<std::uint8_t> in(len);
        for (auto& b : in)
          b = (rng() % 100 < density) ? static_cast<std::uint8_t>(rng() % 256)
                                      : static_cast<std::uint8_t>(0x40 + rng() % 0x3F);
        std::vector<char> out(len * t.max_utf8());
        std::size_t n = t.decode_with(run, in.data(), in.size(), out.data());
        ASSERT_EQ(std::string(out.data(), n), reference(cps, in))
            << what << " level " << static_cast<int>(level) << " len " << len;
      }
    }
  }
}

TEST(code_page_simd, kernels_match_the_table_walk) {
  for (const char* name : {"cp037", "cp1140", "cp875", "cp930"}) {
    auto cp = code_page::open(name);
    ASSERT_TRUE(cp);
    std::array<char32_t, 256> cps{};
    if (cp->sbcs_table() != nullptr) {
      for (std::size_t b = 0; b < 256; ++b) cps[b] = cp->sbcs_table()[b];
    } else {  // mixed page: rebuild its SBCS half byte by byte through decode()
      for (std::size_t b = 0; b < 256; ++b) cps[b] = b == 0x0E || b == 0x0F ? 0x20 : 0;
      for (std::size_t b = 0; b < 256; ++b) {
        if (b == 0x0E || b == 0x0F) continue;
        const auto byte = static_cast<std::uint8_t>(b);
        char out[4];
        std::size_t w = 0;
        ASSERT_EQ(cp->decode(&byte, 1, out, w), decode_status::ok);
        const char* p = out;
        ASSERT_TRUE(next_utf8(p, out + w, cps[b]));
      }
    }
    check_kernels(cps, name);
  }
  std::array<char32_t, 256> all_ascii{};  // max_utf8() == 1: no slack in the buffer at all
  for (std::size_t b = 0; b < 256; ++b) all_ascii[b] = static_cast<char32_t>(b % 0x80);
  check_kernels(all_ascii, "all-ascii");
}

}  // namespace
}  // namespace mfb::ebcdic::detail
