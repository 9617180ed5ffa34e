#pragma once
// One run of a planned job, step by step: JCL-like conditions, the state file rewritten at
// every step boundary (so a runner killed at any point can be resumed), history rows and
// the log lines that go with them. run_job (job_runner.cpp) decides whether to run at all.

#include <map>
#include <optional>
#include <set>
#include <string>

#include "jobs/job_plan.hpp"
#include "jobs/job_process.hpp"
#include "jobs/job_report.hpp"
#include "jobs/job_state.hpp"
#include "mfb/bridge/io/outcome.hpp"
#include "mfb/rehost/jobs/job.hpp"
#include "mfb/rehost/jobs/run_history.hpp"

namespace mfb::rehost::detail {

// One run of a planned job: owns the lock's consequences (state, history, log, messages).
class step_runner {
 public:
  step_runner(const job_plan& plan, const job_run_options& opts, std::string state_dir,
              std::map<step_kind, std::set<std::string>> flags, run_history& history,
              std::string history_name, job_log& log, bridge::reporter& rep)
      : plan_(plan),
        opts_(opts),
        state_dir_(std::move(state_dir)),
        flags_(std::move(flags)),
        history_(history),
        history_name_(std::move(history_name)),
        log_(log),
        rep_(rep) {}

  /// Run the plan's steps (after `prev`'s completed ones when resuming); the exit code.
  int run(const std::optional<job_state>& prev, bool resume);

 private:
  void execute(const planned_step& p, step_record& rec, state_step& st);
  /// Run a command step in this process, or as a child when steps are isolated.
  child_outcome run_command(const std::vector<std::string>& argv);
  void finish_step(step_record& rec, state_step& st, const std::string& status,
                   const std::string& message);
  void print_line(const step_record& rec);
  void save_state();
  void save_step(const step_record& rec);
  void history_error(const std::string& message);

  const job_plan& plan_;
  const job_run_options& opts_;
  std::string state_dir_;
  std::map<step_kind, std::set<std::string>> flags_;
  run_history& history_;
  std::string history_name_;
  job_log& log_;
  bridge::reporter& rep_;
  job_state state_;
  bool history_failed_ = false;
};

}  // namespace mfb::rehost::detail
