// From a parsed job to argv lists: every text expanded, option keys turned into long flags
// (`copybook: x.cpy` -> --copybook x.cpy, lists repeat the flag, `true` is a bare switch,
// `false` leaves the flag out), and checks gathered with their arguments.

#include "jobs/job_plan.hpp"

#include <nlohmann/json.hpp>

#include "jobs/job_process.hpp"

namespace mfb::rehost::detail {

namespace {

// Keys whose values are files the step reads; a dry run wants them to exist already.
const std::set<std::string> input_keys = {"input", "copybook", "include",    "old",
                                          "new",   "path",     "file_exists"};
const std::set<std::string> check_names = {"file_exists", "file_size", "record_count"};

std::string flag_name(std::string key) {
  for (char& c : key)
    if (c == '_') c = '-';
  return key;
}

std::string at(const job_spec& spec, int line) {
  return spec.file.string() + ":" + std::to_string(line) + ": ";
}

mfb::result<std::vector<std::string>> expand_all(const job_value& v, job_variables& vars) {
  std::vector<std::string> out;
  if (v.what == job_value::kind::list) {
    for (const auto& item : v.items) {
      auto e = vars.expand(item);
      if (!e) return e.err();
      out.push_back(*e);
    }
  } else {
    auto e = vars.expand(v.scalar);
    if (!e) return e.err();
    out.push_back(*e);
  }
  return out;
}

mfb::result<bool> plan_command(const job_spec& spec, const job_step& s, planned_step& p,
                               job_variables& vars) {
  p.argv = {"mfbridge", std::string(to_string(s.kind))};
  for (const auto& o : s.options) {
    if (o.key.empty() || o.key[0] == '-')
      return mfb::error{at(spec, o.line) + "write option " + o.key + " without its dashes"};
    std::string flag = flag_name(o.key);
    if (o.value.what == job_value::kind::map)
      return mfb::error{at(spec, o.line) + o.key + " takes a value or a list, not a map"};
    if (!p.flags_given.insert(flag).second)
      return mfb::error{at(spec, o.line) + "option " + flag +
                        " given twice (use a list to repeat it)"};
    if (o.value.what == job_value::kind::boolean) {
      if (o.value.flag) p.argv.push_back("--" + flag);
      continue;
    }
    auto values = expand_all(o.value, vars);
    if (!values) return values.err();
    for (const auto& v : *values) {
      p.argv.push_back("--" + flag);
      p.argv.push_back(v);
      p.values.push_back(v);
      if (input_keys.count(flag) && v != "-") p.inputs.push_back(v);
    }
  }
  p.signature = nlohmann::json(p.argv).dump();
  return true;
}

mfb::result<bool> plan_checks(const job_spec& spec, const job_step& s, planned_step& p,
                              job_variables& vars) {
  nlohmann::json sig = nlohmann::json::array();
  for (const auto& o : s.options) {
    if (!check_names.count(o.key))
      return mfb::error{at(spec, o.line) + "unknown check " + o.key +
                        " (file_exists, file_size, record_count)"};
    resolved_check c;
    c.what = o.key;
    c.line = o.line;
    if (o.key == "file_exists") {
      if (o.value.what == job_value::kind::map || o.value.what == job_value::kind::boolean)
        return mfb::error{at(spec, o.line) + "file_exists takes a path or a list of paths"};
      auto values = expand_all(o.value, vars);
      if (!values) return values.err();
      c.args.emplace_back("path", *values);
    } else {
      if (o.value.what != job_value::kind::map)
        return mfb::error{at(spec, o.line) + o.key +
                          " takes a map of options (input:, min:, max: ...)"};
      for (const auto& e : o.value.entries) {
        if (e.value.what == job_value::kind::map)
          return mfb::error{at(spec, e.line) + e.key + " takes a value or a list, not a map"};
        std::vector<std::string> values;
        if (e.value.what == job_value::kind::boolean) {
          values.push_back(e.value.flag ? "true" : "false");
        } else {
          auto ex = expand_all(e.value, vars);
          if (!ex) return ex.err();
          values = *ex;
        }
        c.args.emplace_back(flag_name(e.key), values);
      }
    }
    for (const auto& [key, values] : c.args) {
      for (const auto& v : values) {
        p.values.push_back(v);
        if (input_keys.count(key) || c.what == "file_exists") p.inputs.push_back(v);
      }
    }
    nlohmann::json cj;
    cj["check"] = c.what;
    for (const auto& [key, values] : c.args) cj[key] = values;
    sig.push_back(cj);
    p.checks.push_back(std::move(c));
  }
  if (p.checks.empty())
    return mfb::error{at(spec, s.line) + "check step " + s.name + " has no checks"};
  p.signature = sig.dump();
  return true;
}

}  // namespace

const std::string* resolved_check::get(const std::string& key) const {
  for (const auto& [k, v] : args)
    if (k == key && v.size() == 1) return &v.front();
  return nullptr;
}

mfb::result<job_plan> build_plan(const job_spec& spec, job_variables& vars) {
  job_plan plan;
  plan.spec = spec;
  if (spec.target) {
    auto t = vars.expand(*spec.target);
    if (!t) return t.err();
    plan.target = *t;
  }
  if (spec.log) {
    auto l = vars.expand(*spec.log);
    if (!l) return l.err();
    plan.log = *l;
  }
  int index = 0;
  for (const auto& s : spec.steps) {
    planned_step p;
    p.index = ++index;
    p.name = s.name;
    p.kind = s.kind;
    p.when = s.when;
    p.line = s.line;
    auto ok =
        s.kind == step_kind::check ? plan_checks(spec, s, p, vars) : plan_command(spec, s, p, vars);
    if (!ok) return ok.err();
    plan.steps.push_back(std::move(p));
  }
  plan.variables = vars.used();
  nlohmann::json fp;
  fp["job"] = spec.name;
  fp["variables"] = plan.variables;
  plan.fingerprint = fp.dump();
  return plan;
}

std::optional<std::set<std::string>> command_flags(const std::string& executable, step_kind kind) {
  int code = 0;
  auto text = capture_child(executable, {"mfbridge", std::string(to_string(kind)), "--help"}, code);
  if (!text || code != 0) return std::nullopt;
  // CLI11 lists options at the start of a line: "  -o,--output TEXT ..." or "  --copybook TEXT".
  std::set<std::string> flags;
  std::size_t line = 0;
  const std::string& t = *text;
  while (line < t.size()) {
    std::size_t eol = t.find('\n', line);
    if (eol == std::string::npos) eol = t.size();
    std::size_t i = line;
    while (i < eol && t[i] == ' ') ++i;
    if (i + 2 < eol && t[i] == '-' && t[i + 1] != '-' && t[i + 2] == ',') i += 3;
    if (i > line && t.compare(i, 2, "--") == 0) {
      std::size_t end = i + 2;
      while (end < eol && (std::isalnum(static_cast<unsigned char>(t[end])) || t[end] == '-'))
        ++end;
      if (end > i + 2) flags.insert(t.substr(i + 2, end - i - 2));
    }
    line = eol + 1;
  }
  return flags;
}

std::vector<std::string> check_flags(const job_plan& plan, const std::string& executable,
                                     std::map<step_kind, std::set<std::string>>& flags,
                                     std::vector<std::string>& missing_commands) {
  std::vector<std::string> problems;
  std::set<step_kind> missing;
  for (const auto& s : plan.steps) {
    if (s.kind == step_kind::check) continue;
    if (!flags.count(s.kind) && !missing.count(s.kind)) {
      if (auto f = command_flags(executable, s.kind)) {
        flags[s.kind] = *f;
      } else {
        missing.insert(s.kind);
        missing_commands.emplace_back(to_string(s.kind));
      }
    }
    auto it = flags.find(s.kind);
    if (it == flags.end()) continue;
    for (const auto& f : s.flags_given) {
      if (!it->second.count(f))
        problems.push_back(at(plan.spec, s.line) + "step " + s.name + ": mfbridge " +
                           std::string(to_string(s.kind)) + " has no option --" + f);
    }
  }
  return problems;
}

std::vector<std::string> final_argv(const planned_step& step,
                                    const std::set<std::string>* command_flags,
                                    const std::string& target, const std::string& summary_path) {
  std::vector<std::string> argv = step.argv;
  if (!command_flags) return argv;
  if (!target.empty() && command_flags->count("target") && !step.flags_given.count("target")) {
    argv.push_back("--target");
    argv.push_back(target);
  }
  if (!summary_path.empty() && command_flags->count("summary-json") &&
      !step.flags_given.count("summary-json")) {
    argv.push_back("--summary-json");
    argv.push_back(summary_path);
  }
  return argv;
}

std::string shell_quote(const std::vector<std::string>& argv) {
  std::string out;
  for (const auto& a : argv) {
    if (!out.empty()) out += ' ';
    bool plain = !a.empty();
    for (char c : a)
      if (!(std::isalnum(static_cast<unsigned char>(c)) ||
            std::string_view("-_./=:,+@%").find(c) != std::string_view::npos))
        plain = false;
    if (plain) {
      out += a;
    } else {
      out += '\'';
      for (char c : a) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
      out += '\'';
    }
  }
  return out;
}

}  // namespace mfb::rehost::detail
