#pragma once
// The one place where outcomes become process exit codes (DESIGN.md's table), and the
// reporter that writes a library call's messages to a terminal as "mfbridge COMMAND: ...".

#include <cstdio>
#include <string>

#include "mfb/bridge/codec/error_policy.hpp"
#include "mfb/bridge/io/outcome.hpp"

namespace mfb::cli {

/// Exit codes shared by every subcommand (DESIGN.md).
enum exit_code_value : int {
  exit_ok = 0,
  exit_usage = 1,
  exit_bad_data = 2,
  exit_reconcile = 3,
  exit_io = 4,
};

/// The exit code of a failure kind: none 0, usage 1, bad data 2, mismatch 3, target 4.
int exit_code_of(bridge::failure_kind kind);

/// Writes messages to a FILE (stderr) with the command's prefix, details as given, and a
/// progress line when the FILE is a terminal and progress is asked for.
class file_reporter final : public bridge::reporter {
 public:
  file_reporter(std::string command, std::FILE* out, bool progress = false);
  void message(bridge::severity level, std::string_view text) override;
  void detail(std::string_view lines) override;
  bool wants_progress() const override { return progress_; }
  void progress(const bridge::progress_update& p) override;
  void progress_done() override;

 private:
  std::string prefix_;
  std::FILE* out_;
  bool progress_;
};

/// After a run that left bad records out under --on-error skip or reject (exit code 0):
/// one line a scheduler can match, "warning: N records rejected ...", on `rep`.
void warn_left_out(bridge::reporter& rep, bridge::error_policy policy, std::uint64_t count,
                   const std::string& reject_file);

/// Write a run's summary JSON (--summary-json) to `path`; report "cannot write PATH" and
/// return false when it cannot be written.
bool write_summary_json(const std::string& path, const std::string& json,
                        bridge::reporter& rep);

}  // namespace mfb::cli
