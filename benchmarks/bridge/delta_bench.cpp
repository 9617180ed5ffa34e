// run_delta on two generations of the benchmark record (100,000 records, 1% changed):
// sorted merge, hash table in memory, and hash table forced to spill. The sink counts
// events; before timing, the counts are checked against the changes the setup made.

#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "bench_record.hpp"
#include "mfb/bridge/delta/delta.hpp"

namespace {

using namespace mfb;

constexpr std::size_t records = 100000;
constexpr std::size_t len = bench::bench_record_length;

// Discards events but touches what a real sink reads, so nothing is optimised away.
struct counting_sink final : bridge::delta_sink {
  std::size_t bytes = 0;
  bool begin(const copybook::record_layout&, std::span<const bridge::delta_key_field>) override {
    return true;
  }
  bool write(const bridge::delta_event& e) override {
    bytes += e.new_record.json.size() + e.old_record.json.size() + e.changed.size();
    return true;
  }
  bool finish(const bridge::delta_counts&) override { return true; }
  std::string error() const override { return {}; }
};

void put_id(std::uint8_t* rec, std::uint64_t id) {
  for (int i = 9; i >= 0; --i, id /= 10) rec[i] = static_cast<std::uint8_t>(0xF0 + id % 10);
}

struct fixture {
  std::filesystem::path dir;
  std::size_t updates = 0, deletes = 0, inserts = 0;

  fixture() {
    dir = std::filesystem::temp_directory_path() / "mfb-delta-bench-gb";
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "bench.cpy") << bench::bench_copybook_text;
    auto page = ebcdic::code_page::open("cp037");
    bench::bench_record_generator gen(*page);
    std::vector<std::uint8_t> g1(records * len), g2;
    for (std::size_t i = 0; i < records; ++i) {
      std::uint8_t* rec = g1.data() + i * len;
      gen.next(rec);
      put_id(rec, (i + 1) * 10);
      std::size_t what = i % 100 == 50 ? (i / 100) % 4 : 99;  // 1% changed
      if (what == 1) {
        ++deletes;
        continue;
      }
      std::size_t at = g2.size();
      g2.insert(g2.end(), rec, rec + len);
      if (what == 0 || what == 2) {
        ++updates;
        g2[at + 10] = g2[at + 10] == 0xE7 ? 0xE8 : 0xE7;
      } else if (what == 3) {
        ++inserts;
        g2.resize(at + 2 * len);
        gen.next(g2.data() + at + len);
        put_id(g2.data() + at + len, (i + 1) * 10 + 5);
      }
    }
    // Reverse order for the hashed path: nothing in it may rely on sorted input.
    auto write = [&](const char* name, const std::vector<std::uint8_t>& v, bool reverse) {
      std::ofstream out(dir / name, std::ios::binary);
      std::size_t n = v.size() / len;
      for (std::size_t i = 0; i < n; ++i)
        out.write(reinterpret_cast<const char*>(v.data() + (reverse ? n - 1 - i : i) * len), len);
    };
    write("old.dat", g1, false);
    write("new.dat", g2, false);
    write("old.rev.dat", g1, true);
    write("new.rev.dat", g2, true);
  }
  ~fixture() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
  std::uintmax_t input_bytes() const {
    return std::filesystem::file_size(dir / "old.dat") + std::filesystem::file_size(dir / "new.dat");
  }
};

fixture& data() {
  static fixture f;
  return f;
}

void run(benchmark::State& state, bool sorted, std::size_t memory_limit) {
  fixture& f = data();
  bridge::delta_options o;
  o.source.copybooks = {f.dir / "bench.cpy"};
  o.keys = {"ACCT-ID"};
  o.sorted = sorted;
  o.old_input = (f.dir / (sorted ? "old.dat" : "old.rev.dat")).string();
  o.new_input = (f.dir / (sorted ? "new.dat" : "new.rev.dat")).string();
  o.memory_limit = memory_limit;
  {
    counting_sink sink;
    auto s = bridge::run_delta(o, sink);
    if (s.failure != bridge::failure_kind::none || s.counts.updates != f.updates || s.counts.deletes != f.deletes ||
        s.counts.inserts != f.inserts) {
      state.SkipWithError(("delta counts differ from the setup's: " + s.to_text()).c_str());
      return;
    }
    state.counters["partitions"] = s.partitions;
  }
  for (auto _ : state) {
    counting_sink sink;
    auto s = bridge::run_delta(o, sink);
    benchmark::DoNotOptimize(sink.bytes);
    if (s.failure != bridge::failure_kind::none) state.SkipWithError(s.message.c_str());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(f.input_bytes()));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(2 * records));
}

void BM_delta_sorted(benchmark::State& state) { run(state, true, std::size_t{512} << 20); }
void BM_delta_hash_memory(benchmark::State& state) { run(state, false, std::size_t{512} << 20); }
void BM_delta_hash_spill(benchmark::State& state) { run(state, false, std::size_t{4} << 20); }

BENCHMARK(BM_delta_sorted)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_delta_hash_memory)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_delta_hash_spill)->Unit(benchmark::kMillisecond);

}  // namespace
