// `mfbridge load`: records -> tables in SQLite or PostgreSQL, restartable and reconciled.
// The work is mfb::rehost::run_load.

#include <cstdio>
#include <fstream>
#include <memory>

#include "commands.hpp"
#include "input_options.hpp"
#include "dataset_options.hpp"
#include "mask_options.hpp"
#include "mfb/rehost/db/load.hpp"
#include "split_args.hpp"

namespace mfb::cli {

namespace {

struct load_args {
  dataset_args ds;
  rehost::load_options opts;
  std::string mode = "create";
  std::string on_error = "fail";
  bool no_progress = false;
  split_args split;
  bool finish = false;
  unsigned splits = 0;
  mask_args mask;
};

// --split I/N loads one split; --finish --splits N reconciles them all once.
rehost::load_summary run_split_load(load_args& a, bridge::reporter& rep) {
  auto& o = a.opts;
  if (a.finish) {
    if (!a.split.split.empty() || !a.split.range.empty()) {
      rehost::load_summary s;
      return bridge::stop_run(s, bridge::failure_kind::usage, "--finish takes --splits N, not --split or --range", rep);
    }
    return rehost::finish_split_load(o, a.splits, rep);
  }
  rehost::load_summary s;
  if (!a.split.range.empty())
    return bridge::stop_run(s, bridge::failure_kind::usage,
                            "load takes --split I/N (its checkpoint is kept per split), not --range", rep);
  auto chosen = choose_range(a.split, o.spec.source, o.input, rep);
  if (chosen.kind != bridge::failure_kind::none) return bridge::stop_run(s, chosen.kind, chosen.message, rep);
  return rehost::load_split(o, *chosen.range, chosen.choice.index, chosen.choice.count, rep);
}

int run_load_command(load_args& a) {
  auto& o = a.opts;
  // --recfm auto is resolved from the input first, so the catalog keeps the framing used.
  // Several files would need a checkpoint per file to restart: one file per load.
  std::string why = one_input_only("load", o.input);
  if (why.empty()) why = detect_recfm(a.ds.layout, o.input, "load");
  if (why.empty()) why = dataset_spec_of(a.ds, o.spec);
  if (!why.empty()) {
    std::fprintf(stderr, "mfbridge load: %s\n", why.c_str());
    return exit_usage;
  }
  o.mode = a.mode == "replace"  ? rehost::load_mode::replace
           : a.mode == "append" ? rehost::load_mode::append
           : a.mode == "upsert" ? rehost::load_mode::upsert
                                : rehost::load_mode::create;
  o.on_error = *bridge::parse_error_policy(a.on_error);
  o.progress = !a.no_progress;
  file_reporter rep("load", stderr);
  if (auto refused = prepare_mask(a.mask, o.spec.source, rep); !refused.empty()) {
    rep.message(bridge::severity::error, refused);
    return exit_usage;
  }
  const bool split = a.finish || !a.split.split.empty() || !a.split.range.empty();
  auto summary = split ? run_split_load(a, rep) : rehost::run_load(o, rep);
  int code = exit_code_of(summary.failure);
  if (!finish_mask(a.mask, a.mask.checked, rep) && code == exit_ok) code = exit_io;
  if (code == exit_ok) warn_left_out(rep, o.on_error, summary.records_rejected, o.reject_file);
  // Written when the load ran to its end (a mismatch included); a failure to write it is
  // not the load's failure.
  bool ran = summary.failure == bridge::failure_kind::none ||
             summary.failure == bridge::failure_kind::mismatch;
  if (ran && !o.summary_json.empty()) std::ofstream(o.summary_json) << summary.to_json(code) << '\n';
  return code;
}

}  // namespace

void add_load_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand(
      "load", "Load records into SQLite or PostgreSQL tables (restartable, reconciled)");
  auto a = std::make_shared<load_args>();
  auto& o = a->opts;
  add_dataset_options(*cmd, a->ds, file_use::reads);
  add_mask_options(*cmd, a->mask);
  cmd->add_option("--input", o.input, "Input file, or - for standard input")->required();
  cmd->add_option("--target", o.target, "sqlite:FILE or postgresql://...")->required();
  cmd->add_option("--mode", a->mode,
                  "create (tables must not exist), replace, append, or upsert (needs --key)")
      ->check(CLI::IsMember({"create", "replace", "append", "upsert"}))
      ->capture_default_str();
  cmd->add_option("--job", o.job, "Checkpoint name (default: the dataset name)");
  cmd->add_option("--on-error", a->on_error, "Bad records: fail, skip or reject")
      ->check(CLI::IsMember({"fail", "skip", "reject"}))
      ->capture_default_str();
  cmd->add_option(
      "--reject-file", o.reject_file,
      "With --on-error reject: raw bytes of bad records; FILE.errors.jsonl describes them");
  cmd->add_option("--max-errors", o.max_errors, "Bad records allowed before exit 2");
  cmd->add_option("--chunk-records", o.chunk_records, "Records per committed chunk")
      ->capture_default_str();
  cmd->add_flag("--allow-changed-input", o.allow_changed_input,
                "Resume an interrupted load even though the input file changed");
  cmd->add_flag("--restart", o.restart,
                "Ignore an interrupted load's checkpoint and start afresh (the dataset's tables "
                "are dropped and recreated)");
  cmd->add_option("--trailer-check", o.trailer_checks,
                  "FIELD=count | count(RECORD) | sum(FIELD): check the trailer record's claim "
                  "(repeatable)");
  add_split_options(*cmd, a->split);
  cmd->add_flag("--finish", a->finish,
                "After every --split I/N load: merge their control totals, add keys and "
                "indexes, reconcile once (with --splits N)");
  cmd->add_option("--splits", a->splits, "With --finish: how many splits the load has");
  cmd->add_option("--summary-json", o.summary_json, "Write the summary as JSON to this file");
  cmd->add_flag("--no-progress", a->no_progress, "Never show the progress line");
  cmd->callback([a, &exit_code] { exit_code = run_load_command(*a); });
}

namespace {
const command_registration registered{60, add_load_command};
}  // namespace

}  // namespace mfb::cli
