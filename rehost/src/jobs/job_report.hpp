#pragma once
// What a job run tells people and files: ISO timestamps, the JSON-lines log, the readable
// per-step line, and the dry-run plan.

#include <cstdint>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "jobs/job_plan.hpp"
#include "jobs/job_state.hpp"
#include "mfb/ebcdic/result.hpp"

namespace mfb::rehost::detail {

/// The current time as ISO 8601 UTC with milliseconds (2026-11-21T02:00:00.123Z).
std::string iso_now();

/// Appends one JSON object per line to the job's log file, flushed line by line.
class job_log {
 public:
  job_log() = default;
  ~job_log();
  job_log(const job_log&) = delete;
  job_log& operator=(const job_log&) = delete;
  /// Open `path` for appending (no-op for an empty path).
  mfb::result<bool> open(const std::string& path);
  /// Write one event; `json_object` is a serialised JSON object without "time".
  void write(const std::string& event, const std::string& json_fields);

 private:
  std::FILE* file_ = nullptr;
};

/// Where a step's --summary-json goes: STATE/JOB.stepN.summary.json.
std::string summary_path(const std::string& state_dir, const std::string& job, int index);

/// A few counts from a command's summary JSON for the readable line ("120 records read").
std::string summary_brief(const std::string& summary_json);

/// For each step, the run that completed it if a resumed run skips it (nullopt: it runs).
std::vector<std::optional<std::int64_t>> steps_to_skip(const job_plan& plan, const job_state& prev);

/// The dry-run plan as text; `problems` are listed after it.
std::string render_plan(const job_plan& plan,
                        const std::map<step_kind, std::set<std::string>>& flags,
                        const std::string& history, const std::string& state_dir,
                        const std::string& resume_note,
                        const std::vector<std::optional<std::int64_t>>& skips,
                        const std::vector<std::string>& problems);

}  // namespace mfb::rehost::detail
