// run_delta: set up (copybook, code page, plan, framing, key fields, both readers), pick
// the sorted merge or the hashed match, and report counts.

#include "mfb/bridge/delta/delta.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "delta/delta_detail.hpp"
#include "mfb/bridge/io/framing_sniff.hpp"

namespace mfb::bridge {

std::string_view to_string(delta_op op) noexcept {
  switch (op) {
    case delta_op::insert: return "insert";
    case delta_op::update: return "update";
    case delta_op::remove: return "delete";
  }
  return "?";
}

std::string delta_options::validate() const {
  if (!source.has_copybooks()) return "--copybook is required";
  if (old_input.empty() || new_input.empty()) return "--old and --new are required";
  if (old_input == "-" && new_input == "-") return "--old and --new cannot both be stdin";
  if (keys.empty()) return "--key needs at least one field";
  if (source.decode.format != output_format::jsonl) return "a delta decodes records as JSON";
  if (memory_limit == 0) return "--memory-limit must be positive";
  return source.validate();
}

std::string delta_summary::to_text() const {
  char secs[32];
  std::snprintf(secs, sizeof secs, "%.3f s", seconds);
  std::string s = std::to_string(counts.inserts) + " inserts, " +
                  std::to_string(counts.updates) + " updates, " + std::to_string(counts.deletes) +
                  " deletes, " + std::to_string(counts.unchanged) + " unchanged; read " +
                  std::to_string(counts.old_records) + " old and " +
                  std::to_string(counts.new_records) + " new records in " + secs;
  if (sorted) s += " (sorted merge)";
  else if (partitions == 0) s += " (hash table in memory)";
  else
    s += " (hash table, spilled " + std::to_string(spill_bytes) + " bytes to " +
         std::to_string(partitions) + " partitions)";
  return s;
}

std::string delta_summary::to_json(int exit_code) const {
  nlohmann::ordered_json j;
  j["exit_code"] = exit_code;
  if (!message.empty()) j["message"] = message;
  j["inserts"] = counts.inserts;
  j["updates"] = counts.updates;
  j["deletes"] = counts.deletes;
  j["unchanged"] = counts.unchanged;
  j["old_records"] = counts.old_records;
  j["new_records"] = counts.new_records;
  j["method"] = sorted ? "sorted" : "hash";
  j["partitions"] = partitions;
  j["spill_bytes"] = spill_bytes;
  j["seconds"] = seconds;
  return j.dump();
}

namespace {

using clock_type = std::chrono::steady_clock;

delta_summary stop(delta_summary s, failure_kind kind, std::string message,
                   clock_type::time_point t0) {
  s.failure = kind;
  s.message = std::move(message);
  s.seconds = std::chrono::duration<double>(clock_type::now() - t0).count();
  return s;
}

// Open one generation: the source first, to learn its size (it sizes the spill split).
result<std::unique_ptr<detail::reader_source>> open_input(const std::string& path,
                                                          const framing_options& framing,
                                                          std::uint64_t& size, failure_kind& kind) {
  auto source = input_source::open(path, framing.detect_gzip);
  if (!source) {
    kind = failure_kind::target;
    return source.err();
  }
  long long known = (*source)->compressed() ? -1 : (*source)->known_size();
  size = known > 0 ? static_cast<std::uint64_t>(known) : 0;
  auto reader = record_reader::open(std::move(source).value(), framing);
  if (!reader) {
    kind = failure_kind::usage;
    return reader.err();
  }
  return std::make_unique<detail::reader_source>(std::move(reader).value());
}

}  // namespace

delta_summary run_delta(const delta_options& opts, delta_sink& sink) {
  delta_summary summary;
  summary.sorted = opts.sorted;
  auto t0 = clock_type::now();
  if (auto why = opts.validate(); !why.empty()) return stop(summary, failure_kind::usage, why, t0);

  source_failure failed;
  auto src = open_source(opts.source, failed);
  if (!src) {
    std::string why = failed.message;
    if (!failed.diagnostics.empty()) why += ":\n" + failed.diagnostics;
    return stop(summary, failure_kind::usage, why, t0);
  }
  const decode_plan& plan = src->selector.plans().front();
  const copybook::record_layout& layout = plan.layout();
  const framing_options& framing = src->framing;

  auto keys = detail::key_spec::resolve(layout, opts.keys);
  if (!keys) return stop(summary, failure_kind::usage, keys.err().message, t0);

  std::uint64_t old_size = 0, new_size = 0;
  failure_kind kind = failure_kind::none;
  auto old_src = open_input(opts.old_input, framing, old_size, kind);
  if (!old_src) return stop(summary, kind, old_src.err().message, t0);
  auto new_src = open_input(opts.new_input, framing, new_size, kind);
  if (!new_src) return stop(summary, kind, new_src.err().message, t0);

  if (!sink.begin(layout, keys->fields)) return stop(summary, failure_kind::target, sink.error(), t0);
  detail::delta_emitter emitter(plan, *keys, sink, (*old_src)->name(), (*new_src)->name());
  detail::delta_failure failure;
  detail::delta_context ctx{opts, *keys, emitter, failure};
  bool ok = opts.sorted ? detail::run_sorted(**old_src, **new_src, ctx)
                        : detail::run_hashed(**old_src, **new_src, ctx, old_size);
  summary.counts = emitter.counts();
  summary.counts.old_records = (*old_src)->records_read();
  summary.counts.new_records = (*new_src)->records_read();
  summary.partitions = ctx.partitions;
  summary.spill_bytes = ctx.spill_bytes;
  if (!ok) {
    std::string why = failure.message;
    // Bad data read through the wrong framing looks like bad keys (a VB file read as FB):
    // say what the file looks like, unless a framing error has said it already.
    const bool framing_failed = (*old_src)->framing_failure() != nullptr || (*new_src)->framing_failure() != nullptr;
    if (failure.failed() && failure.kind == failure_kind::bad_data && !framing_failed)
      if (auto hint = framing_suggestion(opts.old_input, framing, layout_length_hint(framing)); !hint.empty())
        why += "; " + hint;
    return stop(summary, failure.failed() ? failure.kind : failure_kind::target, why, t0);
  }
  if (!sink.finish(summary.counts)) return stop(summary, failure_kind::target, sink.error(), t0);
  summary.seconds = std::chrono::duration<double>(clock_type::now() - t0).count();
  return summary;
}

}  // namespace mfb::bridge
