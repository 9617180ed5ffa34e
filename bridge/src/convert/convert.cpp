// run_convert: set up (copybooks, code page, plans, reader, sinks), then consume decoded
// batches in input order, applying the bad-record policy record by record.

#include "mfb/bridge/convert/convert.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <memory>
#include <thread>

#include "convert/convert_input.hpp"
#include "mfb/bridge/codec/detect.hpp"
#include "mfb/bridge/convert/convert_range.hpp"
#include "mfb/bridge/convert/csv_sink.hpp"
#include "mfb/bridge/io/framing_sniff.hpp"
#include "mfb/bridge/convert/json_sink.hpp"

namespace mfb::bridge {

namespace {

using clock_type = std::chrono::steady_clock;

// The CSV header of one type: its columns, then its parent's key as _PARENT_NAME.
std::vector<std::string> csv_columns(const decode_plan& plan, int type,
                                     const hierarchy_tracker& tracker,
                                     const detail::segment_stage* segments) {
  std::vector<std::string> cols = segments ? segments->columns() : std::vector<std::string>{};
  for (auto& c : plan.columns()) cols.push_back(std::move(c));
  for (const auto& k : tracker.key_names(tracker.parent_of(type))) cols.push_back("_PARENT_" + k);
  return cols;
}

// The output's path, or with --output-dir one per plan (DIR/TYPE.jsonl or .csv).
result<std::vector<std::string>> output_paths(const convert_options& opts,
                                              const std::vector<decode_plan>& plans) {
  const bool csv = opts.source.decode.format == output_format::csv;
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
  return paths;
}

// The file among `written` (outputs, reject files) that is also one of the inputs, or "".
// Opening it would truncate an input before it is read, or make the run read its own rows.
std::string written_input(const std::vector<std::string>& inputs, const std::vector<std::string>& written) {
  for (const auto& out : written) {
    std::error_code ec;
    if (out.empty() || out == "-" || !std::filesystem::exists(out, ec)) continue;
    for (const auto& in : inputs)
      if (in != "-" && std::filesystem::equivalent(in, out, ec)) return in;
  }
  return {};
}

// One sink per path, each opened and begun (a CSV file gets its header even when no record
// of its type comes; a range's part only when it holds record 1, so that the parts
// concatenate to the one-process output). A range writes NAME.partial, renamed at the end.
result<std::vector<std::unique_ptr<record_sink>>> open_sinks(
    const convert_options& opts, const std::vector<std::string>& paths,
    const std::vector<decode_plan>& plans, const hierarchy_tracker& tracker,
    const detail::segment_stage* segments) {
  const bool csv = opts.source.decode.format == output_format::csv;
  const bool header = !opts.range || (opts.range->first_record == 1 && opts.range->length > 0);
  std::vector<std::unique_ptr<record_sink>> sinks;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    auto out = output_file::open(opts.range && paths[i] != "-" ? partial_name(paths[i]) : paths[i]);
    if (!out) return out.err();
    if (csv)
      sinks.push_back(std::make_unique<csv_sink>(
          std::move(out).value(), csv_columns(plans[i], static_cast<int>(i), tracker, segments)));
    else
      sinks.push_back(std::make_unique<json_sink>(std::move(out).value()));
    if (header && !sinks.back()->begin()) return error{sinks.back()->error()};
  }
  return sinks;
}

// A range's parts: renamed into place after a clean run, removed after a failed one.
std::string settle_parts(const convert_options& opts, const std::vector<std::string>& paths, bool ok) {
  if (!opts.range) return {};
  for (const auto& path : paths) {
    if (path == "-") continue;
    const std::string partial = partial_name(path);
    std::error_code ec;
    if (!ok) {
      std::filesystem::remove(partial, ec);
      continue;
    }
    std::filesystem::rename(partial, path, ec);
    if (ec) return partial + ": cannot rename to " + path + ": " + ec.message();
  }
  return {};
}

}  // namespace

std::string convert_options::validate() const {
  if (auto why = source.validate(); !why.empty()) return why;
  if (on_error == error_policy::reject && reject_file.empty())
    return "--on-error reject needs --reject-file";
  if (source.decode.format == output_format::csv && !source.selects.empty() && output_dir.empty())
    return "CSV output with --select writes one file per record type: give --output-dir DIR "
           "(or use --record for one layout)";
  if (segments.nest_children && source.decode.format == output_format::csv)
    return "--nest-children writes children as arrays inside their parent's object: JSON "
           "Lines only (CSV has no arrays)";
  if (segments.nest_children && source.parents.empty())
    return "--nest-children needs --parent CHILD=PARENT rules (with --select for the segments)";
  if (segments.nest_children && !source.keys.empty())
    return "--nest-children places each child under the last open parent in file order: "
           "--key is not used with it";
  if (segments.nest_children && !output_dir.empty())
    return "--nest-children writes one row per root: --output-dir does not apply";
  if (!output_dir.empty() && output != "-")
    return "--output and --output-dir cannot be used together";
  if (max_errors < -1) return "--max-errors must be 0 or more";
  if (range && !inputs.empty())
    return "--split and --range cut one file: give one input, not " + std::to_string(inputs.size());
  if (std::find(inputs.begin(), inputs.end(), "-") != inputs.end() && inputs.size() > 1)
    return "standard input (-) can only be the one input of a run";
  if (segments.nest_children &&
      (source.decode.style.record_bytes || !source.decode.style.file_name_column.empty()))
    return "--record-bytes and --file-name-column are columns of flat rows: not with --nest-children";
  return {};
}

