#pragma once
// The run history of batch jobs: one row per run (mfbridge_runs) and one per step
// (mfbridge_run_steps), kept in the job's target database (SQLite or PostgreSQL) or in a
// SQLite file in the state folder. run_history.cpp writes them through the one database
// interface (mfb/rehost/db/database.hpp); everything else sees this interface.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "mfb/ebcdic/result.hpp"

namespace mfb::rehost {

/// One run of a job.
struct run_record {
  std::int64_t id = 0;  ///< assigned by begin_run
  std::string job;
  std::string job_file;
  std::string started_at;  ///< ISO 8601 UTC, e.g. 2026-11-21T02:00:00.123Z
  std::string ended_at;    ///< empty while running
  std::string status;      ///< running, succeeded, failed, interrupted
  int exit_code = 0;
  std::optional<std::int64_t> resumed_from;  ///< the failed run this one resumed
  std::string variables;                     ///< JSON object of the variables used
  std::string host;
  int pid = 0;
};

/// One step of a run.
struct step_record {
  std::int64_t run_id = 0;
  int index = 0;  ///< 1-based position in the job file
  std::string name;
  std::string kind;
  std::string status;  ///< running, ok, failed, interrupted, not_run, skipped
  std::optional<int> exit_code;
  std::string started_at;
  std::string ended_at;
  double seconds = 0;
  std::optional<std::int64_t> completed_in;  ///< skipped: the run that completed it
  std::string command;                       ///< JSON array: the argv, or the check
  std::string summary;                       ///< JSON object: counts and control totals
  std::string message;
};

/// Where run history goes; every call reports failure instead of throwing.
class run_history {
 public:
  virtual ~run_history() = default;
  /// Insert a run and return its id.
  virtual mfb::result<std::int64_t> begin_run(const run_record& run) = 0;
  /// Update a run's end, status and exit code.
  virtual mfb::result<bool> end_run(const run_record& run) = 0;
  /// Insert or replace one step row (keyed by run id and index).
  virtual mfb::result<bool> save_step(const step_record& step) = 0;
  /// Return the newest runs first, optionally of one job only.
  virtual mfb::result<std::vector<run_record>> runs(const std::string& job, int limit) = 0;
  /// Return the steps of one run in order.
  virtual mfb::result<std::vector<step_record>> steps(std::int64_t run_id) = 0;
};

/// Open (and create the tables of) the history at `location`: "sqlite:FILE",
/// "postgresql://..." / "postgres://...", or a plain path taken as a SQLite file. Without
/// `create` (a reader: `mfbridge runs`), a missing SQLite file is an error.
mfb::result<std::unique_ptr<run_history>> open_run_history(const std::string& location,
                                                           bool create = true);

}  // namespace mfb::rehost
