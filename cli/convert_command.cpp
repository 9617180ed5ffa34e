// `mfbridge convert`: mainframe records -> JSON Lines or CSV. Only option parsing lives
// here; the work is mfb::bridge::run_convert.

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "commands.hpp"
#include "input_options.hpp"
#include "layout_options.hpp"
#include "text_options.hpp"
#include "mask_options.hpp"
#include "segment_options.hpp"
#include "mfb/bridge/convert/convert.hpp"
#include "output_style_options.hpp"
#include "split_args.hpp"

namespace mfb::cli {

namespace {

struct convert_args {
  bridge::convert_options opts;
  layout_args layout;
  std::string format = "jsonl";
  std::string on_error = "fail";
  bool no_progress = false;
  split_args split;
  output_style_args style;
  mask_args mask;
  input_args inputs;
};

// Turn the parsed strings into options; return a usage error or "".
std::string finish(convert_args& a) {
  auto& o = a.opts;
  const layout_args& l = a.layout;
  if (auto why = apply_reading_options(l, o.source); !why.empty()) return why;
  o.source.decode.format = a.format == "csv" ? bridge::output_format::csv : bridge::output_format::jsonl;
  o.on_error = *bridge::parse_error_policy(a.on_error);
  o.progress = !a.no_progress;
  if (auto why = apply_output_style(a.style, o.source.decode.style); !why.empty()) return why;
  if (auto why = apply_input_options(a.inputs, o); !why.empty()) return why;
  if (!o.inputs.empty() && !(a.split.split.empty() && a.split.range.empty()))
    return "--split and --range cut one file: give one input, not " + std::to_string(o.inputs.size());
  return o.validate();
}

// Shown by --help only: run_command_line rewrites these into the flags they stand for
// before CLI11 parses the line (cobrix_options.hpp).
void add_cobrix_help(CLI::App& cmd) {
  static std::vector<std::string> unused;
  static std::string unused_file, unused_profile;
  cmd.add_option("--cobrix-option", unused,
                 "NAME=VALUE: a Cobrix reader option, as in a Spark job's .option(...); "
                 "repeatable (`mfbridge cobrix-options --list` shows each one's flag)");
  cmd.add_option("--cobrix-options", unused_file,
                 "FILE of Cobrix options: name=value lines or .option(\"name\", value) calls");
  cmd.add_option("--profile", unused_profile,
                 "cobrix: Cobrix's defaults (code page common, trimming both, Spark naming, ...); "
                 "implied by any Cobrix option");
}

}  // namespace

void add_convert_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("convert", "Convert mainframe records to JSON Lines or CSV");
  auto a = std::make_shared<convert_args>();
  auto& o = a->opts;
  add_layout_options(*cmd, a->layout,
                     {"Record format: F, FB, V, VB, VS, VBS, TEXT, LENGTH-FIELD (with --length-field), "
                      "ODO (lengths from OCCURS DEPENDING ON counters)",
                      "RDW/BDW lengths are little-endian", "The 01 record to decode"},
                     file_use::reads);
  add_input_options(*cmd, a->inputs);
  cmd->add_option("--select", o.source.selects,
                  "FIELD=VALUE[,VALUE...]:RECORD: decode records whose FIELD reads one of the "
                  "values as RECORD (a 01 or a REDEFINES alternative; \\, is a comma in a "
                  "value); repeatable, first match wins");
  add_segment_options(*cmd, o.segments);
  cmd->add_option("--parent", o.source.parents,
                  "CHILD=PARENT: hierarchical files; each CHILD record gets the key of the last "
                  "PARENT record before it (JSON: a \"_parent\" object; CSV: _PARENT_<FIELD> "
                  "columns); a CHILD with no PARENT before it is a bad record; repeatable");
  cmd->add_option("--key", o.source.keys,
                  "RECORD=FIELD[,FIELD...]: the fields that identify a parent record (each "
                  "--parent PARENT needs one); repeatable");
  cmd->add_option("--record-type-key", o.source.decode.record_type_key,
                  "Add this key (e.g. _record) holding the chosen record's name");
  cmd->add_option("--format", a->format,
                  "Output format. CSV has one header, so CSV with --select needs --output-dir: "
                  "one file per record type, each with its own header")
      ->check(CLI::IsMember({"jsonl", "csv"}))
      ->capture_default_str();
  cmd->add_option("--output,-o", o.output, "Output file, or - for stdout")->capture_default_str();
  cmd->add_option("--output-dir", o.output_dir,
                  "Write one file per record type into this folder: TYPE.jsonl or TYPE.csv "
                  "(TYPE: the record or REDEFINES alternative a --select rule names)");
  cmd->add_option("--on-error", a->on_error, "Bad-record policy")
      ->check(CLI::IsMember({"fail", "skip", "reject"}))
      ->capture_default_str();
  cmd->add_option("--reject-file", o.reject_file,
                  "Raw bytes of bad records (reject); FILE.errors.jsonl describes them");
  cmd->add_option("--reject-log", o.reject_log, "Where the JSON descriptions of rejects go");
  cmd->add_option("--max-errors", o.max_errors, "Bad records allowed before exit code 2");
  cmd->add_option("--threads", o.threads, "Decoding threads (default: all cores)");
  cmd->add_flag("--keep-trailing-spaces", o.source.decode.keep_trailing_spaces,
                "Keep trailing spaces in text fields (= --trim none)");
  add_text_options(*cmd, a->layout);
  add_split_options(*cmd, a->split);
  add_cobrix_help(*cmd);
  add_output_style_options(*cmd, a->style);
  add_mask_options(*cmd, a->mask);
  cmd->add_option("--summary-json", o.summary_json, "Write the run summary as JSON here");
  cmd->add_flag("--no-progress", a->no_progress, "No progress line, even on a terminal");
  cmd->add_option("--progress-interval", o.progress_ms,
                  "Milliseconds between progress updates on a terminal")
      ->capture_default_str();
  cmd->callback([a, &exit_code] {
    if (auto why = finish(*a); !why.empty()) {
      std::fprintf(stderr, "mfbridge convert: %s\n", why.c_str());
      exit_code = exit_usage;
      return;
    }
    file_reporter rep("convert", stderr, a->opts.progress);
    if (auto why = prepare_mask(a->mask, a->opts.source, rep); !why.empty()) {
      rep.message(bridge::severity::error, why);
      exit_code = exit_usage;
      return;
    }
    auto chosen = choose_range(a->split, a->opts.source, a->opts.input, rep);
    if (chosen.kind != bridge::failure_kind::none) {
      rep.message(bridge::severity::error, chosen.message);
      exit_code = exit_code_of(chosen.kind);
      return;
    }
    a->opts.range = chosen.range;
    auto summary = bridge::run_convert(a->opts, rep);
    exit_code = exit_code_of(summary.failure);
    if (!finish_mask(a->mask, a->mask.checked, rep) && exit_code == exit_ok) exit_code = exit_io;
    if (exit_code == exit_ok)
      warn_left_out(rep, a->opts.on_error, summary.records_rejected, a->opts.reject_file);
    if (!a->opts.summary_json.empty() &&
        !write_summary_json(a->opts.summary_json, summary.to_json(exit_code), rep) &&
        exit_code == exit_ok)
      exit_code = exit_io;
  });
}

namespace {
const command_registration registered{30, add_convert_command};
}  // namespace

}  // namespace mfb::cli
