// Job files are YAML read with yaml-cpp; this file is the only one that sees YAML nodes.
// The structure is checked strictly (unknown keys, duplicate keys, missing values) because
// a typo in an unattended job should stop it before the first step, not silently change it.

#include "mfb/rehost/jobs/job_spec.hpp"

#include <yaml-cpp/yaml.h>

#include <cctype>
#include <fstream>
#include <set>
#include <sstream>

namespace mfb::rehost {

namespace {

constexpr std::string_view kind_names[] = {"convert", "load",   "reconcile",
                                           "delta",   "export", "check"};
constexpr std::string_view when_names[] = {"on_success", "on_failure", "always"};

// Thrown inside this file only, with the location already in the message.
struct spec_error {
  std::string message;
};

class parser {
 public:
  explicit parser(const std::filesystem::path& file) : file_(file.string()) {}

  [[noreturn]] void fail(const YAML::Mark& m, const std::string& why) const {
    throw spec_error{file_ + ":" + std::to_string(m.line + 1) + ":" + std::to_string(m.column + 1) +
                     ": " + why};
  }

  job_text text_of(const YAML::Node& n, const std::string& what) const {
    if (!n.IsScalar()) fail(n.Mark(), what + " must be a single value");
    return {n.Scalar(), n.Mark().line + 1, n.Mark().column + 1};
  }

  // A plain `true`/`false` is a switch; quote it to pass the word itself.
  job_value value_of(const YAML::Node& n, const std::string& key, bool allow_map) const {
    job_value v;
    if (n.IsNull()) fail(n.Mark(), key + " needs a value");
    if (n.IsScalar()) {
      v.scalar = text_of(n, key);
      if (n.Tag() == "?" && (n.Scalar() == "true" || n.Scalar() == "false")) {
        v.what = job_value::kind::boolean;
        v.flag = n.Scalar() == "true";
      }
      return v;
    }
    if (n.IsSequence()) {
      v.what = job_value::kind::list;
      for (const auto& item : n) {
        if (!item.IsScalar()) fail(item.Mark(), key + ": list items must be single values");
        v.items.push_back(text_of(item, key));
      }
      return v;
    }
    if (!allow_map) fail(n.Mark(), key + " must be a value or a list of values");
    v.what = job_value::kind::map;
    v.entries = options_of(n, key, false);
    return v;
  }

  std::vector<job_option> options_of(const YAML::Node& map, const std::string& where,
                                     bool allow_nested) const {
    if (!map.IsMap()) fail(map.Mark(), where + " must be a map of options");
    std::vector<job_option> out;
    std::set<std::string> seen;
    for (const auto& kv : map) {
      std::string key = text_of(kv.first, "an option name").text;
      if (!seen.insert(key).second) fail(kv.first.Mark(), "duplicate key " + key + " in " + where);
      out.push_back({key, kv.first.Mark().line + 1, value_of(kv.second, key, allow_nested)});
    }
    return out;
  }

  job_step step_of(const YAML::Node& n, std::set<std::string>& names) const {
    if (!n.IsMap()) fail(n.Mark(), "a step must be a map (name:, a kind such as convert:, when:)");
    job_step step;
    step.line = n.Mark().line + 1;
    bool have_kind = false;
    std::set<std::string> seen;
    for (const auto& kv : n) {
      std::string key = text_of(kv.first, "a step key").text;
      if (!seen.insert(key).second) fail(kv.first.Mark(), "duplicate key " + key + " in a step");
      if (key == "name") {
        step.name = text_of(kv.second, "name").text;
        if (!valid_name(step.name))
          fail(kv.second.Mark(),
               "step name '" + step.name + "' may use only letters, digits, . _ -");
        if (!names.insert(step.name).second)
          fail(kv.second.Mark(), "duplicate step name " + step.name);
      } else if (key == "when") {
        std::string w = text_of(kv.second, "when").text;
        std::size_t i = 0;
        while (i < 3 && when_names[i] != w) ++i;
        if (i == 3)
          fail(kv.second.Mark(), "when must be always, on_success or on_failure, not " + w);
        step.when = static_cast<step_when>(i);
      } else if (key == "description") {
        // Free text for readers of the job file.
      } else {
        std::size_t i = 0;
        while (i < 6 && kind_names[i] != key) ++i;
        if (i == 6)
          fail(kv.first.Mark(), "unknown step key " + key +
                                    " (expected name, when, description, or one of convert, load, "
                                    "reconcile, delta, export, check)");
        if (have_kind)
          fail(kv.first.Mark(), "a step has exactly one kind; " + key + " is a second one");
        have_kind = true;
        step.kind = static_cast<step_kind>(i);
        if (kv.second.IsNull()) fail(kv.second.Mark(), key + " needs a map of options");
        step.options = options_of(kv.second, key, step.kind == step_kind::check);
      }
    }
    if (step.name.empty()) fail(n.Mark(), "a step needs a name");
    if (!have_kind)
      fail(n.Mark(),
           "step " + step.name + " has no kind (convert, load, reconcile, delta, export or check)");
    return step;
  }