convert_summary run_convert(const convert_options& given, reporter& rep) {
  convert_summary summary;
  auto t0 = clock_type::now();
  if (auto why = given.validate(); !why.empty()) return stop_run(summary, failure_kind::usage, why, rep);
  convert_options opts = given;
  if (opts.source.detect_framing)
    if (auto why = apply_detected_framing(
            opts.source, opts.inputs.empty() ? opts.input : opts.inputs.front(), true, rep);
        !why.empty())
      return stop_run(summary, failure_kind::usage, why, rep);

  // --nest-children places children by file order, with no keys: the parent rules go to
  // the segment stage, not to the keyed hierarchy tracker.
  if (opts.segments.nest_children) opts.source.parents.clear();
  // Nested rows get Cobrix's generated columns per group (nested_rows), not per record.
  const bool group_ids = opts.segments.nest_children && opts.source.decode.style.generate_record_id;
  if (group_ids) opts.source.decode.style.generate_record_id = false;
  source_failure failed;
  auto src = open_source(opts.source, failed);
  if (!src) {
    if (!failed.diagnostics.empty()) rep.detail(failed.diagnostics);
    return stop_run(summary, failure_kind::usage, failed.message, rep);
  }
  const record_selector* selector = &src->selector;
  hierarchy_tracker* tracker = &src->tracker;
  const framing_options& framing = src->framing;
  std::vector<std::string> type_names;
  for (const auto& p : src->selector.plans()) type_names.push_back(p.type_name());
  auto segments = detail::segment_stage::build(opts.segments, src->records, *src->page,
                                               opts.source.decode.format, type_names,
                                               given.source.parents);
  if (!segments) return stop_run(summary, failure_kind::usage, segments.err().message, rep);

  const std::vector<std::string> files =
      opts.inputs.empty() ? std::vector<std::string>{opts.input} : opts.inputs;
  unsigned threads = opts.threads ? opts.threads : std::max(1u, std::thread::hardware_concurrency());
  summary.threads = threads;
  detail::input_run run{opts,    framing, *selector, &*tracker, segments->get(), nullptr,
                        summary, rep,      threads,   t0,       false,           -1,
                        0,       t0};
  run.several = !opts.inputs.empty();
  // The first input opens before the outputs: a missing input leaves no empty output.
  failure_kind open_failure = failure_kind::none;
  auto reader = detail::open_input(run, files.front(), open_failure);
  if (!reader) return stop_run(summary, open_failure, reader.err().message, rep);

  auto paths = output_paths(opts, selector->plans());
  if (!paths) return stop_run(summary, failure_kind::target, paths.err().message, rep);
  std::vector<std::string> written = *paths;
  if (opts.on_error == error_policy::reject)
    written.insert(written.end(), {opts.reject_file, opts.reject_log.empty() ? opts.reject_file + ".errors.jsonl"
                                                                            : opts.reject_log});
  if (auto same = written_input(files, written); !same.empty())
    return stop_run(summary, failure_kind::usage,
                    same + " is an input and also a file this run writes (output or rejects): it would be "
                           "truncated before it is read, or read back as input",
                    rep);
  auto sinks = open_sinks(opts, *paths, selector->plans(), *tracker, segments->get());
  if (!sinks) return stop_run(summary, failure_kind::target, sinks.err().message, rep);
  std::vector<record_sink*> sink_of;  // per plan
  for (std::size_t i = 0; i < selector->plans().size(); ++i)
    sink_of.push_back((*sinks)[sinks->size() == 1 ? 0 : i].get());
  detail::convert_writer writer(opts, *selector, *tracker, files.front(), std::move(sink_of),
                                summary, rep);
  run.writer = &writer;
  if (*segments && !(*segments)->nest_parents().empty())
    writer.nest_children((*segments)->nest_parents(), type_names, group_ids);
  if (auto why = writer.open_rejects(); !why.empty()) return stop_run(summary, failure_kind::target, why, rep);

  for (std::size_t k = 0; k < files.size(); ++k) {
    if (k > 0) {
      tracker->start_file();  // Cobrix reads every file of a run on its own
      reader = detail::open_input(run, files[k], open_failure);
      if (!reader) {
        summary = stop_run(summary, open_failure, reader.err().message, rep);
        break;
      }
    }
    if (!detail::convert_input(run, **reader, files[k], static_cast<std::uint32_t>(k))) break;
  }
  if (opts.progress && rep.wants_progress()) rep.progress_done();
  writer.finish();
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
  if (auto why = settle_parts(opts, *paths, summary.failure == failure_kind::none); !why.empty()) {
    summary.failure = failure_kind::target;
    summary.message = why;
    rep.message(severity::error, why);
  }
  summary.seconds = std::chrono::duration<double>(clock_type::now() - t0).count();
  rep.message(severity::info, summary.to_text());
  return summary;
}

}  // namespace mfb::bridge
