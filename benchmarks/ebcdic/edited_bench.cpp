// Numeric-edited encode and decode throughput for a typical report picture, ZZZ,ZZ9.99-.
// Before timing, every encoded field is compared with a printf-based reference and every
// decode with the value it came from.

#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "mfb/ebcdic/edited.hpp"

namespace {

using mfb::ebcdic::decimal;
using mfb::ebcdic::decode_status;
using mfb::ebcdic::edit_pattern;

constexpr const char* picture = "ZZZ,ZZ9.99-";
constexpr std::size_t count = 4096;
constexpr std::int64_t count_i = static_cast<std::int64_t>(count);

// ZZZ,ZZ9.99- for |v| < 10^8 (in cents), written with snprintf.
std::string reference(std::int64_t cents) {
  const std::int64_t a = cents < 0 ? -cents : cents;
  const long long units = a / 100;
  char buf[32];
  if (units >= 1000) {
    std::snprintf(buf, sizeof buf, "%3lld,%03lld.%02lld", units / 1000, units % 1000,
                  static_cast<long long>(a % 100));
  } else {
    std::snprintf(buf, sizeof buf, "%7lld.%02lld", units, static_cast<long long>(a % 100));
  }
  return std::string(buf) + (cents < 0 ? "-" : " ");
}

struct fixture {
  edit_pattern pattern;
  std::vector<decimal> values;
  std::string text;  // count fields back to back
};

const fixture& data() {
  static const fixture f = [] {
    fixture d{edit_pattern::compile(picture).value(), {}, {}};
    std::mt19937_64 rng(42);
    // Mostly small amounts, as on real reports, with some up to the picture's limit.
    std::uniform_int_distribution<std::int64_t> small(-99999, 99999);
    std::uniform_int_distribution<std::int64_t> large(-99999999, 99999999);
    for (std::size_t i = 0; i < count; ++i) {
      d.values.push_back(decimal{i % 4 == 0 ? large(rng) : small(rng), 2});
    }
    d.text.resize(count * d.pattern.length());
    for (std::size_t i = 0; i < count; ++i) {
      char* out = d.text.data() + i * d.pattern.length();
      if (d.pattern.encode(d.values[i], out) != decode_status::ok) std::abort();
      const std::string want = reference(static_cast<std::int64_t>(d.values[i].unscaled));
      if (std::string(out, d.pattern.length()) != want) {
        std::fprintf(stderr, "encode mismatch: [%.*s] vs [%s]\n",
                     static_cast<int>(d.pattern.length()), out, want.c_str());
        std::abort();
      }
      decimal back;
      if (d.pattern.decode(std::string_view(out, d.pattern.length()), back) != decode_status::ok ||
          !(back == d.values[i])) {
        std::abort();
      }
    }
    return d;
  }();
  return f;
}

void edited_encode(benchmark::State& state) {
  const fixture& f = data();
  std::string out(f.text.size(), ' ');
  const std::size_t len = f.pattern.length();
  for (auto _ : state) {
    for (std::size_t i = 0; i < count; ++i) f.pattern.encode(f.values[i], out.data() + i * len);
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * count_i);
  state.SetBytesProcessed(state.iterations() * count_i * static_cast<std::int64_t>(len));
}
BENCHMARK(edited_encode);

void edited_decode(benchmark::State& state) {
  const fixture& f = data();
  const std::size_t len = f.pattern.length();
  for (auto _ : state) {
    decimal d;
    mfb::ebcdic::int128_t sum = 0;
    for (std::size_t i = 0; i < count; ++i) {
      f.pattern.decode(std::string_view(f.text.data() + i * len, len), d);
      sum += d.unscaled;
    }
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * count_i);
  state.SetBytesProcessed(state.iterations() * count_i * static_cast<std::int64_t>(len));
}
BENCHMARK(edited_decode);

}  // namespace