  job_spec parse(const YAML::Node& root) const {
    if (!root.IsMap()) fail(root.Mark(), "a job file is a map with job: and steps:");
    job_spec spec;
    bool have_steps = false;
    std::set<std::string> seen;
    for (const auto& kv : root) {
      std::string key = text_of(kv.first, "a key").text;
      if (!seen.insert(key).second) fail(kv.first.Mark(), "duplicate key " + key);
      if (key == "job") {
        spec.name = text_of(kv.second, "job").text;
        if (!valid_name(spec.name))
          fail(kv.second.Mark(),
               "job name '" + spec.name + "' may use only letters, digits, . _ -");
      } else if (key == "target") {
        spec.target = text_of(kv.second, "target");
      } else if (key == "log") {
        spec.log = text_of(kv.second, "log");
      } else if (key == "description") {
      } else if (key == "vars") {
        if (kv.second.IsNull()) continue;
        if (!kv.second.IsMap()) fail(kv.second.Mark(), "vars must be a map of NAME: value");
        std::set<std::string> vseen;
        for (const auto& v : kv.second) {
          std::string name = text_of(v.first, "a variable name").text;
          if (!valid_var_name(name))
            fail(v.first.Mark(), "variable name " + name +
                                     " must be letters, digits and _, not starting with a digit");
          if (!vseen.insert(name).second) fail(v.first.Mark(), "duplicate variable " + name);
          spec.vars.emplace_back(name, text_of(v.second, name));
        }
      } else if (key == "steps") {
        if (!kv.second.IsSequence() || kv.second.size() == 0)
          fail(kv.second.Mark(), "steps must be a non-empty list");
        have_steps = true;
        std::set<std::string> names;
        for (const auto& s : kv.second) spec.steps.push_back(step_of(s, names));
      } else {
        fail(kv.first.Mark(),
             "unknown key " + key + " (expected job, description, target, log, vars, steps)");
      }
    }
    if (spec.name.empty()) fail(root.Mark(), "the job has no name (job: NAME)");
    if (!have_steps) fail(root.Mark(), "the job has no steps");
    return spec;
  }

  static bool valid_name(const std::string& s) {
    if (s.empty() || s.size() > 100 || s[0] == '.') return false;
    for (char c : s)
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.'))
        return false;
    return true;
  }

  static bool valid_var_name(const std::string& s) {
    bool first = true;
    for (char c : s) {
      bool digit = c >= '0' && c <= '9';
      if (!(std::isalpha(static_cast<unsigned char>(c)) || c == '_' || (digit && !first)))
        return false;
      first = false;
    }
    return !first;
  }

 private:
  std::string file_;
};

}  // namespace

mfb::result<job_spec> parse_job_text(std::string_view yaml, const std::filesystem::path& file) {
  parser p(file);
  try {
    YAML::Node root = YAML::Load(std::string(yaml));
    job_spec spec = p.parse(root);
    spec.file = file;
    return spec;
  } catch (const spec_error& e) {
    return mfb::error{e.message};
  } catch (const YAML::Exception& e) {
    return mfb::error{file.string() + ":" + std::to_string(e.mark.line + 1) + ":" +
                      std::to_string(e.mark.column + 1) + ": " + e.msg};
  }
}

mfb::result<job_spec> load_job_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return mfb::error{file.string() + ": cannot read the job file"};
  std::ostringstream text;
  text << in.rdbuf();
  return parse_job_text(text.str(), file);
}

std::string_view to_string(step_kind kind) { return kind_names[static_cast<int>(kind)]; }
std::string_view to_string(step_when when) { return when_names[static_cast<int>(when)]; }

}  // namespace mfb::rehost
