#pragma once
// Batch jobs: `mfbridge run JOB.yaml` runs a job file's steps in order under a lock,
// resuming a failed run, recording every run; `mfbridge runs` lists that history.

#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "mfb/bridge/io/outcome.hpp"
#include "mfb/ebcdic/result.hpp"

namespace mfb::rehost {

/// How to run a job file; plain data with defaults() and validate().
struct job_run_options {
  std::filesystem::path job_file;
  std::vector<std::pair<std::string, std::string>> vars;  ///< --var NAME=VALUE, in order
  bool dry_run = false;             ///< validate and print the plan; run nothing
  bool restart = false;             ///< ignore a failed run's progress and start afresh
  std::filesystem::path state_dir;  ///< lock, state and local history; empty: JOBDIR/.mfbridge
  /// The mfbridge executable: asked for each command's flags (`KIND --help`), and run as a
  /// child per step when steps are isolated; tests point it at build/mfbridge.
  std::string executable = "/proc/self/exe";
  /// Runs one command step in this process: the step's argv ({"mfbridge", KIND, flags...})
  /// in, its exit code out. The CLI supplies it (the same commands, parsed the same way).
  /// Unset, or with isolate_steps, each step runs as a child process instead.
  std::function<int(const std::vector<std::string>& argv)> run_in_process;
  /// Run each step as a child process (fork + exec): a crash or a kill takes down only the
  /// step, and a stop signal reaches it at once (`mfbridge run --isolate-steps`).
  bool isolate_steps = false;

  /// Return the defaults (no variables, a real run).
  static job_run_options defaults() { return {}; }
  /// Check the options; return an empty string when valid, otherwise the reason.
  std::string validate() const;
};

/// Run (or plan, with dry_run) a job; messages go to `rep`, the dry-run plan to `out`.
/// Return the job's exit code as its history records it: the worst step's code, 1 for a
/// bad job file, 4 when the job is already running or its state or history cannot be
/// written.
int run_job(const job_run_options& opts, std::FILE* out, bridge::reporter& rep);

/// What `mfbridge runs` lists.
struct runs_options {
  std::filesystem::path job_file;  ///< optional: take job name, target and state folder from it
  std::vector<std::pair<std::string, std::string>> vars;  ///< for a job file's target: ${...}
  std::string job;                                        ///< only this job's runs
  std::string target;               ///< history in this target (sqlite:FILE, postgresql://...)
  std::filesystem::path state_dir;  ///< else the local history here (default ./.mfbridge)
  bool json = false;                ///< JSON (runs with their steps) instead of a table
  int limit = 20;

  /// Return the defaults: the last 20 runs of every job in ./.mfbridge, as a table.
  static runs_options defaults() { return {}; }
};

/// Print the run history; return 0, 1 for bad options, 4 if the history cannot be read.
int list_runs(const runs_options& opts, std::FILE* out, std::FILE* err);

/// Split --var arguments "NAME=VALUE" into pairs; the error names the first bad one.
mfb::result<std::vector<std::pair<std::string, std::string>>> parse_var_assignments(
    const std::vector<std::string>& texts);

}  // namespace mfb::rehost
