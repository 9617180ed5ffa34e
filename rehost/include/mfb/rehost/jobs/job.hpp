#pragma once
// Batch jobs: `mfbridge run JOB.yaml` runs a job file's steps in order under a lock,
// resuming a failed run, recording every run; `mfbridge runs` lists that history.

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

/// How a job run (or a dry run) ended.
struct job_outcome {
  /// The run's outcome: usage for a bad job file or a dry run that found problems, target
  /// when the job is already running or its state or history cannot be written, else the
  /// worst step's outcome (read back from its exit code, which follows DESIGN.md's table).
  bridge::failure_kind failure = bridge::failure_kind::none;
  /// The job's exit code as its history records it (the worst step's code); 0 when no run
  /// was recorded.
  int recorded_exit_code = 0;
  /// A dry run's plan: what would run, then the problems found (for the caller to show).
  std::string plan;
};

/// Run (or plan, with dry_run) a job; messages go to `rep`, a dry run's plan into the
/// outcome.
job_outcome run_job(const job_run_options& opts, bridge::reporter& rep);

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

/// The run history, rendered for `mfbridge runs`.
struct runs_listing {
  /// The table (or JSON, or "no runs recorded in ..."), complete lines. After a failure it
  /// holds what was rendered before it (the table's head), which the CLI still shows.
  std::string text;
  /// usage for bad options or job file, target when the history cannot be read.
  bridge::failure_kind failure = bridge::failure_kind::none;
};

/// Render the run history; why it failed goes to `rep`.
runs_listing list_runs(const runs_options& opts, bridge::reporter& rep);

/// Split --var arguments "NAME=VALUE" into pairs; the error names the first bad one.
mfb::result<std::vector<std::pair<std::string, std::string>>> parse_var_assignments(
    const std::vector<std::string>& texts);

}  // namespace mfb::rehost
