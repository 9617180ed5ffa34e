// Timestamps, the JSON-lines log, the readable step summary and the dry-run plan.

#include "jobs/job_report.hpp"

#include <chrono>
#include <ctime>
#include <nlohmann/json.hpp>

namespace mfb::rehost::detail {

std::string iso_now() {
  using namespace std::chrono;
  auto now = system_clock::now();
  std::time_t t = system_clock::to_time_t(now);
  auto ms = duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[40];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  char out[48];
  std::snprintf(out, sizeof out, "%s.%03dZ", buf, static_cast<int>(ms));
  return out;
}

job_log::~job_log() {
  if (file_) std::fclose(file_);
}

mfb::result<bool> job_log::open(const std::string& path) {
  if (path.empty()) return true;
  file_ = std::fopen(path.c_str(), "a");
  if (!file_) return mfb::error{path + ": cannot open the job log for appending"};
  return true;
}

void job_log::write(const std::string& event, const std::string& json_fields) {
  if (!file_) return;
  nlohmann::ordered_json j;
  j["time"] = iso_now();
  j["event"] = event;
  auto fields = nlohmann::ordered_json::parse(json_fields, nullptr, false);
  if (fields.is_object())
    for (auto& [k, v] : fields.items()) j[k] = v;
  std::string line = j.dump() + "\n";
  std::fwrite(line.data(), 1, line.size(), file_);
  std::fflush(file_);
}

std::string summary_path(const std::string& state_dir, const std::string& job, int index) {
  return state_dir + "/" + job + ".step" + std::to_string(index) + ".summary.json";
}

std::string summary_brief(const std::string& summary_json) {
  auto j = nlohmann::json::parse(summary_json, nullptr, false);
  if (!j.is_object()) return {};
  // Counts a scheduler's reader looks for first; other numbers stay in the stored summary.
  static const std::pair<const char*, const char*> keys[] = {
      {"records_read", "records read"}, {"records_written", "written"},
      {"records_loaded", "loaded"},     {"records_rejected", "rejected"},
      {"inserts", "inserts"},           {"updates", "updates"},
      {"deletes", "deletes"},           {"records", "records"}};
  std::string out;
  for (const auto& [key, label] : keys) {
    if (!j.contains(key) || !j[key].is_number_integer()) continue;
    if (!out.empty()) out += ", ";
    out += std::to_string(j[key].get<long long>()) + " " + label;
  }
  if (j.contains("checks") && j["checks"].is_array()) {
    for (const auto& c : j["checks"]) {
      if (!c.contains("records")) continue;
      if (!out.empty()) out += ", ";
      out += std::to_string(c["records"].get<long long>()) + " records";
    }
  }
  return out;
}

std::vector<std::optional<std::int64_t>> steps_to_skip(const job_plan& plan,
                                                       const job_state& prev) {
  std::vector<std::optional<std::int64_t>> out(plan.steps.size());
  for (std::size_t i = 0; i < plan.steps.size(); ++i) {
    const state_step* before = nullptr;
    for (const auto& s : prev.steps)
      if (s.name == plan.steps[i].name) before = &s;
    if (!before) break;
    if (before->status == "not_run") continue;  // a condition decides again; keep resuming
    if ((before->status != "ok" && before->status != "skipped") ||
        before->signature != plan.steps[i].signature)
      break;
    out[i] = before->completed_in ? *before->completed_in : prev.run_id;
  }
  return out;
}

std::string render_plan(const job_plan& plan,
                        const std::map<step_kind, std::set<std::string>>& flags,
                        const std::string& history, const std::string& state_dir,
                        const std::string& resume_note,
                        const std::vector<std::optional<std::int64_t>>& skips,
                        const std::vector<std::string>& problems) {
  std::string out;
  out += "job " + plan.spec.name + " (" + plan.spec.file.string() + "): " +
         std::to_string(plan.steps.size()) + " steps\n";
  if (!plan.target.empty()) out += "  target:    " + plan.target + "\n";
  out += "  history:   " + history + "\n";
  out += "  state:     " + state_dir + "\n";
  if (!plan.log.empty()) out += "  log:       " + plan.log + "\n";
  std::string vars;
  for (const auto& [k, v] : plan.variables) vars += (vars.empty() ? "" : ", ") + k + "=" + v;
  out += "  variables: " + (vars.empty() ? std::string("(none used)") : vars) + "\n";
  if (!resume_note.empty()) out += "  resume:    " + resume_note + "\n";
  for (const auto& s : plan.steps) {
    std::string note;
    auto idx = static_cast<std::size_t>(s.index - 1);
    if (idx < skips.size() && skips[idx])
      note = "  [would skip: completed in run " + std::to_string(*skips[idx]) + "]";
    char number[16];
    std::snprintf(number, sizeof number, "%3d. ", s.index);
    out += number + s.name + " (" + std::string(to_string(s.kind)) + ", " +
           std::string(to_string(s.when)) + ")" + note + "\n";
    if (s.kind == step_kind::check) {
      for (const auto& c : s.checks) {
        std::string args;
        for (const auto& [k, vs] : c.args)
          for (const auto& v : vs) args += " " + k + "=" + shell_quote({v});
        out += "       " + c.what + args + "\n";
      }
      continue;
    }
    auto f = flags.find(s.kind);
    auto argv = final_argv(s, f == flags.end() ? nullptr : &f->second, plan.target,
                           summary_path(state_dir, plan.spec.name, s.index));
    out += "       " + shell_quote(argv) + "\n";
  }
  if (!problems.empty()) {
    out += "problems:\n";
    for (const auto& p : problems) out += "  " + p + "\n";
  }
  out += "dry run: nothing was run; " + std::to_string(problems.size()) + " problem" +
         (problems.size() == 1 ? "" : "s") + "\n";
  return out;
}

}  // namespace mfb::rehost::detail
