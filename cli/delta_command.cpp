// `mfbridge delta`: two generations of a keyed file -> inserts, updates and deletes as JSON
// Lines. Only option parsing lives here; the work is mfb::bridge::run_delta.

#include <cstdio>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "commands.hpp"
#include "layout_options.hpp"
#include "text_options.hpp"
#include "mask_options.hpp"
#include "mfb/rehost/db/database.hpp"
#include "mfb/rehost/db/dataset.hpp"
#include "mfb/bridge/delta/delta.hpp"
#include "mfb/rehost/db/delta_apply.hpp"

namespace mfb::cli {

namespace {

struct delta_args {
  bridge::delta_options opts;
  layout_args layout;
  std::vector<std::string> keys;
  double memory_mb = 512;
  std::string output = "-";
  std::string summary_json;
  std::string apply_target;  ///< --apply-to: apply the changes to a loaded dataset
  std::string dataset;
  mask_args mask;
};

// Turn the parsed strings into options; return a usage error or "".
std::string finish(delta_args& a) {
  auto& o = a.opts;
  const layout_args& l = a.layout;
  if (auto why = apply_reading_options(l, o.source); !why.empty()) return why;
  if (auto why = detect_recfm(o.source, o.old_input, "delta"); !why.empty()) return why;
  // --key A,B and --key A --key B mean the same.
  o.keys.clear();
  for (const auto& k : a.keys) {
    std::stringstream parts(k);
    for (std::string part; std::getline(parts, part, ',');)
      if (!part.empty()) o.keys.push_back(part);
  }
  if (!(a.memory_mb > 0)) return "--memory-limit must be positive";
  o.memory_limit = static_cast<std::size_t>(a.memory_mb * 1048576.0);
  if (o.memory_limit == 0) o.memory_limit = 1;
  return o.validate();
}

// Apply the delta to a loaded dataset's tables, in one transaction.
bridge::delta_summary apply(const delta_args& a) {
  bridge::delta_summary summary;
  try {
    auto db = rehost::database::open(a.apply_target);
    auto ds = rehost::dataset::open(*db, a.dataset);
    if (!ds) {
      summary.failure = bridge::failure_kind::usage;
      summary.message = ds.err().message;
      return summary;
    }
    rehost::table_delta_sink sink(*db, *ds);
    summary = bridge::run_delta(a.opts, sink);
  } catch (const rehost::db_error& e) {
    summary.failure = bridge::failure_kind::target;
    summary.message = e.what();
  }
  return summary;
}

int run(delta_args& a) {
  file_reporter rep("delta", stderr);
  if (!a.mask.policy.empty() && !a.apply_target.empty()) {
    rep.message(bridge::severity::error, "--mask masks the JSON Lines events; it does not go with --apply-to");
    return exit_usage;
  }
  if (auto why = prepare_mask(a.mask, a.opts.source, rep); !why.empty()) {
    rep.message(bridge::severity::error, why);
    return exit_usage;
  }
  bridge::delta_summary summary;
  if (!a.apply_target.empty()) {
    summary = apply(a);
  } else {
    bridge::delta_jsonl_sink sink(a.output);  // opened once the options are checked
    summary = bridge::run_delta(a.opts, sink);
  }
  if (summary.failure != bridge::failure_kind::none)
    rep.message(bridge::severity::error, summary.message);
  rep.message(bridge::severity::info, summary.to_text());
  int code = exit_code_of(summary.failure);
  if (!finish_mask(a.mask, a.mask.checked, rep) && code == exit_ok) code = exit_io;
  if (!a.summary_json.empty() &&
      !write_summary_json(a.summary_json, summary.to_json(code), rep) && code == exit_ok)
    return exit_io;
  return code;
}

}  // namespace

// Declared here: commands.hpp lists the older commands, new ones register themselves.
void add_delta_command(CLI::App& app, int& exit_code);

void add_delta_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand(
      "delta", "Compare two generations of a keyed file: inserts, updates and deletes as JSON Lines");
  auto a = std::make_shared<delta_args>();
  auto& o = a->opts;
  add_layout_options(*cmd, a->layout,
                     {"Record format of both files: F, FB, V, VB, VS, VBS, TEXT, LENGTH-FIELD (with "
                      "--length-field), ODO",
                      "RDW/BDW lengths are little-endian", "The 01 record (when there are several)"},
                     file_use::reads);
  cmd->add_option("--old", o.old_input, "The earlier generation (yesterday's extract), or -")
      ->required();
  cmd->add_option("--new", o.new_input, "The later generation (today's extract), or -")->required();
  cmd->add_option("--key", a->keys,
                  "Key field(s), most significant first: FIELD[,FIELD...] (COBOL names or dotted "
                  "paths at fixed offsets)")
      ->required();
  cmd->add_flag("--sorted", o.sorted,
                "Both files are in ascending order of key bytes (as DFSORT sorts CH/BI keys): "
                "merge them as streams; out-of-order input is an error");
  cmd->add_option("--memory-limit", a->memory_mb,
                  "MB for the key table and buffered events of unsorted input before spilling "
                  "partitions to disk (fractions allowed)")
      ->capture_default_str();
  cmd->add_option("--temp-dir", o.temp_dir, "Folder for spill files (default: $TMPDIR or /tmp)");
  add_text_options(*cmd, a->layout);
  cmd->add_flag("--keep-trailing-spaces", o.source.decode.keep_trailing_spaces,
                "Keep trailing spaces in text fields");
  cmd->add_option("--output,-o", a->output, "Output file, or - for stdout")->capture_default_str();
  cmd->add_option("--summary-json", a->summary_json, "Write the run summary as JSON here");
  cmd->add_option("--apply-to", a->apply_target,
                  "Apply the changes to a loaded dataset in this target (sqlite:FILE or "
                  "postgresql://...) as one transaction, instead of writing JSON Lines");
  cmd->add_option("--dataset", a->dataset, "With --apply-to: the dataset (as in load --table)");
  add_mask_options(*cmd, a->mask);
  cmd->footer(
      "Events come in ascending order of key bytes, on both paths. Records are compared on "
      "their bytes; only inserted, updated and deleted records are decoded.");
  cmd->callback([a, &exit_code] {
    if (auto why = finish(*a); !why.empty()) {
      std::fprintf(stderr, "mfbridge delta: %s\n", why.c_str());
      exit_code = exit_usage;
      return;
    }
    exit_code = run(*a);
  });
}

namespace {
const command_registration registered{70, add_delta_command};
}  // namespace

}  // namespace mfb::cli
