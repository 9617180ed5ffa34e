#pragma once
// Variables of a job file: ${NAME}, and for dates ${NAME[+|-N(d|w|m|y)...][:PATTERN]}.
//
//   ${RUN_DATE}                   2026-11-21 (the run date; default today, local time)
//   ${RUN_DATE:yyyyMMdd}          20261121
//   ${RUN_DATE-1d:yyyyMMdd}       20261120   (offsets chain: ${RUN_DATE-1m+2d})
//   ${RUN_DATE+1m}                2026-12-21 (months and years keep the day, clamped to the
//                                             month's end: 2026-01-31 +1m is 2026-02-28)
//   ${RUN_DATE:yyDDD}             26325      (DDD is the day of the year, 001-366)
//   $${                           a literal ${
// Pattern letters: yyyy, yy, MM, dd, DDD; every other letter is an error (so a mistyped
// YYYY or mm is caught), other characters are copied. Offsets and patterns need a value of
// the form YYYY-MM-DD.
// Precedence: --var NAME=VALUE, then vars: in the job file (which may use other variables),
// then the environment, then the built-ins RUN_DATE, JOB_NAME and JOB_DIR.

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mfb/rehost/jobs/job_spec.hpp"
#include "mfb/ebcdic/result.hpp"

namespace mfb::rehost {

/// A proleptic Gregorian calendar date.
struct job_date {
  int year = 1970;
  unsigned month = 1;
  unsigned day = 1;
  friend bool operator==(const job_date&, const job_date&) = default;
};

/// Parse YYYY-MM-DD (a real calendar date); nullopt otherwise.
std::optional<job_date> parse_iso_date(std::string_view text);
/// Add `amount` days (d), weeks (w), months (m) or years (y); months and years clamp the
/// day to the end of the month. Return nullopt for another unit.
std::optional<job_date> add_to_date(job_date date, long amount, char unit);
/// Format with the pattern letters yyyy, yy, MM, dd, DDD; an error names a bad letter run.
mfb::result<std::string> format_date(job_date date, std::string_view pattern);
/// Today's date in the local time zone (TZ is honoured, as cron and systemd set it).
job_date today_local();

/// Looks variables up for one run and expands ${...} references in job texts.
class job_variables {
 public:
  using env_fn = std::function<std::optional<std::string>(const std::string&)>;

  /// `cli` are --var pairs, `file_vars` the job's vars:, `builtins` the lowest layer;
  /// `env` defaults to getenv. `file` labels error messages.
  job_variables(std::vector<std::pair<std::string, std::string>> cli,
                std::vector<std::pair<std::string, job_text>> file_vars,
                std::map<std::string, std::string> builtins, std::string file, env_fn env = {});

  /// Expand every ${...} in `t`. Errors read "FILE:LINE:COL: unknown variable ${X} ...".
  mfb::result<std::string> expand(const job_text& t);
  /// Return a variable's value, or an error naming `where` if it is unknown.
  mfb::result<std::string> value(const std::string& name, const job_text& where);
  /// The variables used so far and their values: the run's identity for resuming.
  const std::map<std::string, std::string>& used() const { return used_; }

 private:
  mfb::result<std::string> reference(std::string_view body, const job_text& where);

  std::map<std::string, std::string> cli_;
  std::vector<std::pair<std::string, job_text>> file_vars_;
  std::map<std::string, std::string> builtins_;
  std::string file_;
  env_fn env_;
  std::map<std::string, std::string> resolved_vars_;  ///< vars: entries already expanded
  std::set<std::string> resolving_;                   ///< vars: entries being expanded (cycles)
  std::map<std::string, std::string> used_;
};

}  // namespace mfb::rehost
