// run_job: load and expand the job, then (unless it is a dry run) lock it, decide whether to
// resume the last run, and run the steps in order with JCL-like conditions. The state file
// is rewritten at every step boundary, so a runner killed at any point leaves a state that
// the next run can resume from; the history rows follow the same boundaries.

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "job_check.hpp"
#include "job_plan.hpp"
#include "job_process.hpp"
#include "job_report.hpp"
#include "job_state.hpp"
#include "mfb/bridge/job.hpp"
#include "mfb/bridge/run_history.hpp"

namespace mfb::bridge {

namespace detail {
namespace {

using clock_type = std::chrono::steady_clock;

double seconds_since(clock_type::time_point t0) {
  return std::chrono::duration<double>(clock_type::now() - t0).count();
}

std::string read_summary(const std::string& path) {
  std::ifstream in(path);
  if (!in) return {};
  std::ostringstream text;
  text << in.rdbuf();
  auto j = nlohmann::json::parse(text.str(), nullptr, false);
  if (j.is_discarded()) return nlohmann::json{{"unparsed_summary", text.str()}}.dump();
  return j.dump();
}

std::string hostname() {
  char buf[256] = {};
  if (gethostname(buf, sizeof buf - 1) != 0) return {};
  return buf;
}

// One run of a planned job: owns the lock's consequences (state, history, log, messages).
class runner {
 public:
  runner(const job_plan& plan, const job_run_options& opts, std::string state_dir,
         std::map<step_kind, std::set<std::string>> flags, run_history& history,
         std::string history_name, job_log& log, std::FILE* err)
      : plan_(plan),
        opts_(opts),
        state_dir_(std::move(state_dir)),
        flags_(std::move(flags)),
        history_(history),
        history_name_(std::move(history_name)),
        log_(log),
        err_(err) {}

  int run(const std::optional<job_state>& prev, bool resume) {
    auto t0 = clock_type::now();
    run_record run;
    run.job = plan_.spec.name;
    run.job_file = plan_.spec.file.string();
    run.started_at = iso_now();
    run.status = "running";
    run.variables = nlohmann::json(plan_.variables).dump();
    run.host = hostname();
    run.pid = static_cast<int>(getpid());
    std::vector<std::optional<std::int64_t>> skips(plan_.steps.size());
    if (resume) {
      run.resumed_from = prev->run_id;
      skips = steps_to_skip(plan_, *prev);
    }
    auto id = history_.begin_run(run);
    if (!id) {
      std::fprintf(err_, "mfbridge run: %s\n", id.err().message.c_str());
      return 4;
    }
    run.id = *id;
    state_.job = plan_.spec.name;
    state_.run_id = run.id;
    state_.fingerprint = plan_.fingerprint;
    state_.history = history_name_;
    state_.status = "running";
    for (const auto& s : plan_.steps)
      state_.steps.push_back({s.name, s.signature, "pending", {}, {}});
    save_state();
    std::string vars;
    for (const auto& [k, v] : plan_.variables) vars += (vars.empty() ? "" : ", ") + k + "=" + v;
    std::fprintf(err_, "mfbridge run: %s run %lld started%s%s%s\n", run.job.c_str(),
                 static_cast<long long>(run.id), vars.empty() ? "" : " (", vars.c_str(),
                 vars.empty() ? "" : ")");
    if (resume)
      std::fprintf(err_, "mfbridge run: resuming run %lld, which ended %s\n",
                   static_cast<long long>(prev->run_id), prev->status.c_str());
    nlohmann::json start{{"job", run.job},
                         {"run", run.id},
                         {"job_file", run.job_file},
                         {"variables", plan_.variables}};
    if (resume) start["resumed_from"] = prev->run_id;
    log_.write("job_start", start.dump());

    bool failed = false;
    bool stopped = false;
    int worst = 0;
    std::map<std::string, int> counts;
    for (std::size_t i = 0; i < plan_.steps.size(); ++i) {
      const planned_step& p = plan_.steps[i];
      step_record rec;
      rec.run_id = run.id;
      rec.index = p.index;
      rec.name = p.name;
      rec.kind = std::string(to_string(p.kind));
      rec.command = p.signature;
      state_step& st = state_.steps[i];
      if (!stopped && stop_signal()) stopped = true;
      if (stopped) {
        finish_step(rec, st, "not_run", "the run was stopped");
      } else if (skips[i]) {
        rec.completed_in = skips[i];
        st.completed_in = skips[i];
        finish_step(rec, st, "skipped", "completed in run " + std::to_string(*skips[i]));
      } else if (!(p.when == step_when::always || (p.when == step_when::on_success && !failed) ||
                   (p.when == step_when::on_failure && failed))) {
        finish_step(rec, st, "not_run",
                    failed ? "an earlier step failed" : "no earlier step failed");
      } else {
        execute(p, rec, st);
        if (rec.exit_code && *rec.exit_code != 0) failed = true;
        worst = std::max(worst, rec.exit_code.value_or(0));
        if (st.status == "interrupted") stopped = true;
      }
      ++counts[rec.status];
    }
    if (history_failed_) worst = std::max(worst, 4);
    run.exit_code = stopped ? std::max(worst, 4) : worst;
    run.status = stopped ? "interrupted" : run.exit_code == 0 ? "succeeded" : "failed";
    run.ended_at = iso_now();
    state_.status = run.status;
    save_state();
    if (auto r = history_.end_run(run); !r) history_error(r.err().message);
    if (history_failed_) run.exit_code = std::max(run.exit_code, 4);
    double secs = seconds_since(t0);
    log_.write("job_end", nlohmann::json{{"job", run.job},
                                         {"run", run.id},
                                         {"status", run.status},
                                         {"exit_code", run.exit_code},
                                         {"seconds", secs}}
                              .dump());
    std::string tally;
    for (const auto& [status, n] : counts)
      tally += (tally.empty() ? "" : ", ") + std::to_string(n) + " " + status;
    std::fprintf(err_, "mfbridge run: %s run %lld %s, exit %d, in %.1f s (%s); history in %s\n",
                 run.job.c_str(), static_cast<long long>(run.id), run.status.c_str(), run.exit_code,
                 secs, tally.c_str(), history_name_.c_str());
    return run.exit_code;
  }

