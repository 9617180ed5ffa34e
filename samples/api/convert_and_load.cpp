// The C++ API end to end (mfb/mfbridge.hpp): open a source, iterate record batches, decode
// each record to a JSON line, write the lines to a sink, then load the same file into a
// SQLite or PostgreSQL dataset. A sample program, so it prints (libraries never do).
//
// usage: convert_and_load COPYBOOK DATA OUT.jsonl TARGET TABLE
//   e.g. convert_and_load samples/taxpayer/TAXPAYER.cpy samples/taxpayer/TAXPAYER.D20261120
//          /tmp/taxpayer.jsonl sqlite:/tmp/taxpayer.db taxpayer

#include <cstdio>
#include <string>
#include <vector>

#include "mfb/mfbridge.hpp"

namespace api = mfb::api;

namespace {

/// Prints what the library reports, the way a small tool would.
class print_reporter final : public api::reporter {
 public:
  void message(api::severity, std::string_view text) override {
    std::fprintf(stderr, "convert_and_load: %.*s\n", static_cast<int>(text.size()), text.data());
  }
  void detail(std::string_view lines) override {
    std::fwrite(lines.data(), 1, lines.size(), stderr);
  }
};

/// Steps 1-4: the file's records as JSON Lines in `out_path`; the count, or -1.
long long convert(const api::source_spec& spec, const std::string& data, const std::string& out_path) {
  api::source_failure why;
  auto src = api::open_source(spec, why);  // 1. open a source
  if (!src) {
    std::fprintf(stderr, "%s%s\n", why.diagnostics.c_str(), why.message.c_str());
    return -1;
  }
  auto reader = api::record_reader::open(data, src->framing);
  if (!reader) {
    std::fprintf(stderr, "%s\n", reader.err().message.c_str());
    return -1;
  }
  auto out = api::output_file::open(out_path);
  if (!out) {
    std::fprintf(stderr, "%s\n", out.err().message.c_str());
    return -1;
  }
  api::json_sink sink(std::move(out).value());
  std::vector<api::record_decoder> decoders(src->selector.plans().begin(), src->selector.plans().end());
  api::record_batch batch;
  api::text_buffer lines;
  std::vector<api::record_error> errors;
  long long records = 0;
  while ((*reader)->next(batch)) {  // 2. iterate record batches
    lines.clear();
    for (const api::record_view& rec : batch) {
      int plan = src->selector.choose(rec);
      if (plan < 0 || !decoders[static_cast<std::size_t>(plan)].decode(rec, (*reader)->name(), lines, errors)) {
        for (const auto& e : errors) std::fprintf(stderr, "%s\n", e.to_string().c_str());
        return -1;  // 3. a bad record names file, record, offset and field
      }
      ++records;
    }
    if (!sink.write(lines.view())) break;  // 4. write to a sink
  }
  if (const api::framing_error* e = (*reader)->error()) {
    std::fprintf(stderr, "%s\n", e->to_string().c_str());
    return -1;
  }
  if (auto done = sink.finish(); !done) {
    std::fprintf(stderr, "%s\n", done.err().message.c_str());
    return -1;
  }
  return records;
}

/// Step 5: load the same file into TABLE at TARGET; the rows of the main table, or -1.
long long load(const std::string& copybook, const std::string& data, const std::string& target,
               const std::string& table) {
  auto spec = api::dataset_spec::from_files({copybook}, {});
  if (!spec) {
    std::fprintf(stderr, "%s\n", spec.err().message.c_str());
    return -1;
  }
  api::load_options opts;
  opts.spec = std::move(spec).value();
  opts.spec.name = table;
  opts.input = data;
  opts.target = target;
  print_reporter rep;
  api::load_summary summary = api::run_load(opts, rep);
  if (summary.failure != api::failure_kind::none) return -1;
  return static_cast<long long>(summary.records_loaded);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 6) {
    std::fprintf(stderr, "usage: convert_and_load COPYBOOK DATA OUT.jsonl TARGET TABLE\n");
    return 1;
  }
  api::source_spec spec = api::source_spec::defaults();  // FB, cp037, LRECL from the layout
  spec.copybooks = {argv[1]};
  long long converted = convert(spec, argv[2], argv[3]);
  if (converted < 0) return 2;
  long long loaded = load(argv[1], argv[2], argv[4], argv[5]);
  if (loaded < 0) return 4;
  std::printf("%lld records converted, %lld loaded\n", converted, loaded);
  return 0;
}
