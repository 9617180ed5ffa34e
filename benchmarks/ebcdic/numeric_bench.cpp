// Numeric codec throughput: packed, zoned, binary, HFP and decimal text. Each decoder is
// timed beside a straightforward byte-by-byte version (as users write it), and both are
// checked equal on the whole data set before any timing counts.

#include <benchmark/benchmark.h>

#include <cstring>
#include <random>
#include <vector>

#include "mfb/ebcdic/binary.hpp"
#include "mfb/ebcdic/decimal.hpp"
#include "mfb/ebcdic/floating.hpp"
#include "mfb/ebcdic/packed.hpp"
#include "mfb/ebcdic/zoned.hpp"

namespace {

using namespace mfb::ebcdic;

constexpr std::size_t field_count = 4096;  // the data stays in L1/L2, as a record batch does

// ---- straightforward references -------------------------------------------------------

bool reference_packed(const std::uint8_t* p, std::size_t len, int128_t& out) {
  int128_t v = 0;
  for (std::size_t i = 0; i < len; ++i) {
    const unsigned hi = p[i] >> 4, lo = p[i] & 0xFu;
    if (hi > 9) return false;
    v = v * 10 + hi;
    if (i + 1 < len) {
      if (lo > 9) return false;
      v = v * 10 + lo;
    } else {
      if (lo < 0xA) return false;
      if (lo == 0xB || lo == 0xD) v = -v;
    }
  }
  out = v;
  return true;
}

bool reference_zoned(const std::uint8_t* p, std::size_t len, std::int64_t& out) {
  std::int64_t v = 0;
  for (std::size_t i = 0; i < len; ++i) {
    const unsigned zone = p[i] >> 4, digit = p[i] & 0xFu;
    if (digit > 9 || (i + 1 < len ? zone != 0xF : zone < 0xA)) return false;
    v = v * 10 + digit;
  }
  const unsigned sign = p[len - 1] >> 4;
  out = sign == 0xB || sign == 0xD ? -v : v;
  return true;
}

std::int64_t reference_binary(const std::uint8_t* p, std::size_t len) {
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < len; ++i) v = (v << 8) | p[i];
  const unsigned unused = static_cast<unsigned>(64 - 8 * len);
  return static_cast<std::int64_t>(v << unused) >> unused;
}

// ---- data -----------------------------------------------------------------------------

int128_t random_value(std::mt19937_64& rng, int digits) {
  int128_t v = 0;
  for (int i = 0; i < digits; ++i) v = v * 10 + static_cast<int>(rng() % 10);
  return rng() % 2 ? -v : v;
}

struct field_data {
  std::size_t len;
  std::vector<std::uint8_t> bytes;
  std::vector<int128_t> values;
};

field_data make_packed(int digits) {
  std::mt19937_64 rng(1);
  field_data d{packed_length(digits), {}, {}};
  d.bytes.resize(d.len * field_count);
  for (std::size_t i = 0; i < field_count; ++i) {
    d.values.push_back(random_value(rng, digits));
    encode_packed(d.values.back(), digits, true, d.bytes.data() + i * d.len);
  }
  return d;
}

field_data make_zoned(int digits) {
  std::mt19937_64 rng(2);
  const zoned_format f{zoned_sign::trailing_overpunch, zoned_charset::ebcdic};
  field_data d{static_cast<std::size_t>(digits), {}, {}};
  d.bytes.resize(d.len * field_count);
  for (std::size_t i = 0; i < field_count; ++i) {
    d.values.push_back(random_value(rng, digits));
    encode_zoned(d.values.back(), digits, f, d.bytes.data() + i * d.len);
  }
  return d;
}

field_data make_binary(std::size_t len) {
  std::mt19937_64 rng(3);
  const binary_format f{true, 18, truncation::binary, byte_order::big};
  field_data d{len, {}, {}};
  d.bytes.resize(len * field_count);
  for (std::size_t i = 0; i < field_count; ++i) {
    d.values.push_back(random_value(rng, len == 4 ? 9 : 18));
    encode_binary(d.values.back(), len, f, d.bytes.data() + i * len);
  }
  return d;
}

void count(benchmark::State& state, std::size_t bytes_per_field) {
  const auto fields = static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(field_count);
  state.SetItemsProcessed(fields);
  state.SetBytesProcessed(fields * static_cast<std::int64_t>(bytes_per_field));
}

// ---- packed -----------------------------------------------------------------------------

