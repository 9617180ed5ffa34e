// Copybook parser throughput: a generated 10,000-field copybook (groups, OCCURS,
// REDEFINES, COMP-3, 88 levels), parsed in memory. Reports items (fields) per second and
// source bytes per second. Before timing, the generated layout is checked against the
// sizes the generator itself computed (a scalar reference built without the parser).

#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "mfb/copybook/parse.hpp"

namespace {

/// A synthetic but realistic copybook: its text, the number of data items (88 levels
/// excluded) and the record length the generator expects.
struct generated_copybook {
  std::string text;
  std::size_t items = 0;
  std::size_t record_length = 0;
};

void line(std::string& out, int indent, const std::string& code) {
  out.append(7 + static_cast<std::size_t>(indent), ' ');
  out += code;
  out += '\n';
}

/// Build a copybook of about `target_items` data items in blocks of 20: a claim group with
/// zoned, packed and binary items, a REDEFINES, two 88 levels and an OCCURS table.
generated_copybook generate(std::size_t target_items) {
  generated_copybook g;
  g.text.reserve(target_items * 64);
  line(g.text, 0, "01  BENCH-BENEFIT-FILE.");
  g.items = 1;
  for (std::size_t block = 0; g.items + 20 <= target_items; ++block) {
    const std::string b = std::to_string(block);
    line(g.text, 4, "05  CLM-" + b + ".");
    line(g.text, 8, "10  CLM-ID-" + b + " PIC X(12).");
    line(g.text, 8, "10  CLM-NINO-" + b + " PIC X(9).");
    line(g.text, 8, "10  CLM-STATUS-" + b + " PIC X.");
    line(g.text, 12, "88  CLM-OPEN-" + b + " VALUE 'O'.");
    line(g.text, 12, "88  CLM-CLOSED-" + b + " VALUES 'C' 'X'.");
    line(g.text, 8, "10  CLM-START-" + b + " PIC 9(8).");
    line(g.text, 8, "10  CLM-START-R-" + b + " REDEFINES CLM-START-" + b + ".");
    line(g.text, 12, "15  CLM-START-CCYY-" + b + " PIC 9(4).");
    line(g.text, 12, "15  CLM-START-MMDD-" + b + " PIC 9(4).");
    line(g.text, 8, "10  CLM-AMOUNT-" + b + " PIC S9(7)V99 COMP-3.");
    line(g.text, 8, "10  CLM-RATE-" + b + " PIC S9V9(4) COMP-3.");
    line(g.text, 8, "10  CLM-COUNT-" + b + " PIC S9(4) COMP.");
    line(g.text, 8, "10  CLM-WEEKS-" + b + " PIC 9(3).");
    line(g.text, 8, "10  CLM-PAY-" + b + " OCCURS 4 TIMES.");
    line(g.text, 12, "15  CLM-PAY-DATE-" + b + " PIC 9(8).");
    line(g.text, 12, "15  CLM-PAY-AMT-" + b + " PIC S9(5)V99 COMP-3.");
    line(g.text, 12, "15  CLM-PAY-METHOD-" + b + " PIC X.");
    line(g.text, 8, "10  CLM-OFFICE-" + b + " PIC X(6).");
    line(g.text, 8, "10  CLM-REVIEW-" + b + " PIC 9(8) COMP-3.");
    line(g.text, 8, "10  CLM-NOTES-" + b + " PIC X(20).");
    line(g.text, 8, "10  CLM-SCORE-" + b + " PIC S9(3) SIGN LEADING SEPARATE.");
    line(g.text, 8, "10  FILLER PIC X(4).");
    // 21 items per block (20 named + FILLER); bytes: 12+9+1+8+5+3+2+3+4*(8+4+1)+6+5+20+4+4
    g.items += 21;
    g.record_length += 12 + 9 + 1 + 8 + 5 + 3 + 2 + 3 + 4 * (8 + 4 + 1) + 6 + 5 + 20 + 4 + 4;
  }
  return g;
}

const generated_copybook& copybook_10k() {
  static const generated_copybook g = generate(10000);
  return g;
}

void BM_parse_copybook_text(benchmark::State& state) {
  const generated_copybook& g = copybook_10k();
  {
    // Reference check before timing: the parse must succeed with the generator's numbers.
    const auto r = mfb::copybook::parse_copybook_text(g.text, "bench.cpy");
    if (!r.ok() || r.records.size() != 1 || r.records[0].length != g.record_length ||
        r.records[0].fields.size() != g.items) {
      state.SkipWithError("generated copybook did not parse to the expected layout");
      return;
    }
  }
  for (auto _ : state) {
    auto r = mfb::copybook::parse_copybook_text(g.text, "bench.cpy");
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(g.text.size()));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(g.items));
  state.counters["fields"] = static_cast<double>(g.items);
  state.counters["source_bytes"] = static_cast<double>(g.text.size());
}
BENCHMARK(BM_parse_copybook_text)->Unit(benchmark::kMillisecond);

}  // namespace
