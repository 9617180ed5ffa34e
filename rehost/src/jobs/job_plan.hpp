#pragma once
// A job with every variable expanded: per step the exact argv of the child command (or the
// checks to run in-process), what the step reads, and a signature that tells whether a step
// completed in an earlier run is still the same step.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "mfb/rehost/jobs/job_spec.hpp"
#include "mfb/rehost/jobs/job_vars.hpp"
#include "mfb/ebcdic/result.hpp"

namespace mfb::rehost::detail {

/// One in-process check: file_exists, file_size or record_count, with its arguments.
struct resolved_check {
  std::string what;
  int line = 0;
  std::vector<std::pair<std::string, std::vector<std::string>>> args;  ///< key -> values

  /// Return the single value of `key`, if given.
  const std::string* get(const std::string& key) const;
};

/// One step, ready to run.
struct planned_step {
  int index = 0;  ///< 1-based
  std::string name;
  step_kind kind = step_kind::convert;
  step_when when = step_when::on_success;
  int line = 0;
  std::vector<std::string> argv;      ///< command steps: {"mfbridge", kind, flags...}
  std::set<std::string> flags_given;  ///< long flags the step sets (without dashes)
  std::vector<resolved_check> checks;
  std::vector<std::string> inputs;  ///< files the step reads (dry run checks them)
  std::vector<std::string> values;  ///< every option value (outputs of earlier steps)
  std::string signature;            ///< JSON of argv or checks
};

/// A whole job, expanded.
struct job_plan {
  job_spec spec;
  std::string target;                            ///< expanded target:, or empty
  std::string log;                               ///< expanded log:, or empty
  std::map<std::string, std::string> variables;  ///< every variable used, with its value
  std::string fingerprint;                       ///< same job + same variables = may resume
  std::vector<planned_step> steps;
};

/// Expand and check a parsed job; errors name the file, line and variable or option.
mfb::result<job_plan> build_plan(const job_spec& spec, job_variables& vars);

/// The long flags a subcommand accepts, read from `EXE KIND --help`; nullopt if this
/// mfbridge has no such subcommand.
std::optional<std::set<std::string>> command_flags(const std::string& executable, step_kind kind);

/// Check each command step's flags against its command's --help; return the problems.
/// `missing_commands` collects kinds this build does not have (fatal only in a dry run).
std::vector<std::string> check_flags(const job_plan& plan, const std::string& executable,
                                     std::map<step_kind, std::set<std::string>>& flags,
                                     std::vector<std::string>& missing_commands);

/// The argv a command step runs with: its own flags, plus the job's --target and a
/// --summary-json FILE when its command has them and the step does not set them itself.
std::vector<std::string> final_argv(const planned_step& step,
                                    const std::set<std::string>* command_flags,
                                    const std::string& target, const std::string& summary_path);

/// Quote an argv for display as a shell would need it (display only: nothing runs a shell).
std::string shell_quote(const std::vector<std::string>& argv);

}  // namespace mfb::rehost::detail