void packed_decode(benchmark::State& state, int digits, bool reference) {
  const field_data d = make_packed(digits);
  for (std::size_t i = 0; i < field_count; ++i) {  // check before timing
    int128_t ours = 0, ref = 0;
    if (decode_packed(d.bytes.data() + i * d.len, d.len, digits, true, ours) != decode_status::ok ||
        !reference_packed(d.bytes.data() + i * d.len, d.len, ref) || ours != ref ||
        ours != d.values[i]) {
      state.SkipWithError("packed decode differs from the reference");
      return;
    }
  }
  for (auto _ : state) {
    std::int64_t sum64 = 0;
    int128_t sum = 0;
    for (std::size_t i = 0; i < field_count; ++i) {
      const std::uint8_t* p = d.bytes.data() + i * d.len;
      if (reference) {
        int128_t v = 0;
        reference_packed(p, d.len, v);
        sum += v;
      } else if (digits <= 18) {
        std::int64_t v = 0;
        decode_packed64(p, d.len, digits, true, v);
        sum64 += v;
      } else {
        int128_t v = 0;
        decode_packed(p, d.len, digits, true, v);
        sum += v;
      }
    }
    benchmark::DoNotOptimize(sum64);
    benchmark::DoNotOptimize(sum);
  }
  count(state, d.len);
}

