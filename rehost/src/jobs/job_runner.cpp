// run_job: load and expand the job, then (unless it is a dry run) lock it, decide whether to
// resume the last run, and run the steps in order with JCL-like conditions. The state file
// is rewritten at every step boundary, so a runner killed at any point leaves a state that
// the next run can resume from; the history rows follow the same boundaries.

#include <filesystem>

#include "jobs/job_check.hpp"
#include "jobs/job_plan.hpp"
#include "jobs/job_process.hpp"
#include "jobs/job_report.hpp"
#include "jobs/job_state.hpp"
#include "jobs/job_step_runner.hpp"
#include "mfb/rehost/jobs/job.hpp"
#include "mfb/rehost/jobs/run_history.hpp"

namespace mfb::rehost {

namespace {

std::string resume_note(const std::optional<detail::job_state>& prev, const detail::job_plan& plan,
                        bool restart, bool& resume) {
  resume = false;
  if (!prev || prev->job != plan.spec.name) return {};
  bool unfinished =
      prev->status == "failed" || prev->status == "interrupted" || prev->status == "running";
  std::string run = "run " + std::to_string(prev->run_id);
  if (!unfinished) return {};
  if (restart) return run + " did not finish; --restart starts afresh";
  if (prev->fingerprint != plan.fingerprint)
    return run + " did not finish, but with other variables; starting afresh";
  resume = true;
  return "resuming " + run + " (" + (prev->status == "running" ? "interrupted" : prev->status) +
         ")";
}

// A previous runner died without recording its end: mark its run and running step.
void close_dead_run(detail::job_state& prev, run_history& history, const std::string& history_name,
                    const std::filesystem::path& state_file) {
  if (prev.status != "running") return;
  std::string now = detail::iso_now();
  if (prev.history == history_name) {
    if (auto steps = history.steps(prev.run_id)) {
      for (auto& s : *steps) {
        if (s.status != "running") continue;
        s.status = "interrupted";
        s.exit_code = 4;
        s.ended_at = now;
        s.message = "the runner stopped during this step (killed, or the machine went down)";
        history.save_step(s);
      }
    }
    run_record r;
    r.id = prev.run_id;
    r.ended_at = now;
    r.status = "interrupted";
    r.exit_code = 4;
    history.end_run(r);
  }
  for (auto& s : prev.steps)
    if (s.status == "running") s.status = "interrupted";
  prev.status = "interrupted";
  detail::write_state(state_file, prev);
}

std::vector<std::string> missing_inputs(const detail::job_plan& plan) {
  std::vector<std::string> problems;
  std::set<std::string> named_earlier;
  for (const auto& s : plan.steps) {
    for (const auto& in : s.inputs) {
      std::error_code ec;
      if (!named_earlier.count(in) && !std::filesystem::exists(in, ec))
        problems.push_back(plan.spec.file.string() + ":" + std::to_string(s.line) + ": step " +
                           s.name + " reads " + in +
                           ", which does not exist (and no earlier step names it)");
    }
    named_earlier.insert(s.values.begin(), s.values.end());
  }
  return problems;
}

// A job's code is its worst step's, and the steps are mfbridge commands whose exit codes
// follow DESIGN.md's table (a child's codes above 4 were already recorded as 4).
bridge::failure_kind failure_of_step_code(int code) {
  switch (code) {
    case 0: return bridge::failure_kind::none;
    case 1: return bridge::failure_kind::usage;
    case 2: return bridge::failure_kind::bad_data;
    case 3: return bridge::failure_kind::mismatch;
    default: return bridge::failure_kind::target;
  }
}

job_outcome ended(bridge::failure_kind why) {
  job_outcome out;
  out.failure = why;
  return out;
}

}  // namespace

std::string job_run_options::validate() const {
  if (job_file.empty()) return "a job file is required";
  if (executable.empty()) return "no mfbridge executable to run steps with";
  return {};
}

job_outcome run_job(const job_run_options& opts, bridge::reporter& rep) {
  using namespace detail;
  if (auto why = opts.validate(); !why.empty()) {
    rep.message(bridge::severity::error, why);
    return ended(bridge::failure_kind::usage);
  }
  auto spec = load_job_file(opts.job_file);
  if (!spec) {
    rep.message(bridge::severity::error, spec.err().message);
    return ended(bridge::failure_kind::usage);
  }
  std::error_code ec;
  std::filesystem::path job_dir = std::filesystem::absolute(opts.job_file, ec).parent_path();
  std::map<std::string, std::string> builtins{
      {"RUN_DATE", *format_date(today_local(), "yyyy-MM-dd")},
      {"JOB_NAME", spec->name},
      {"JOB_DIR", job_dir.string()}};
  job_variables vars(opts.vars, spec->vars, builtins, opts.job_file.string());
  auto plan = build_plan(*spec, vars);
  if (!plan) {
    rep.message(bridge::severity::error, plan.err().message);
    return ended(bridge::failure_kind::usage);
  }
  std::filesystem::path parent = opts.job_file.parent_path();
  std::string state_dir = !opts.state_dir.empty() ? opts.state_dir.string()
                          : parent.empty()        ? std::string(".mfbridge")
                                                  : (parent / ".mfbridge").string();
  std::string history_name =
      plan->target.empty() ? "sqlite:" + state_dir + "/history.sqlite" : plan->target;
  auto state_file = std::filesystem::path(state_dir) / (spec->name + ".state.json");

  std::map<step_kind, std::set<std::string>> flags;
  std::vector<std::string> missing;
  auto problems = check_flags(*plan, opts.executable, flags, missing);
  std::optional<job_state> prev = read_state(state_file);
  bool resume = false;
  std::string note = resume_note(prev, *plan, opts.restart, resume);

  if (opts.dry_run) {
    for (const auto& m : missing) problems.push_back("this mfbridge has no " + m + " command");
    auto inputs = missing_inputs(*plan);
    problems.insert(problems.end(), inputs.begin(), inputs.end());
    std::vector<std::optional<std::int64_t>> skips;
    if (resume) skips = steps_to_skip(*plan, *prev);
    job_outcome dry =
        ended(problems.empty() ? bridge::failure_kind::none : bridge::failure_kind::usage);
    dry.plan = render_plan(*plan, flags, history_name, state_dir, note, skips, problems);
    return dry;
  }
  if (!problems.empty()) {
    for (const auto& p : problems) rep.message(bridge::severity::error, p);
    return ended(bridge::failure_kind::usage);
  }
  std::filesystem::create_directories(state_dir, ec);
  if (ec) {
    rep.message(bridge::severity::error, "cannot create the state folder " + state_dir + ": " +
                                             ec.message() + " (see --state-dir)");
    return ended(bridge::failure_kind::target);
  }
  auto lock =
      job_lock::acquire(std::filesystem::path(state_dir) / (spec->name + ".lock"), spec->name);
  if (!lock) {
    rep.message(bridge::severity::error, lock.err().message);
    return ended(bridge::failure_kind::target);
  }
  // Read again under the lock: the state may have changed since the first look.
  prev = read_state(state_file);
  auto history = open_run_history(history_name);
  if (!history) {
    rep.message(bridge::severity::error, history.err().message);
    return ended(bridge::failure_kind::target);
  }
  job_log log;
  if (auto r = log.open(plan->log); !r) {
    rep.message(bridge::severity::error, r.err().message);
    return ended(bridge::failure_kind::target);
  }
  if (prev) close_dead_run(*prev, **history, history_name, state_file);
  note = resume_note(prev, *plan, opts.restart, resume);
  if (!note.empty() && !resume) rep.message(bridge::severity::info, note);
  install_stop_handlers();
  detail::step_runner r(*plan, opts, state_dir, flags, **history, history_name, log, rep);
  job_outcome done;
  done.recorded_exit_code = r.run(prev, resume);
  remove_stop_handlers();
  done.failure = failure_of_step_code(done.recorded_exit_code);
  return done;
}

}  // namespace mfb::rehost
