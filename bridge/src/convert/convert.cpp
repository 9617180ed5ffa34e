// run_convert: set up (copybooks, code page, plans, reader, sinks), then consume decoded
// batches in input order, applying the bad-record policy record by record.

#include "mfb/bridge/convert/convert.hpp"
#include "mfb/bridge/codec/open_code_page.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <memory>
#include <thread>

#include "convert/convert_pipeline.hpp"
#include "convert/convert_writer.hpp"
#include "mfb/bridge/convert/csv_sink.hpp"
#include "mfb/bridge/convert/json_sink.hpp"
#include "mfb/bridge/codec/hierarchy.hpp"
#include "mfb/bridge/io/layout_framing.hpp"
#include "mfb/bridge/codec/record_selector.hpp"
#include "mfb/copybook/parse.hpp"

namespace mfb::bridge {

namespace {

using clock_type = std::chrono::steady_clock;

convert_summary stop(convert_summary s, failure_kind kind, std::string message, reporter& rep) {
  s.failure = kind;
  s.message = std::move(message);
  rep.message(severity::error, s.message);
  return s;
}

// The CSV header of one type: its columns, then its parent's key as _PARENT_NAME.
std::vector<std::string> csv_columns(const decode_plan& plan, int type,
                                     const hierarchy_tracker& tracker) {
  std::vector<std::string> cols = plan.columns();
  for (const auto& k : tracker.key_names(tracker.parent_of(type))) cols.push_back("_PARENT_" + k);
  return cols;
}

// One sink for the output, or with --output-dir one per plan (DIR/TYPE.jsonl or .csv),
// each opened and begun (a CSV file gets its header even when no record of its type comes).
result<std::vector<std::unique_ptr<record_sink>>> open_sinks(
    const convert_options& opts, const std::vector<decode_plan>& plans,
    const hierarchy_tracker& tracker) {
  const bool csv = opts.decode.format == output_format::csv;
  std::vector<std::unique_ptr<record_sink>> sinks;
  std::vector<std::string> paths;
  if (opts.output_dir.empty()) {
    paths.push_back(opts.output);
  } else {
    std::error_code ec;
    std::filesystem::create_directories(opts.output_dir, ec);
    if (ec) return error{opts.output_dir + ": cannot create the folder: " + ec.message()};
    for (const auto& p : plans)
      paths.push_back((std::filesystem::path(opts.output_dir) /
                       (p.type_name() + (csv ? ".csv" : ".jsonl")))
                          .string());
  }
  for (std::size_t i = 0; i < paths.size(); ++i) {
    auto out = output_file::open(paths[i]);
    if (!out) return out.err();
    if (csv)
      sinks.push_back(std::make_unique<csv_sink>(
          std::move(out).value(), csv_columns(plans[i], static_cast<int>(i), tracker)));
    else
      sinks.push_back(std::make_unique<json_sink>(std::move(out).value()));
    if (!sinks.back()->begin()) return error{sinks.back()->error()};
  }
  return sinks;
}

}  // namespace

std::string convert_options::validate() const {
  if (copybooks.empty()) return "--copybook is required";
  if (auto why = decode.validate(); !why.empty()) return why;
  if (on_error == error_policy::reject && reject_file.empty())
    return "--on-error reject needs --reject-file";
  if (decode.format == output_format::csv && !selects.empty() && output_dir.empty())
    return "CSV output with --select writes one file per record type: give --output-dir DIR "
           "(or use --record for one layout)";
  if (!output_dir.empty() && output != "-")
    return "--output and --output-dir cannot be used together";
  if (max_errors < -1) return "--max-errors must be 0 or more";
  return {};
}

convert_summary run_convert(const convert_options& opts, reporter& rep) {
  convert_summary summary;
  auto t0 = clock_type::now();
  if (auto why = opts.validate(); !why.empty()) return stop(summary, failure_kind::usage, why, rep);

  copybook::parse_options popts;
  popts.include_dirs = opts.include_dirs;
  popts.cobrix_extensions = opts.cobrix_extensions;
  auto parsed = copybook::parse_copybook_files(opts.copybooks, popts);
  if (!parsed.ok()) {
    rep.detail(copybook::to_string(parsed.diagnostics));
    return stop(summary, failure_kind::usage, "the copybook has errors", rep);
  }
  auto page = open_code_page(opts.codepage);
  if (!page) return stop(summary, failure_kind::usage, page.err().message, rep);

  std::vector<select_rule> rules;
  for (const auto& text : opts.selects) {
    auto r = parse_select_rule(text);
    if (!r) return stop(summary, failure_kind::usage, "--select expects FIELD=VALUE:RECORD, got " + text, rep);
    rules.push_back(*r);
  }
  auto selector = record_selector::build(parsed.records, opts.record_name, rules, *page,
                                         opts.decode);
  if (!selector) return stop(summary, failure_kind::usage, selector.err().message, rep);

  std::vector<parent_rule> parent_rules;
  for (const auto& text : opts.parents) {
    auto r = parse_parent_rule(text);
    if (!r) return stop(summary, failure_kind::usage, "--parent expects CHILD=PARENT, got " + text, rep);
    parent_rules.push_back(*r);
  }
  std::vector<key_rule> key_rules;
  for (const auto& text : opts.keys) {
    auto r = parse_key_rule(text);
    if (!r) return stop(summary, failure_kind::usage, "--key expects RECORD=FIELD[,FIELD...], got " + text, rep);
    key_rules.push_back(*r);
  }
  auto tracker = hierarchy_tracker::build(selector->plans(), parent_rules, key_rules);
  if (!tracker) return stop(summary, failure_kind::usage, tracker.err().message, rep);

  framing_options framing = opts.framing;
  if (!opts.length_field.empty() || opts.odo_framing) {
    if (selector->plans().size() != 1)
      return stop(summary, failure_kind::usage, "--length-field and --recfm ODO need one record layout", rep);
    const auto& layout = selector->plans().front().layout();
    auto why = opts.odo_framing
                   ? set_odo_framing(framing, layout, opts.decode.zoned_charset, opts.decode.binary_trunc)
                   : set_length_field(framing, layout, opts.length_field, opts.decode.zoned_charset);
    if (!why.empty()) return stop(summary, failure_kind::usage, why, rep);
  }
  if ((framing.format == recfm::f || framing.format == recfm::fb) && framing.lrecl == 0) {
    // Default LRECL: the longest record the plans describe.
    for (const auto& p : selector->plans())
      framing.lrecl = std::max(framing.lrecl, p.layout().length);
  }
  if (auto why = framing.validate(); !why.empty()) return stop(summary, failure_kind::usage, why, rep);

  // Open the source here (not through record_reader::open) to learn its size for progress.
  auto source = input_source::open(opts.input, opts.framing.detect_gzip);
  if (!source) return stop(summary, failure_kind::target, source.err().message, rep);
  long long total = (*source)->compressed() ? -1 : (*source)->known_size();
  auto reader = record_reader::open(std::move(source).value(), framing);
  if (!reader) return stop(summary, failure_kind::usage, reader.err().message, rep);

  auto sinks = open_sinks(opts, selector->plans(), *tracker);
  if (!sinks) return stop(summary, failure_kind::target, sinks.err().message, rep);
  std::vector<record_sink*> sink_of;  // per plan
  for (std::size_t i = 0; i < selector->plans().size(); ++i)
    sink_of.push_back((*sinks)[sinks->size() == 1 ? 0 : i].get());

  detail::convert_writer writer(opts, *selector, *tracker, (*reader)->name(), std::move(sink_of),
                                summary, rep);
  if (auto why = writer.open_rejects(); !why.empty()) return stop(summary, failure_kind::target, why, rep);

  unsigned threads = opts.threads ? opts.threads : std::max(1u, std::thread::hardware_concurrency());
  summary.threads = threads;
  bool show_progress = opts.progress && rep.wants_progress();
  auto last_progress = t0;
  detail::run_pipeline(**reader, *selector, &*tracker, threads, opts.batch_bytes,
                       [&](detail::batch_work& w) {
                         bool more = writer.consume(w);
                         // Bytes up to the last record written out, so the progress line's
                         // MB agree with its record count (the reader runs ahead).
                         if (w.batch.size() > 0) {
                           const record_view& last = w.batch[w.batch.size() - 1];
                           summary.bytes_read = last.file_offset + last.size;
                         }
                         auto now = clock_type::now();
                         if (show_progress && now - last_progress >= std::chrono::milliseconds(opts.progress_ms)) {
                           last_progress = now;
                           rep.progress({summary.records_read, summary.bytes_read, total,
                                         std::chrono::duration<double>(now - t0).count()});
                         }
                         return more;
                       });
  if (show_progress) rep.progress_done();
  summary.bytes_read = (*reader)->bytes_consumed();
  writer.finish();
  if (summary.failure == failure_kind::none) {
    if (const framing_error* fe = (*reader)->error()) {
      summary.failure =
          fe->what == framing_error::kind::io ? failure_kind::target : failure_kind::bad_data;
      summary.message = fe->to_string();
      rep.message(severity::error, summary.message);
    }
  }
  for (auto& sink : *sinks) {
    if (auto closed = sink->finish(); !closed && summary.failure != failure_kind::target) {
      summary.failure = failure_kind::target;
      summary.message = closed.err().message;
      rep.message(severity::error, summary.message);
    }
  }
  if (auto why = writer.close_rejects(); !why.empty() && summary.failure != failure_kind::target) {
    summary.failure = failure_kind::target;
    summary.message = why;
    rep.message(severity::error, why);
  }
  summary.seconds = std::chrono::duration<double>(clock_type::now() - t0).count();
  rep.message(severity::info, summary.to_text());
  return summary;
}

}  // namespace mfb::bridge
