// End-to-end `convert` throughput on a realistic mixed ~300-byte record (text, zoned,
// packed, binary and an OCCURS 12 table of packed amounts): generated EBCDIC data
// (256 MiB by default, MFB_BENCH_MB to change; written once to the temp folder, never
// committed), converted to JSON Lines and CSV on 1 and 2 threads. A decode-only benchmark
// isolates the plan walk from I/O. Before timing, the first records are checked against
// JSON built here from the generator's values.

#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "bench_record.hpp"
#include "mfb/bridge/convert/convert.hpp"
#include "mfb/bridge/codec/record_decoder.hpp"
#include "convert/styled_rows.hpp"
#include "mfb/copybook/parse.hpp"
#include "mfb/ebcdic/binary.hpp"
#include "mfb/ebcdic/code_page.hpp"
#include "mfb/ebcdic/packed.hpp"
#include "mfb/ebcdic/zoned.hpp"

namespace {

namespace fs = std::filesystem;
using namespace mfb;

const char* const copybook_text = bench::bench_copybook_text;
constexpr std::size_t record_length = bench::bench_record_length;

struct fixture {
  copybook::record_layout layout;
  std::vector<std::uint8_t> sample;        // first records, for the decode-only benchmark
  std::vector<std::string> sample_json;    // their reference lines
  fs::path data_file;
  fs::path copybook_file;
  std::size_t bytes = 0;
  std::string error;
};

const fixture& setup() {
  static fixture f = [] {
    fixture x;
    auto page = ebcdic::code_page::open("cp037");
    auto parsed = copybook::parse_copybook_text(copybook_text, "bench.cpy");
    if (!page || !parsed.ok() || parsed.records.empty() ||
        parsed.records[0].length != record_length) {
      x.error = "setup failed (code page or copybook)";
      return x;
    }
    x.layout = parsed.records[0];
    std::size_t mb = 256;
    if (const char* env = std::getenv("MFB_BENCH_MB")) mb = std::strtoull(env, nullptr, 10);
    std::size_t records = (mb << 20) / record_length + 1;
    x.bytes = records * record_length;
    fs::path dir = fs::temp_directory_path();
    x.copybook_file = dir / "mfb_convert_bench.cpy";
    std::ofstream(x.copybook_file) << copybook_text;
    x.data_file = dir / ("mfb_convert_bench_" + std::to_string(mb) + "mb.dat");
    bench::bench_record_generator g(*page);
    std::vector<std::uint8_t> chunk(record_length * 4096);
    bool have = fs::exists(x.data_file) && fs::file_size(x.data_file) == x.bytes;
    std::ofstream out;
    if (!have) out.open(x.data_file, std::ios::binary);
    for (std::size_t done = 0; done < records;) {
      std::size_t n = std::min<std::size_t>(4096, records - done);
      for (std::size_t i = 0; i < n; ++i) {
        std::string json = g.next(chunk.data() + i * record_length);
        if (done + i < 1000) x.sample_json.push_back(std::move(json));
      }
      if (done == 0) x.sample.assign(chunk.begin(), chunk.begin() + 1000 * record_length);
      if (!have) out.write(reinterpret_cast<const char*>(chunk.data()),
                           static_cast<std::streamsize>(n * record_length));
      done += n;
      if (have && done >= 1000) break;  // the file exists: only the sample is needed
    }
    return x;
  }();
  return f;
}

// Check the decoder against the scalar reference before any timing counts.
bool check_reference(benchmark::State& state, const fixture& f) {
  auto page = ebcdic::code_page::open("cp037");
  auto plan = bridge::decode_plan::compile(f.layout, *page, bridge::decode_options{});
  if (!plan) {
    state.SkipWithError(plan.err().message.c_str());
    return false;
  }
  bridge::record_decoder dec(*plan);
  bridge::text_buffer out;
  std::vector<bridge::record_error> errors;
  for (std::size_t i = 0; i < f.sample_json.size(); ++i) {
    out.clear();
    bridge::record_view rec{i + 1, i * record_length, f.sample.data() + i * record_length,
                            record_length};
    if (!dec.decode(rec, "bench", out, errors) || out.view() != f.sample_json[i]) {
      std::fprintf(stderr, "record %zu differs:\n  got  %.*s  want %s", i + 1,
                   static_cast<int>(out.size()), out.data(), f.sample_json[i].c_str());
      state.SkipWithError("output differs from the scalar reference");
      return false;
    }
  }
  return true;
}

void BM_decode_only(benchmark::State& state) {
  const fixture& f = setup();
  if (!f.error.empty()) return state.SkipWithError(f.error.c_str());
  if (!check_reference(state, f)) return;
  auto page = ebcdic::code_page::open("cp037");
  bridge::decode_options opts;
  opts.format = state.range(0) ? bridge::output_format::csv : bridge::output_format::jsonl;
  // spark: Spark-shaped rows (names, Java number text at plan build; the row pass per record).
  if (state.range(1)) opts.style.naming = bridge::naming_style::spark;
  auto plan = bridge::decode_plan::compile(f.layout, *page, opts);
  bridge::record_decoder dec(*plan);
  bridge::text_buffer out;
  std::vector<bridge::record_error> errors;
  const std::size_t n = f.sample.size() / record_length;
  for (auto _ : state) {
    out.clear();
    for (std::size_t i = 0; i < n; ++i) {
      bridge::record_view rec{i + 1, i * record_length, f.sample.data() + i * record_length,
                              record_length};
      std::size_t start = out.size();
      if (dec.decode(rec, "bench", out, errors) && state.range(1))
        bridge::detail::finish_styled_row(opts.style, rec, out, start, dec.wrote_null());
    }
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(static_cast<std::size_t>(state.iterations()) * n * record_length));
  state.SetItemsProcessed(static_cast<std::int64_t>(static_cast<std::size_t>(state.iterations()) * n));
}
BENCHMARK(BM_decode_only)->ArgNames({"csv", "spark"})->Args({0, 0})->Args({1, 0})->Args({0, 1});

void BM_convert_file(benchmark::State& state) {
  const fixture& f = setup();
  if (!f.error.empty()) return state.SkipWithError(f.error.c_str());
  if (!check_reference(state, f)) return;
  bridge::convert_options opts;
  opts.source.copybooks = {f.copybook_file};
  opts.input = f.data_file.string();
  opts.output = "/dev/null";
  opts.source.framing.format = bridge::recfm::fb;
  opts.source.framing.lrecl = record_length;
  opts.source.decode.format = state.range(0) ? bridge::output_format::csv : bridge::output_format::jsonl;
  opts.threads = static_cast<unsigned>(state.range(1));
  if (state.range(2)) opts.source.decode.style.naming = bridge::naming_style::spark;
  opts.progress = false;
  bridge::null_reporter quiet;
  for (auto _ : state) {
    auto s = bridge::run_convert(opts, quiet);
    if (s.failure != bridge::failure_kind::none || s.records_written * record_length != f.bytes) {
      state.SkipWithError("conversion failed");
      break;
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(static_cast<std::size_t>(state.iterations()) * f.bytes));
  state.SetItemsProcessed(static_cast<std::int64_t>(static_cast<std::size_t>(state.iterations()) * (f.bytes / record_length)));
}
BENCHMARK(BM_convert_file)
    ->ArgNames({"csv", "threads", "spark"})
    ->Args({0, 1, 0})
    ->Args({0, 2, 0})
    ->Args({1, 1, 0})
    ->Args({1, 2, 0})
    ->Args({0, 1, 1})
    ->Args({0, 2, 1})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3)
    ->UseRealTime();

}  // namespace