 private:
  void execute(const planned_step& p, step_record& rec, state_step& st) {
    auto t0 = clock_type::now();
    rec.started_at = iso_now();
    rec.status = "running";
    st.status = "running";
    save_state();
    save_step(rec);
    std::vector<std::string> argv;
    std::string summary_file;
    if (p.kind != step_kind::check) {
      auto f = flags_.find(p.kind);
      const std::set<std::string>* fl = f == flags_.end() ? nullptr : &f->second;
      std::string own = summary_path(state_dir_, plan_.spec.name, p.index);
      argv = final_argv(p, fl, plan_.target, own);
      for (std::size_t i = 0; i + 1 < argv.size(); ++i)
        if (argv[i] == "--summary-json") summary_file = argv[i + 1];
      if (summary_file == own) std::remove(own.c_str());
      rec.command = nlohmann::json(argv).dump();
    }
    log_.write("step_start", nlohmann::json{{"job", plan_.spec.name},
                                            {"run", rec.run_id},
                                            {"step", p.name},
                                            {"index", p.index},
                                            {"kind", rec.kind},
                                            {"command", nlohmann::json::parse(rec.command)}}
                                 .dump());
    std::string status = "ok";
    if (p.kind == step_kind::check) {
      check_outcome c = run_checks(p);
      rec.exit_code = c.exit_code;
      rec.message = c.message;
      rec.summary = c.summary_json;
    } else {
      child_outcome c = run_child(opts_.executable, argv);
      rec.exit_code = c.exit_code;
      rec.message = c.message;
      if (!summary_file.empty()) rec.summary = read_summary(summary_file);
      if (c.interrupted) {
        status = "interrupted";
        rec.exit_code = std::max(c.exit_code, 4);
        rec.message = "stopped by signal " + std::to_string(stop_signal()) +
                      (c.message.empty() ? "" : "; the command " + c.message);
      }
    }
    if (status == "ok" && *rec.exit_code != 0) status = "failed";
    rec.seconds = seconds_since(t0);
    if (status == "ok") st.completed_in = rec.run_id;
    st.exit_code = rec.exit_code;
    finish_step(rec, st, status, rec.message);
  }

  void finish_step(step_record& rec, state_step& st, const std::string& status,
                   const std::string& message) {
    rec.status = status;
    rec.message = message;
    if (rec.ended_at.empty() && !rec.started_at.empty()) rec.ended_at = iso_now();
    st.status = status;
    save_state();
    save_step(rec);
    nlohmann::json ev{{"job", plan_.spec.name}, {"run", rec.run_id}, {"step", rec.name},
                      {"index", rec.index},     {"kind", rec.kind},  {"status", status}};
    if (rec.exit_code) ev["exit_code"] = *rec.exit_code;
    if (!rec.started_at.empty()) ev["seconds"] = rec.seconds;
    if (rec.completed_in) ev["completed_in"] = *rec.completed_in;
    if (!rec.summary.empty()) ev["summary"] = nlohmann::json::parse(rec.summary, nullptr, false);
    if (!message.empty()) ev["message"] = message;
    log_.write("step_end", ev.dump());
    print_line(rec);
  }

