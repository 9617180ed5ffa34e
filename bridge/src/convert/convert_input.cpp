// One input file of a conversion (convert_input.hpp): its reader, the pipeline into the
// shared writer, its framing error, and its own counts.

#include "convert/convert_input.hpp"

#include <memory>

#include "mfb/bridge/io/framing_sniff.hpp"
#include "mfb/bridge/io/input_source.hpp"
#include "mfb/bridge/io/layout_framing.hpp"
#include "mfb/bridge/io/split_plan.hpp"

namespace mfb::bridge::detail {

namespace {

using clock_type = std::chrono::steady_clock;

// A framing error ends the file: the run stops, or (several files, skip or reject) the
// file's broken end is one bad record and the next file follows.
bool settle_framing(input_run& run, const record_reader& reader) {
  const framing_error* fe = reader.error();
  if (!fe || run.summary.failure != failure_kind::none) return true;
  if (run.several && fe->what == framing_error::kind::framing &&
      run.opts.on_error != error_policy::fail)
    return run.writer->reject_framing(*fe);
  run.summary.failure =
      fe->what == framing_error::kind::io ? failure_kind::target : failure_kind::bad_data;
  run.summary.message = fe->to_string();
  run.rep.message(severity::error, run.summary.message);
  return false;
}

}  // namespace

result<std::unique_ptr<record_reader>> open_input(input_run& run, const std::string& path,
                                                  failure_kind& kind) {
  kind = failure_kind::usage;
  if (run.opts.range) {
    run.total = static_cast<long long>(run.opts.range->length);
    return open_range_reader(path, run.framing, *run.opts.range);
  }
  // Open the source here (not through record_reader::open) to learn its size for progress.
  auto source = input_source::open(path, run.opts.source.framing.detect_gzip);
  if (!source) {
    kind = failure_kind::target;
    return source.err();
  }
  if (!run.several) run.total = (*source)->compressed() ? -1 : (*source)->known_size();
  return record_reader::open(std::move(source).value(), run.framing);
}

bool convert_input(input_run& run, record_reader& reader, const std::string& path,
                   std::uint32_t file_id) {
  convert_summary& summary = run.summary;
  // The counts before this file (not a copy of the summary: its file list grows per file).
  const input_file_counts before{path,
                                 file_id,
                                 summary.records_read,
                                 summary.records_written,
                                 summary.records_rejected,
                                 summary.records_filtered,
                                 summary.bytes_read};
  const std::uint64_t start = run.opts.range ? run.opts.range->offset : 0;  // offsets stay the file's
  if (run.segments) run.segments->start_file(file_id);
  run.writer->start_file(reader.name(), file_id);
  input_file_columns file = file_columns(run.selector.plans().front().options().style, path, file_id);
  file.name = reader.name();

  const bool show_progress = run.opts.progress && run.rep.wants_progress();
  run_pipeline(reader, run.selector, run.tracker, run.segments, run.threads,
               run.opts.batch_bytes, file, [&](batch_work& w) {
                 bool more = run.writer->consume(w);
                 // Bytes up to the last record written out, so the progress line's MB agree
                 // with its record count (the reader runs ahead).
                 if (w.batch.size() > 0) {
                   const record_view& last = w.batch[w.batch.size() - 1];
                   summary.bytes_read = run.bytes_before + last.file_offset + last.size - start;
                 }
                 auto now = clock_type::now();
                 if (show_progress &&
                     now - run.last_progress >= std::chrono::milliseconds(run.opts.progress_ms)) {
                   run.last_progress = now;
                   run.rep.progress({summary.records_read, summary.bytes_read, run.total,
                                     std::chrono::duration<double>(now - run.t0).count()});
                 }
                 return more;
               });
  run.bytes_before += reader.bytes_consumed() - start;
  summary.bytes_read = run.bytes_before;
  const bool records_failed = summary.failure == failure_kind::bad_data;
  run.writer->finish_file();  // the file's last nested row, unless the run already failed
  const bool go_on = summary.failure == failure_kind::none && settle_framing(run, reader) &&
                     summary.failure == failure_kind::none;
  if (records_failed && summary.records_written == before.records_written) {
    // Not one record decoded: the framing, not the data, may be wrong (a VB file read as FB).
    if (auto hint = framing_suggestion(path, run.framing, layout_length_hint(run.framing));
        !hint.empty()) {
      summary.message += "; " + hint;
      run.rep.message(severity::info, reader.name() + ": " + hint);
    }
  }
  if (run.several)
    summary.files.push_back({path, file_id, summary.records_read - before.records_read,
                             summary.records_written - before.records_written,
                             summary.records_rejected - before.records_rejected,
                             summary.records_filtered - before.records_filtered,
                             summary.bytes_read - before.bytes_read});
  return go_on;
}

}  // namespace mfb::bridge::detail
