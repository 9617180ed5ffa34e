#pragma once
// In-process `check` steps: file_exists, file_size and record_count (see job_check.cpp).

#include <string>

#include "jobs/job_plan.hpp"

namespace mfb::rehost::detail {

/// The result of a check step: the worst check's code, why, and a JSON summary.
struct check_outcome {
  int exit_code = 0;
  std::string message;
  std::string summary_json;
};

/// Run every check of `step` (all of them, even after a failure, so the log shows each).
check_outcome run_checks(const planned_step& step);

}  // namespace mfb::rehost::detail
