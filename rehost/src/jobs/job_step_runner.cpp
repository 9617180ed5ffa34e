// The steps of one job run; see job_step_runner.hpp.

#include "jobs/job_step_runner.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "jobs/job_check.hpp"
#include "jobs/job_process.hpp"

namespace mfb::rehost::detail {

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

}  // namespace

int step_runner::run(const std::optional<job_state>& prev, bool resume) {
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
    rep_.message(bridge::severity::error, id.err().message);
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
  rep_.message(bridge::severity::info, run.job + " run " + std::to_string(run.id) + " started" +
                                          (vars.empty() ? "" : " (" + vars + ")"));
  if (resume)
    rep_.message(bridge::severity::info, "resuming run " + std::to_string(prev->run_id) +
                                             ", which ended " + prev->status);
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
  char line[128];
  std::snprintf(line, sizeof line, "exit %d, in %.1f s", run.exit_code, secs);
  rep_.message(run.exit_code == 0 ? bridge::severity::info : bridge::severity::error,
               run.job + " run " + std::to_string(run.id) + " " + run.status + ", " + line + " (" +
                   tally + "); history in " + history_name_);
  return run.exit_code;
}

void step_runner::execute(const planned_step& p, step_record& rec, state_step& st) {
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
    child_outcome c = run_command(argv);
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

child_outcome step_runner::run_command(const std::vector<std::string>& argv) {
  if (opts_.isolate_steps || !opts_.run_in_process) return run_child(opts_.executable, argv);
  child_outcome out;
  // The step's command writes to the same stdout as the runner (a convert to "-"): flush
  // around it so that the runner's and the step's bytes reach the file in the order they
  // were written. Flushing writes nothing new; it is not a message of the library's own.
  std::fflush(stdout);
  std::fflush(stderr);
  out.exit_code = opts_.run_in_process(argv);
  std::fflush(stdout);
  std::fflush(stderr);
  out.interrupted = stop_signal() != 0;
  return out;
}

void step_runner::finish_step(step_record& rec, state_step& st, const std::string& status,
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

void step_runner::print_line(const step_record& rec) {
  std::string line = plan_.spec.name + " step " + std::to_string(rec.index) +
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
  rep_.message(rec.status == "ok" || rec.status == "skipped" ? bridge::severity::info
                                                            : bridge::severity::warning,
               line);
}

void step_runner::save_state() {
  auto file = std::filesystem::path(state_dir_) / (plan_.spec.name + ".state.json");
  if (auto r = write_state(file, state_); !r) history_error(r.err().message);
}

void step_runner::save_step(const step_record& rec) {
  if (auto r = history_.save_step(rec); !r) history_error(r.err().message);
}

void step_runner::history_error(const std::string& message) {
  if (!history_failed_) rep_.message(bridge::severity::error, message);
  history_failed_ = true;
}

}  // namespace mfb::rehost::detail
