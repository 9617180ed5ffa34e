// `mfbridge runs`: the run history as a table or as JSON (runs with their steps, summaries
// parsed back into objects), from a target database or a state folder's history.sqlite.

#include <map>
#include <nlohmann/json.hpp>

#include "jobs/job_report.hpp"
#include "mfb/rehost/jobs/job.hpp"
#include "mfb/rehost/jobs/job_spec.hpp"
#include "mfb/rehost/jobs/job_vars.hpp"
#include "mfb/rehost/jobs/run_history.hpp"

namespace mfb::rehost {

namespace {

nlohmann::ordered_json parsed_or_null(const std::string& text) {
  if (text.empty()) return nullptr;
  auto j = nlohmann::ordered_json::parse(text, nullptr, false);
  return j.is_discarded() ? nlohmann::ordered_json(text) : j;
}

nlohmann::ordered_json to_json(const run_record& r, const std::vector<step_record>& steps) {
  nlohmann::ordered_json j;
  j["run"] = r.id;
  j["job"] = r.job;
  j["job_file"] = r.job_file;
  j["status"] = r.status;
  j["exit_code"] = r.exit_code;
  j["started_at"] = r.started_at;
  j["ended_at"] =
      r.ended_at.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(r.ended_at);
  j["resumed_from"] =
      r.resumed_from ? nlohmann::ordered_json(*r.resumed_from) : nlohmann::ordered_json();
  j["variables"] = parsed_or_null(r.variables);
  j["host"] = r.host;
  j["pid"] = r.pid;
  j["steps"] = nlohmann::ordered_json::array();
  for (const auto& s : steps) {
    nlohmann::ordered_json js;
    js["index"] = s.index;
    js["name"] = s.name;
    js["kind"] = s.kind;
    js["status"] = s.status;
    js["exit_code"] = s.exit_code ? nlohmann::ordered_json(*s.exit_code) : nlohmann::ordered_json();
    js["seconds"] = s.seconds;
    js["started_at"] = s.started_at;
    js["ended_at"] = s.ended_at;
    js["completed_in"] =
        s.completed_in ? nlohmann::ordered_json(*s.completed_in) : nlohmann::ordered_json();
    js["command"] = parsed_or_null(s.command);
    js["summary"] = parsed_or_null(s.summary);
    js["message"] = s.message;
    j["steps"].push_back(js);
  }
  return j;
}

// One line of the table: columns padded to their widths, as `%-6s %-20s ...` would.
std::string table_row(const std::string& run, const std::string& job, const std::string& status,
                      const std::string& exit_code, const std::string& started,
                      const std::string& ended, const std::string& steps) {
  auto padded = [](std::string text, std::size_t width) {
    if (text.size() < width) text.append(width - text.size(), ' ');
    return text + ' ';
  };
  return padded(run, 6) + padded(job, 20) + padded(status, 11) + padded(exit_code, 4) +
         padded(started, 24) + padded(ended, 24) + steps + "\n";
}

}  // namespace

mfb::result<std::vector<std::pair<std::string, std::string>>> parse_var_assignments(
    const std::vector<std::string>& texts) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& text : texts) {
    auto eq = text.find('=');
    bool ok = eq != std::string::npos && eq > 0 && !(text[0] >= '0' && text[0] <= '9');
    for (std::size_t i = 0; ok && i < eq; ++i) {
      char c = text[i];
      ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    }
    if (!ok) return mfb::error{"--var expects NAME=VALUE, got " + text};
    out.emplace_back(text.substr(0, eq), text.substr(eq + 1));
  }
  return out;
}

runs_listing list_runs(const runs_options& opts, bridge::reporter& rep) {
  using bridge::failure_kind;
  runs_listing out;
  auto fail = [&](failure_kind kind, const std::string& why) {
    rep.message(bridge::severity::error, why);
    out.failure = kind;
    return out;
  };
  std::string job = opts.job;
  std::string location = opts.target;
  std::filesystem::path state_dir = opts.state_dir;
  if (!opts.job_file.empty()) {
    auto spec = load_job_file(opts.job_file);
    if (!spec) {
      return fail(failure_kind::usage, spec.err().message);
    }
    if (job.empty()) job = spec->name;
    if (location.empty() && spec->target) {
      std::error_code ec;
      std::map<std::string, std::string> builtins{
          {"RUN_DATE", *format_date(today_local(), "yyyy-MM-dd")},
          {"JOB_NAME", spec->name},
          {"JOB_DIR", std::filesystem::absolute(opts.job_file, ec).parent_path().string()}};
      job_variables vars(opts.vars, spec->vars, builtins, opts.job_file.string());
      auto t = vars.expand(*spec->target);
      if (!t) {
        return fail(failure_kind::usage, t.err().message);
      }
      location = *t;
      // The job's own target before its first run: nothing recorded yet, not a typo.
      std::error_code missing;
      if (location.rfind("sqlite:", 0) == 0 &&
          !std::filesystem::exists(location.substr(7), missing)) {
        out.text = opts.json ? "[]\n" : "no runs recorded in " + location + "\n";
        return out;
      }
    }
    if (state_dir.empty()) {
      auto parent = opts.job_file.parent_path();
      state_dir = (parent.empty() ? std::filesystem::path(".") : parent) / ".mfbridge";
    }
  }
  if (location.empty()) {
    auto file =
        (state_dir.empty() ? std::filesystem::path(".mfbridge") : state_dir) / "history.sqlite";
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) {
      out.text = opts.json ? "[]\n" : "no runs recorded in " + file.string() + "\n";
      return out;
    }
    location = "sqlite:" + file.string();
  }
  // A reader: a misspelled --target is an error, never a new empty history.
  auto history = open_run_history(location, false);
  if (!history) {
    return fail(failure_kind::target, history.err().message);
  }
  auto runs = (*history)->runs(job, opts.limit);
  if (!runs) {
    return fail(failure_kind::target, runs.err().message);
  }
  nlohmann::ordered_json all = nlohmann::ordered_json::array();
  if (!opts.json)
    out.text += table_row("RUN", "JOB", "STATUS", "EXIT", "STARTED", "ENDED", "STEPS");
  for (const auto& r : *runs) {
    auto steps = (*history)->steps(r.id);
    if (!steps) {
      return fail(failure_kind::target, steps.err().message);
    }
    if (opts.json) {
      all.push_back(to_json(r, *steps));
      continue;
    }
    std::map<std::string, int> counts;
    for (const auto& s : *steps) ++counts[s.status];
    std::string tally;
    for (const auto& [status, n] : counts)
      tally += (tally.empty() ? "" : ", ") + std::to_string(n) + " " + status;
    out.text += table_row(std::to_string(r.id), r.job, r.status, std::to_string(r.exit_code),
                          r.started_at, r.ended_at.empty() ? "-" : r.ended_at, tally);
  }
  if (opts.json) out.text += all.dump(2) + "\n";
  return out;
}

}  // namespace mfb::rehost
