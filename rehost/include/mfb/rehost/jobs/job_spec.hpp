#pragma once
// A batch job file (`mfbridge run JOB.yaml`) as written: the job's name, target, log, variables
// and steps, every text still unexpanded and tagged with its line, so that later errors
// (an unknown ${VAR}, a bad option) can name the place in the file.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mfb/ebcdic/result.hpp"

namespace mfb::rehost {

/// One scalar of the job file and where it was written (1-based line and column).
struct job_text {
  std::string text;
  int line = 0;
  int column = 0;
};

struct job_option;

/// A step option's value: a scalar, a switch, a list (repeatable flag) or a map (checks).
struct job_value {
  enum class kind { scalar, boolean, list, map };
  kind what = kind::scalar;
  job_text scalar;                  ///< scalar; for boolean the text as written
  bool flag = false;                ///< boolean
  std::vector<job_text> items;      ///< list
  std::vector<job_option> entries;  ///< map, in file order
};

/// A `key: value` pair of a step (keys of command steps are long flags without dashes).
struct job_option {
  std::string key;
  int line = 0;
  job_value value;
};

/// The commands a step can run; `check` runs inside mfbridge run, the others as children.
enum class step_kind { convert, load, reconcile, delta, export_, check };

/// When a step runs, like a JCL COND: after all earlier steps succeeded (the default),
/// only after a failure, or always.
enum class step_when { on_success, on_failure, always };

/// One step of a job, in file order.
struct job_step {
  std::string name;
  step_kind kind = step_kind::convert;
  step_when when = step_when::on_success;
  int line = 0;
  std::vector<job_option> options;
};

/// A whole job file.
struct job_spec {
  std::filesystem::path file;  ///< as given (used in messages)
  std::string name;
  std::optional<job_text> target;                      ///< sqlite:FILE or postgresql://...
  std::optional<job_text> log;                         ///< JSON-lines log file
  std::vector<std::pair<std::string, job_text>> vars;  ///< vars:, in file order
  std::vector<job_step> steps;
};

/// Read and check the structure of a job file (keys, kinds, names); variables are not
/// expanded yet. Errors read "FILE:LINE:COL: reason".
mfb::result<job_spec> load_job_file(const std::filesystem::path& file);
/// Parse job YAML held in memory; `file` only labels messages.
mfb::result<job_spec> parse_job_text(std::string_view yaml, const std::filesystem::path& file);

/// Return the subcommand name of a step kind ("convert", ..., "export", "check").
std::string_view to_string(step_kind kind);
/// Return "on_success", "on_failure" or "always".
std::string_view to_string(step_when when);

}  // namespace mfb::rehost
