// `mfbridge export` (tables -> mainframe file) and `mfbridge reconcile` (target totals
// against the last load's): thin adapters over mfb::rehost.

#include <cstdio>
#include <memory>

#include "commands.hpp"
#include "mask_options.hpp"
#include "mfb/rehost/db/export.hpp"

namespace mfb::cli {

void add_export_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("export", "Write a loaded dataset back to a mainframe file");
  auto o = std::make_shared<rehost::export_options>();
  auto mask = std::make_shared<mask_args>();
  cmd->add_option("--target", o->target, "sqlite:FILE or postgresql://...")->required();
  cmd->add_option("--dataset", o->dataset, "Dataset name (its main table, as in load --table)")
      ->required();
  cmd->add_option("--output", o->output, "Output file, or - for standard output")
      ->capture_default_str();
  cmd->add_option("--recfm", o->recfm, "F, FB, V or VB (default: the format it was loaded from)");
  cmd->add_option("--lrecl", o->lrecl, "Record length for F/FB (default: as loaded)");
  cmd->add_option("--block-size", o->block_size, "VB block size (default: as loaded, else 32760)");
  cmd->add_flag("--order-by-key", o->order_by_key,
                "Write in key order (keyed datasets) instead of the loaded order");
  add_mask_options(*cmd, *mask);
  cmd->callback([o, mask, &exit_code] {
    file_reporter rep("export", stderr);
    if (auto why = load_mask(*mask); !why.empty()) {
      rep.message(bridge::severity::error, why);
      exit_code = exit_usage;
      return;
    }
    o->mask = mask->run;
    auto summary = rehost::run_export(*o, rep);
    exit_code = exit_code_of(summary.failure);
    if (summary.failure == bridge::failure_kind::none && !finish_mask(*mask, summary.mask, rep))
      exit_code = exit_io;
  });
}

void add_reconcile_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand(
      "reconcile", "Check a dataset's tables against the control totals of its last load");
  auto o = std::make_shared<rehost::reconcile_options>();
  cmd->add_option("--target", o->target, "sqlite:FILE or postgresql://...")->required();
  cmd->add_option("--dataset", o->dataset, "Dataset name")->required();
  cmd->add_flag("--json", o->json, "Print the report as JSON");
  cmd->callback([o, &exit_code] {
    auto r = rehost::run_reconcile(*o);
    exit_code = exit_code_of(r.failure);
    bool made = r.failure == bridge::failure_kind::none ||
                r.failure == bridge::failure_kind::mismatch;
    if (!made)
      file_reporter("reconcile", stderr).message(bridge::severity::error, r.message);
    else
      std::fputs(o->json ? (r.report.to_json() + "\n").c_str() : r.report.to_text().c_str(),
                 stdout);
  });
}

namespace {
const command_registration export_registered{65, add_export_command};
const command_registration reconcile_registered{62, add_reconcile_command};
}  // namespace

}  // namespace mfb::cli
