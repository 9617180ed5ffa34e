#pragma once
// The state folder of a job (default: .mfbridge beside the job file): JOB.lock, which stops
// two runs of one job from overlapping, and JOB.state.json, which records how far the last
// run got so that a re-run resumes it.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "mfb/ebcdic/result.hpp"

namespace mfb::rehost::detail {

/// An exclusive flock on JOB.lock, released by the destructor (or by the kernel when the
/// runner dies, so a crash never leaves a stale lock). The file holds the holder's pid.
class job_lock {
 public:
  /// Take the lock without waiting; the error names the pid that holds it.
  static mfb::result<job_lock> acquire(const std::filesystem::path& file, const std::string& job);
  job_lock(job_lock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  job_lock& operator=(job_lock&&) = delete;
  job_lock(const job_lock&) = delete;
  job_lock& operator=(const job_lock&) = delete;
  ~job_lock();

 private:
  explicit job_lock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

/// What the state file says about one step.
struct state_step {
  std::string name;
  std::string signature;
  std::string status;  ///< running, ok, skipped, failed, interrupted, not_run
  std::optional<int> exit_code;
  std::optional<std::int64_t> completed_in;  ///< the run that completed it (ok or skipped)
};

/// The last run of a job, as far as it got.
struct job_state {
  std::string job;
  std::int64_t run_id = 0;
  std::string fingerprint;
  std::string history;  ///< where that run's history went
  std::string status;   ///< running, succeeded, failed, interrupted
  std::vector<state_step> steps;
};

/// Read JOB.state.json; nullopt if absent or unreadable (a fresh run follows).
std::optional<job_state> read_state(const std::filesystem::path& file);
/// Write JOB.state.json atomically (temporary file, fsync, rename).
mfb::result<bool> write_state(const std::filesystem::path& file, const job_state& state);

}  // namespace mfb::rehost::detail
