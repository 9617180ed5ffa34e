// Record framing throughput over 256 MiB files in the page cache: FB, V (RDW) and VB
// (BDW + RDW), against a plain read() loop into an aligned buffer as the ceiling.
// Each benchmark first checks its record count and byte total against the values the
// generator recorded (the scalar reference), and fails instead of timing a wrong result.

#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "mfb/bridge/io/record_reader.hpp"

namespace {

using namespace mfb::bridge;

constexpr std::size_t file_bytes = std::size_t{256} << 20;
constexpr std::size_t fb_lrecl = 200;

struct bench_file {
  std::string path;
  std::uint64_t records = 0;
  std::uint64_t data_bytes = 0;  // record payload bytes (without RDW/BDW)
  std::uint64_t size = 0;
};

std::string bench_path(const char* name) {
  return (std::filesystem::temp_directory_path() / (std::string("mfb_read_bench_") + name + ".dat")).string();
}

/// Write FB records of 200 bytes until 256 MiB.
bench_file make_fb() {
  bench_file f{bench_path("fb"), file_bytes / fb_lrecl, file_bytes / fb_lrecl * fb_lrecl, 0};
  f.size = f.data_bytes;
  std::error_code ec;
  if (std::filesystem::file_size(f.path, ec) != f.size) {
    std::ofstream out(f.path, std::ios::binary | std::ios::trunc);
    std::vector<char> rec(fb_lrecl);
    for (std::uint64_t i = 0; i < f.records; ++i) {
      for (std::size_t k = 0; k < fb_lrecl; ++k) rec[k] = static_cast<char>(0x40 + (i + k) % 64);
      out.write(rec.data(), static_cast<std::streamsize>(rec.size()));
    }
  }
  return f;
}

/// Write V (blocked = false) or VB records of 20..500 bytes, IBM RDWs, until ~256 MiB.
bench_file make_variable(bool blocked) {
  bench_file f{bench_path(blocked ? "vb" : "v"), 0, 0, 0};
  std::mt19937 rng(42);
  std::uniform_int_distribution<std::size_t> len(20, 500);
  std::vector<std::size_t> lengths;
  std::uint64_t total = 0;
  std::uint64_t block = 0;
  while (total < file_bytes - 40000) {
    const std::size_t n = len(rng);
    if (blocked && (block == 0 || block + n + 4 > 32760)) {
      block = 4;
      total += 4;
    }
    lengths.push_back(n);
    f.data_bytes += n;
    total += n + 4;
    block += n + 4;
  }
  f.records = lengths.size();
  f.size = total;
  std::error_code ec;
  if (std::filesystem::file_size(f.path, ec) == f.size) return f;
  std::ofstream out(f.path, std::ios::binary | std::ios::trunc);
  std::vector<char> buf;
  auto put_word = [&](std::size_t v) {
    const char w[4] = {static_cast<char>(v >> 8), static_cast<char>(v & 0xFF), 0, 0};
    buf.insert(buf.end(), w, w + 4);
  };
  auto flush_block = [&] {
    if (buf.empty()) return;
    if (blocked) {
      const char w[4] = {static_cast<char>((buf.size() + 4) >> 8), static_cast<char>((buf.size() + 4) & 0xFF), 0, 0};
      out.write(w, 4);
    }
    out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
    buf.clear();
  };
  for (std::size_t i = 0; i < lengths.size(); ++i) {
    const std::size_t n = lengths[i];
    if (blocked && buf.size() + n + 4 > 32760 - 4) flush_block();
    put_word(n + 4);
    for (std::size_t k = 0; k < n; ++k) buf.push_back(static_cast<char>(0x40 + (i + k) % 64));
    if (!blocked && buf.size() > (1u << 20)) flush_block();
  }
  flush_block();
  return f;
}

/// Frame the whole file once; return false if the count or bytes differ from the reference.
bool frame_all(const bench_file& f, const framing_options& o, std::size_t target, std::uint64_t& records,
               std::uint64_t& bytes) {
  auto reader = record_reader::open(f.path, o);
  if (!reader) return false;
  record_batch batch;
  records = 0;
  bytes = 0;
  while ((*reader)->next(batch, target)) {
    records += batch.size();
    for (const auto& r : batch) bytes += r.size;
  }
  return (*reader)->error() == nullptr;
}

void run_framing(benchmark::State& state, const bench_file& f, const framing_options& o) {
  std::uint64_t records = 0;
  std::uint64_t bytes = 0;
  const auto target = static_cast<std::size_t>(state.range(0)) << 10;
  if (!frame_all(f, o, target, records, bytes) || records != f.records || bytes != f.data_bytes) {
    state.SkipWithError("framing does not match the generator's record count / byte total");
    return;
  }
  for (auto _ : state) {
    frame_all(f, o, target, records, bytes);
    benchmark::DoNotOptimize(bytes);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(f.size));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(f.records));
}

void BM_read_loop_ceiling(benchmark::State& state) {
  static const bench_file f = make_fb();
  const auto chunk = static_cast<std::size_t>(state.range(0)) << 10;
  aligned_buffer buf(chunk);
  for (auto _ : state) {
    int fd = ::open(f.path.c_str(), O_RDONLY);
    std::uint64_t total = 0;
    for (;;) {
      ssize_t r = ::read(fd, buf.data(), chunk);
      if (r <= 0) break;
      total += static_cast<std::uint64_t>(r);
    }
    ::close(fd);
    if (total != f.size) state.SkipWithError("short read");
    benchmark::DoNotOptimize(total);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(f.size));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(f.records));
}

void BM_frame_fb(benchmark::State& state) {
  static const bench_file f = make_fb();
  framing_options o;
  o.format = recfm::fb;
  o.lrecl = fb_lrecl;
  run_framing(state, f, o);
}

void BM_frame_v(benchmark::State& state) {
  static const bench_file f = make_variable(false);
  framing_options o;
  o.format = recfm::v;
  run_framing(state, f, o);
}

void BM_frame_vb(benchmark::State& state) {
  static const bench_file f = make_variable(true);
  framing_options o;
  o.format = recfm::vb;
  run_framing(state, f, o);
}

}  // namespace

BENCHMARK(BM_read_loop_ceiling)->Arg(256)->Arg(1024)->Arg(4096)->Unit(benchmark::kMillisecond);
// Rates use CPU time (user + system, which includes the page-cache copy): on a shared,
// loaded machine wall time mostly measures waiting for a core.
// Argument: the batch (or read) size in KiB; the reader's default batch is 1024.
BENCHMARK(BM_frame_fb)->Arg(256)->Arg(1024)->Arg(4096)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_frame_v)->Arg(256)->Arg(1024)->Arg(4096)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_frame_vb)->Arg(256)->Arg(1024)->Arg(4096)->Unit(benchmark::kMillisecond);
