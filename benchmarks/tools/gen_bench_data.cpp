// gen_bench_data: write the benchmark record's copybook and N MiB of its EBCDIC data, so
// scripts (benchmarks/unload/compare.sh) can time whole processes on the same bytes the
// Google Benchmarks use. Optionally writes the generator's own JSON for the first records.
//
//   gen_bench_data --out DATA [--mb 256] [--copybook FILE.cpy] [--codepage cp037]
//                  [--reference FILE.jsonl] [--reference-records 1000]

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

int usage(const char* why) {
  std::fprintf(stderr,
               "gen_bench_data: %s\nusage: gen_bench_data --out DATA [--mb N] [--copybook FILE] "
               "[--codepage NAME] [--reference FILE.jsonl] [--reference-records N]\n",
               why);
  return 64;
}

}  // namespace

int main(int argc, char** argv) {
  std::string out_path, copybook_path, reference_path, codepage = "cp037";
  unsigned long long mb = 256, reference_records = 1000;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (i + 1 >= argc) return usage("every option takes a value");
    const char* value = argv[++i];
    if (arg == "--out") out_path = value;
    else if (arg == "--copybook") copybook_path = value;
    else if (arg == "--reference") reference_path = value;
    else if (arg == "--codepage") codepage = value;
    else if (arg == "--mb") mb = std::strtoull(value, nullptr, 10);
    else if (arg == "--reference-records") reference_records = std::strtoull(value, nullptr, 10);
    else return usage("unknown option");
  }
  if (out_path.empty()) return usage("--out is required");
  if (mb == 0) return usage("--mb must be a positive number");

  auto page = mfb::ebcdic::code_page::open(codepage);
  if (!page) return usage("unknown code page");
  if (!copybook_path.empty()) {
    std::ofstream cpy(copybook_path);
    cpy << mfb::bench::bench_copybook_text;
    if (!cpy) return usage("cannot write the copybook");
  }
  std::ofstream out(out_path, std::ios::binary);
  std::ofstream ref;
  if (!reference_path.empty()) ref.open(reference_path);
  if (!out || (!reference_path.empty() && !ref)) return usage("cannot open an output file");

  // Same count as the Google Benchmark: enough whole records to pass N MiB.
  const unsigned long long records = (mb << 20) / mfb::bench::bench_record_length + 1;
  constexpr std::size_t batch = 4096;
  std::vector<std::uint8_t> chunk(mfb::bench::bench_record_length * batch);
  mfb::bench::bench_record_generator gen(*page);
  try {
    for (unsigned long long done = 0; done < records;) {
      std::size_t n = records - done < batch ? static_cast<std::size_t>(records - done) : batch;
      for (std::size_t i = 0; i < n; ++i) {
        std::string json = gen.next(chunk.data() + i * mfb::bench::bench_record_length);
        if (ref.is_open() && done + i < reference_records) ref << json;
      }
      out.write(reinterpret_cast<const char*>(chunk.data()),
                static_cast<std::streamsize>(n * mfb::bench::bench_record_length));
      done += n;
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "gen_bench_data: %s\n", e.what());
    return 1;
  }
  out.close();
  if (!out) return usage("write failed");
  std::printf("%llu records, %llu bytes\n", records, records * mfb::bench::bench_record_length);
  return 0;
}