void packed_encode(benchmark::State& state, int digits) {
  const field_data d = make_packed(digits);
  std::vector<std::uint8_t> out(d.bytes.size());
  for (std::size_t i = 0; i < field_count; ++i) encode_packed(d.values[i], digits, true, out.data() + i * d.len);
  if (out != d.bytes) {
    state.SkipWithError("packed encode differs");
    return;
  }
  for (auto _ : state) {
    for (std::size_t i = 0; i < field_count; ++i) encode_packed(d.values[i], digits, true, out.data() + i * d.len);
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  count(state, d.len);
}

void BM_packed_decode_8byte(benchmark::State& s) { packed_decode(s, 15, false); }
void BM_packed_reference_8byte(benchmark::State& s) { packed_decode(s, 15, true); }
void BM_packed_decode_16byte(benchmark::State& s) { packed_decode(s, 31, false); }
void BM_packed_reference_16byte(benchmark::State& s) { packed_decode(s, 31, true); }
void BM_packed_encode_8byte(benchmark::State& s) { packed_encode(s, 15); }
void BM_packed_encode_16byte(benchmark::State& s) { packed_encode(s, 31); }
BENCHMARK(BM_packed_decode_8byte);
BENCHMARK(BM_packed_reference_8byte);
BENCHMARK(BM_packed_decode_16byte);
BENCHMARK(BM_packed_reference_16byte);
BENCHMARK(BM_packed_encode_8byte);
BENCHMARK(BM_packed_encode_16byte);

// ---- zoned ------------------------------------------------------------------------------

void zoned_decode(benchmark::State& state, bool reference) {
  const field_data d = make_zoned(8);
  const zoned_format f{zoned_sign::trailing_overpunch, zoned_charset::ebcdic};
  for (std::size_t i = 0; i < field_count; ++i) {
    std::int64_t ours = 0, ref = 0;
    if (decode_zoned64(d.bytes.data() + i * 8, 8, f, ours) != decode_status::ok ||
        !reference_zoned(d.bytes.data() + i * 8, 8, ref) || ours != ref || ours != d.values[i]) {
      state.SkipWithError("zoned decode differs from the reference");
      return;
    }
  }
  for (auto _ : state) {
    std::int64_t sum = 0;
    for (std::size_t i = 0; i < field_count; ++i) {
      std::int64_t v = 0;
      if (reference) {
        reference_zoned(d.bytes.data() + i * 8, 8, v);
      } else {
        decode_zoned64(d.bytes.data() + i * 8, 8, f, v);
      }
      sum += v;
    }
    benchmark::DoNotOptimize(sum);
  }
  count(state, 8);
}

void BM_zoned_decode_8digit(benchmark::State& s) { zoned_decode(s, false); }
void BM_zoned_reference_8digit(benchmark::State& s) { zoned_decode(s, true); }
void BM_zoned_encode_8digit(benchmark::State& state) {
  const field_data d = make_zoned(8);
  const zoned_format f{zoned_sign::trailing_overpunch, zoned_charset::ebcdic};
  std::vector<std::uint8_t> out(d.bytes.size());
  for (auto _ : state) {
    for (std::size_t i = 0; i < field_count; ++i) encode_zoned(d.values[i], 8, f, out.data() + i * 8);
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  if (out != d.bytes) state.SkipWithError("zoned encode differs");
  count(state, 8);
}
BENCHMARK(BM_zoned_decode_8digit);
BENCHMARK(BM_zoned_reference_8digit);
BENCHMARK(BM_zoned_encode_8digit);

// ---- binary -----------------------------------------------------------------------------

void binary_decode(benchmark::State& state, std::size_t len, bool reference) {
  const field_data d = make_binary(len);
  const binary_format f{true, 18, truncation::binary, byte_order::big};
  for (std::size_t i = 0; i < field_count; ++i) {
    std::int64_t ours = 0;
    if (decode_binary(d.bytes.data() + i * len, len, f, ours) != decode_status::ok ||
        ours != reference_binary(d.bytes.data() + i * len, len) || ours != d.values[i]) {
      state.SkipWithError("binary decode differs from the reference");
      return;
    }
  }
  for (auto _ : state) {
    std::int64_t sum = 0;
    for (std::size_t i = 0; i < field_count; ++i) {
      std::int64_t v = 0;
      if (reference) {
        v = reference_binary(d.bytes.data() + i * len, len);
      } else {
        decode_binary(d.bytes.data() + i * len, len, f, v);
      }
      sum += v;
    }
    benchmark::DoNotOptimize(sum);
  }
  count(state, len);
}

void binary_encode(benchmark::State& state, std::size_t len) {
  const field_data d = make_binary(len);
  const binary_format f{true, 18, truncation::binary, byte_order::big};
  std::vector<std::uint8_t> out(d.bytes.size());
  for (auto _ : state) {
    for (std::size_t i = 0; i < field_count; ++i) encode_binary(d.values[i], len, f, out.data() + i * len);
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  if (out != d.bytes) state.SkipWithError("binary encode differs");
  count(state, len);
}

void BM_binary_decode_4(benchmark::State& s) { binary_decode(s, 4, false); }
void BM_binary_reference_4(benchmark::State& s) { binary_decode(s, 4, true); }
void BM_binary_decode_8(benchmark::State& s) { binary_decode(s, 8, false); }
void BM_binary_reference_8(benchmark::State& s) { binary_decode(s, 8, true); }
void BM_binary_encode_4(benchmark::State& s) { binary_encode(s, 4); }
void BM_binary_encode_8(benchmark::State& s) { binary_encode(s, 8); }
BENCHMARK(BM_binary_decode_4);
BENCHMARK(BM_binary_reference_4);
BENCHMARK(BM_binary_decode_8);
BENCHMARK(BM_binary_reference_8);
BENCHMARK(BM_binary_encode_4);
BENCHMARK(BM_binary_encode_8);

// ---- HFP --------------------------------------------------------------------------------

void hfp(benchmark::State& state, std::size_t len, bool encode) {
  std::mt19937_64 rng(4);
  std::uniform_real_distribution<double> dist(-1e6, 1e6);
  std::vector<double> values(field_count);
  std::vector<std::uint8_t> bytes(field_count * len);
  for (std::size_t i = 0; i < field_count; ++i) {
    values[i] = dist(rng);
    encode_float(values[i], len, float_format::ibm_hex, bytes.data() + i * len);
  }
  for (std::size_t i = 0; i < field_count; ++i) {  // check: long is exact, short within rounding
    double v = 0;
    decode_float(bytes.data() + i * len, len, float_format::ibm_hex, v);
    if ((len == 8 && v != values[i]) || std::abs(v - values[i]) > std::abs(values[i]) * 1e-6) {
      state.SkipWithError("HFP round trip differs");
      return;
    }
  }
  for (auto _ : state) {
    if (encode) {
      for (std::size_t i = 0; i < field_count; ++i) encode_float(values[i], len, float_format::ibm_hex, bytes.data() + i * len);
      benchmark::DoNotOptimize(bytes.data());
      benchmark::ClobberMemory();
    } else {
      double sum = 0;
      for (std::size_t i = 0; i < field_count; ++i) {
        double v = 0;
        decode_float(bytes.data() + i * len, len, float_format::ibm_hex, v);
        sum += v;
      }
      benchmark::DoNotOptimize(sum);
    }
  }
  count(state, len);
}

void BM_hfp_decode_short(benchmark::State& s) { hfp(s, 4, false); }
void BM_hfp_decode_long(benchmark::State& s) { hfp(s, 8, false); }
void BM_hfp_encode_short(benchmark::State& s) { hfp(s, 4, true); }
void BM_hfp_encode_long(benchmark::State& s) { hfp(s, 8, true); }
BENCHMARK(BM_hfp_decode_short);
BENCHMARK(BM_hfp_decode_long);
BENCHMARK(BM_hfp_encode_short);
BENCHMARK(BM_hfp_encode_long);

// ---- decimal text -----------------------------------------------------------------------

void format(benchmark::State& state, int digits) {
  std::mt19937_64 rng(5);
  std::vector<decimal> values;
  for (std::size_t i = 0; i < field_count; ++i) values.push_back({random_value(rng, digits), 2});
  // Check against the text of an independent path: parse must give the value back.
  char buf[48];
  std::size_t total = 0;
  for (const decimal& v : values) {
    char* end = format_decimal(v, buf);
    total += static_cast<std::size_t>(end - buf);
    decimal back;
    if (parse_decimal(std::string_view(buf, static_cast<std::size_t>(end - buf)), back) != decode_status::ok || !(back == v)) {
      state.SkipWithError("format_decimal does not round-trip");
      return;
    }
  }
  for (auto _ : state) {
    std::size_t written = 0;
    for (const decimal& v : values) written += static_cast<std::size_t>(format_decimal(v, buf) - buf);
    benchmark::DoNotOptimize(written);
    benchmark::DoNotOptimize(buf);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(field_count));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(total));
}

void BM_format_decimal_15digit(benchmark::State& s) { format(s, 15); }
void BM_format_decimal_31digit(benchmark::State& s) { format(s, 31); }
BENCHMARK(BM_format_decimal_15digit);
BENCHMARK(BM_format_decimal_31digit);

}  // namespace
