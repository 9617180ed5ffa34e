// delta_bench_data: write two generations of the benchmark record (benchmarks/common) for
// timing `mfbridge delta`: N records keyed by ACCT-ID, then a copy with a given share of
// changes (half updates, a quarter deletes, a quarter inserts). Each generation is written
// in key order (for --sorted) and shuffled (for the hashed path). The expected counts go
// to stdout as JSON, so the script can check the delta before it trusts the timing.
//
//   delta_bench_data --out-dir DIR [--records 1000000] [--change-percent 1]

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "bench_record.hpp"
#include "mfb/ebcdic/code_page.hpp"

namespace {

constexpr std::size_t rec_len = mfb::bench::bench_record_length;

int usage(const char* why) {
  std::fprintf(stderr,
               "delta_bench_data: %s\nusage: delta_bench_data --out-dir DIR [--records N] "
               "[--change-percent P]\n",
               why);
  return 64;
}

// ACCT-ID is PIC 9(10) at offset 0: unsigned zoned, F0-F9, so byte order is numeric order.
void put_id(std::uint8_t* rec, std::uint64_t id) {
  for (int i = 9; i >= 0; --i, id /= 10) rec[i] = static_cast<std::uint8_t>(0xF0 + id % 10);
}

struct lcg {
  std::uint64_t s = 0x2545F4914F6CDD1Dull;
  std::uint64_t next() {
    s = s * 6364136223846793005ull + 1442695040888963407ull;
    return s >> 17;
  }
};

bool write(const std::string& path, const std::vector<std::uint8_t>& recs,
           const std::vector<std::uint32_t>* order) {
  std::ofstream out(path, std::ios::binary);
  std::size_t n = recs.size() / rec_len;
  for (std::size_t i = 0; i < n; ++i) {
    std::size_t r = order ? (*order)[i] : i;
    out.write(reinterpret_cast<const char*>(recs.data() + r * rec_len), rec_len);
  }
  return static_cast<bool>(out);
}

std::vector<std::uint32_t> shuffled(std::size_t n, lcg& rng) {
  std::vector<std::uint32_t> order(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = static_cast<std::uint32_t>(i);
  for (std::size_t i = n; i > 1; --i) std::swap(order[i - 1], order[rng.next() % i]);
  return order;
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir;
  unsigned long long records = 1000000;
  double percent = 1.0;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (i + 1 >= argc) return usage("every option takes a value");
    const char* value = argv[++i];
    if (arg == "--out-dir") dir = value;
    else if (arg == "--records") records = std::strtoull(value, nullptr, 10);
    else if (arg == "--change-percent") percent = std::strtod(value, nullptr);
    else return usage("unknown option");
  }
  if (dir.empty() || records == 0) return usage("--out-dir and a positive --records are needed");
  auto page = mfb::ebcdic::code_page::open("cp037");
  if (!page) return usage("cp037 is missing");
  std::ofstream(dir + "/bench.cpy") << mfb::bench::bench_copybook_text;

  // Generation 1: ids 10, 20, 30, ... in key order; inserts later take ids ending in 5.
  std::vector<std::uint8_t> g1(records * rec_len), g2;
  g2.reserve(g1.size() + rec_len * 64);
  mfb::bench::bench_record_generator gen(*page);
  lcg rng;
  // Changes spread evenly: every `step`-th record is changed, cycling update, delete,
  // update, insert-after (1/2 updates, 1/4 deletes, 1/4 inserts).
  auto step = static_cast<unsigned long long>(100.0 / percent);
  if (step == 0) step = 1;
  unsigned long long updates = 0, deletes = 0, inserts = 0, change = 0;
  try {
    for (unsigned long long i = 0; i < records; ++i) {
      std::uint8_t* rec = g1.data() + i * rec_len;
      gen.next(rec);
      put_id(rec, (i + 1) * 10);
      int what = i % step == step / 2 ? static_cast<int>(change++ % 4) : -1;
      if (what == 1) {
        ++deletes;
        continue;
      }
      std::size_t at = g2.size();
      g2.insert(g2.end(), rec, rec + rec_len);
      if (what == 0 || what == 2) {
        ++updates;
        g2[at + 10] = g2[at + 10] == 0xE7 ? 0xE8 : 0xE7;  // CUST-NAME's first letter: X or Y
      } else if (what == 3) {
        ++inserts;
        std::size_t ins = g2.size();
        g2.resize(ins + rec_len);
        gen.next(g2.data() + ins);
        put_id(g2.data() + ins, (i + 1) * 10 + 5);
      }
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "delta_bench_data: %s\n", e.what());
    return 1;
  }
  std::size_t n1 = g1.size() / rec_len, n2 = g2.size() / rec_len;
  auto o1 = shuffled(n1, rng);
  auto o2 = shuffled(n2, rng);
  if (!write(dir + "/old.sorted.dat", g1, nullptr) || !write(dir + "/new.sorted.dat", g2, nullptr) ||
      !write(dir + "/old.shuffled.dat", g1, &o1) || !write(dir + "/new.shuffled.dat", g2, &o2))
    return usage("cannot write the data files");
  std::printf("{\"inserts\":%llu,\"updates\":%llu,\"deletes\":%llu,\"unchanged\":%llu,"
              "\"old_records\":%zu,\"new_records\":%zu}\n",
              inserts, updates, deletes, static_cast<unsigned long long>(n1) - updates - deletes, n1, n2);
  return 0;
}