  void print_line(const step_record& rec) {
    std::string line = "mfbridge run: " + plan_.spec.name + " step " + std::to_string(rec.index) +
                       "/" + std::to_string(plan_.steps.size()) + " " + rec.name + " (" + rec.kind +
                       "): ";
    if (rec.status == "skipped" || rec.status == "not_run") {
      line += (rec.status == "skipped" ? "skipped (" : "not run (") + rec.message + ")";
    } else {
      char secs[32];
      std::snprintf(secs, sizeof secs, "%.2f s", rec.seconds);
      line += rec.status + ", exit " + std::to_string(rec.exit_code.value_or(0)) + ", " + secs;
      if (auto brief = summary_brief(rec.summary); !brief.empty()) line += ", " + brief;
      if (!rec.message.empty()) line += ": " + rec.message;
    }
    std::fprintf(err_, "%s\n", line.c_str());
    std::fflush(err_);
  }

  void save_state() {
    auto file = std::filesystem::path(state_dir_) / (plan_.spec.name + ".state.json");
    if (auto r = write_state(file, state_); !r) history_error(r.err().message);
  }

  void save_step(const step_record& rec) {
    if (auto r = history_.save_step(rec); !r) history_error(r.err().message);
  }

  void history_error(const std::string& message) {
    if (!history_failed_) std::fprintf(err_, "mfbridge run: %s\n", message.c_str());
    history_failed_ = true;
  }

  const job_plan& plan_;
  const job_run_options& opts_;
  std::string state_dir_;
  std::map<step_kind, std::set<std::string>> flags_;
  run_history& history_;
  std::string history_name_;
  job_log& log_;
  std::FILE* err_;
  job_state state_;
  bool history_failed_ = false;
};

}  // namespace
}  // namespace detail

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

}  // namespace

std::string job_run_options::validate() const {
  if (job_file.empty()) return "a job file is required";
  if (executable.empty()) return "no mfbridge executable to run steps with";
  return {};
}

int run_job(const job_run_options& opts, std::FILE* out, std::FILE* err) {
  using namespace detail;
  if (auto why = opts.validate(); !why.empty()) {
    std::fprintf(err, "mfbridge run: %s\n", why.c_str());
    return 1;
  }
  auto spec = load_job_file(opts.job_file);
  if (!spec) {
    std::fprintf(err, "mfbridge run: %s\n", spec.err().message.c_str());
    return 1;
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
    std::fprintf(err, "mfbridge run: %s\n", plan.err().message.c_str());
    return 1;
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
    print_plan(*plan, flags, history_name, state_dir, note, skips, problems, out);
    return problems.empty() ? 0 : 1;
  }
  if (!problems.empty()) {
    for (const auto& p : problems) std::fprintf(err, "mfbridge run: %s\n", p.c_str());
    return 1;
  }
  std::filesystem::create_directories(state_dir, ec);
  if (ec) {
    std::fprintf(err, "mfbridge run: cannot create the state folder %s: %s (see --state-dir)\n",
                 state_dir.c_str(), ec.message().c_str());
    return 4;
  }
  auto lock =
      job_lock::acquire(std::filesystem::path(state_dir) / (spec->name + ".lock"), spec->name);
  if (!lock) {
    std::fprintf(err, "mfbridge run: %s\n", lock.err().message.c_str());
    return 4;
  }
  // Read again under the lock: the state may have changed since the first look.
  prev = read_state(state_file);
  auto history = open_run_history(history_name);
  if (!history) {
    std::fprintf(err, "mfbridge run: %s\n", history.err().message.c_str());
    return 4;
  }
  job_log log;
  if (auto r = log.open(plan->log); !r) {
    std::fprintf(err, "mfbridge run: %s\n", r.err().message.c_str());
    return 4;
  }
  if (prev) close_dead_run(*prev, **history, history_name, state_file);
  note = resume_note(prev, *plan, opts.restart, resume);
  if (!note.empty() && !resume) std::fprintf(err, "mfbridge run: %s\n", note.c_str());
  install_stop_handlers();
  runner r(*plan, opts, state_dir, flags, **history, history_name, log, err);
  int code = r.run(prev, resume);
  remove_stop_handlers();
  return code;
}

}  // namespace mfb::bridge
