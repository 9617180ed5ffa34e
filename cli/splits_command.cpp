// `mfbridge splits`: print the byte ranges of a file as JSON, so that separate processes
// (array jobs, Dask tasks) each convert or load one range. The work is bridge::plan_splits.

#include <cstdio>
#include <memory>
#include <string>

#include "commands.hpp"
#include "input_options.hpp"
#include "layout_options.hpp"
#include "mfb/bridge/convert/convert_range.hpp"
#include "split_args.hpp"

namespace mfb::cli {

namespace {

struct splits_args {
  bridge::source_spec source;
  layout_args layout;
  std::string input;
  std::string target_size = "256M";
  unsigned count = 0;
  std::string index;
  unsigned chain = 8;
};

}  // namespace

void add_splits_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand(
      "splits", "Print the byte ranges of a file as JSON, each holding whole records");
  auto a = std::make_shared<splits_args>();
  add_layout_options(*cmd, a->layout,
                     {"Record format: F, FB (arithmetic), V, VB, VS, VBS (resynchronised on "
                      "descriptor chains), TEXT (line ends)",
                      "RDW/BDW lengths are little-endian", "The 01 record (with --parent: to find root records)"},
                     file_use::reads);
  cmd->add_option("--input", a->input, "Input file (a regular, uncompressed file)")->required();
  cmd->add_option("--select", a->source.selects, "FIELD=VALUE:RECORD, as for convert");
  cmd->add_option("--parent", a->source.parents,
                  "CHILD=PARENT, as for convert: ranges then start at root records only");
  cmd->add_option("--key", a->source.keys, "RECORD=FIELD[,FIELD...], as for convert");
  cmd->add_option("--target-size", a->target_size, "Bytes per range: 4096, 64K, 256M, 1G")
      ->capture_default_str();
  cmd->add_option("--splits", a->count, "Exactly this many ranges instead (some may be empty)");
  cmd->add_option("--index,--split-index", a->index,
                  "Split index of a variable or text file: reused when it matches the file, "
                  "built in one pass when absent or stale");
  cmd->add_option("--chain", a->chain, "Descriptors a resync point's chain must pass")->capture_default_str();
  cmd->callback([a, &exit_code] {
    file_reporter rep("splits", stderr);
    auto fail = [&](const std::string& why) {
      rep.message(bridge::severity::error, why);
      exit_code = exit_usage;
    };
    if (auto why = one_input_only("splits", a->input); !why.empty()) return fail(why);
    if (auto why = apply_reading_options(a->layout, a->source); !why.empty()) return fail(why);
    auto size = bridge::parse_byte_size(a->target_size);
    if (!size || *size == 0) return fail("--target-size " + a->target_size + ": expected bytes, e.g. 256M");
    bridge::split_options so;
    so.target_size = *size;
    so.count = a->count;
    so.index_path = a->index;
    so.chain = a->chain;
    auto planned = bridge::plan_splits(a->source, a->input, so, rep);
    if (planned.failure != bridge::failure_kind::none) {
      rep.message(bridge::severity::error, planned.message);
      exit_code = exit_code_of(planned.failure);
      return;
    }
    std::string json = planned.plan.to_json() + "\n";
    std::fwrite(json.data(), 1, json.size(), stdout);
    exit_code = std::fflush(stdout) == 0 ? exit_ok : exit_io;
  });
}

namespace {
const command_registration registered{32, add_splits_command};
}  // namespace

}  // namespace mfb::cli
