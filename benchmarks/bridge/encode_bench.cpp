// Write-back throughput: one ~300-byte mixed record (text, zoned, packed, binary, an OCCURS
// table) encoded from its canonical JSON line. Before timing, the bytes are decoded by the
// independent decode path and must give back the same JSON.

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <cstdio>

#include "mfb/bridge/codec/record_decoder.hpp"
#include "mfb/bridge/codec/record_encoder.hpp"
#include "mfb/copybook/parse.hpp"

namespace {

const char* copybook_text = R"(
       01  BENCH-REC.
           05  CUST-ID      PIC 9(10).
           05  CUST-NAME    PIC X(40).
           05  ADDR-1       PIC X(40).
           05  ADDR-2       PIC X(40).
           05  CITY         PIC X(20).
           05  POSTCODE     PIC X(10).
           05  BALANCE      PIC S9(11)V99 COMP-3.
           05  CREDIT       PIC S9(7)V99 COMP-3.
           05  RATE         PIC S9(3)V9(4).
           05  VISITS       PIC S9(8) COMP.
           05  FLAGS        PIC X(6).
           05  TXN OCCURS 5.
               10  TXN-DATE PIC 9(8).
               10  TXN-AMT  PIC S9(7)V99 COMP-3.
               10  TXN-CODE PIC X(4).
)";

const char* json_line =
    R"({"CUST-ID":1234567890,"CUST-NAME":"ALEXANDRA CONSTANTINOPOULOS","ADDR-1":"42 HIGH STREET",)"
    R"("ADDR-2":"LITTLE WHINGING","CITY":"SURREY","POSTCODE":"GU1 4AB","BALANCE":-12345678901.23,)"
    R"("CREDIT":5000.00,"RATE":1.2345,"VISITS":1234567,"FLAGS":"YNYNYN","TXN":[)"
    R"({"TXN-DATE":20240101,"TXN-AMT":-100.50,"TXN-CODE":"DEP"},)"
    R"({"TXN-DATE":20240102,"TXN-AMT":200.00,"TXN-CODE":"WDL"},)"
    R"({"TXN-DATE":20240103,"TXN-AMT":-3.99,"TXN-CODE":"FEE"},)"
    R"({"TXN-DATE":20240104,"TXN-AMT":1234567.89,"TXN-CODE":"INT"},)"
    R"({"TXN-DATE":20240105,"TXN-AMT":0.01,"TXN-CODE":"ADJ"}]})";

void BM_encode_record(benchmark::State& state) {
  using namespace mfb;
  auto parsed = copybook::parse_copybook_text(copybook_text, "bench.cpy");
  const auto& layout = parsed.records.at(0);
  auto page = ebcdic::code_page::open("cp037");
  auto plan = bridge::encode_plan::compile(layout, *page, {});
  bridge::record_encoder enc(*plan);
  bridge::encoded_record rec;
  std::vector<bridge::field_error> errors;
  // Reference check: the independent decoder must read the bytes back to the same JSON.
  if (!enc.encode(json_line, rec, errors)) {
    state.SkipWithError("encode failed");
    return;
  }
  auto dplan = bridge::decode_plan::compile(layout, *page, {});
  bridge::record_decoder dec(*dplan);
  bridge::text_buffer out;
  std::vector<bridge::record_error> derr;
  bridge::record_view view{1, 0, rec.bytes.data(), rec.bytes.size()};
  if (!dec.decode(view, "bench", out, derr) || out.view() != std::string(json_line) + "\n") {
    std::fprintf(stderr, "decoded: %.*s\n", static_cast<int>(out.size()), out.data());
    state.SkipWithError("encoded bytes do not decode back to the input");
    return;
  }
  for (auto _ : state) {
    errors.clear();
    benchmark::DoNotOptimize(enc.encode(json_line, rec, errors));
    benchmark::DoNotOptimize(rec.bytes.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(rec.bytes.size()));
  state.counters["record_bytes"] = static_cast<double>(rec.bytes.size());
}
BENCHMARK(BM_encode_record);

}  // namespace
