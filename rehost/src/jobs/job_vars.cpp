// ${...} expansion. A reference is NAME, then optional date offsets, then an optional
// :PATTERN; see job_vars.hpp for the syntax. vars: entries are expanded lazily, so they may
// refer to each other in any order; a cycle is a configuration error.

#include "mfb/rehost/jobs/job_vars.hpp"

#include <cstdlib>
#include <filesystem>

namespace mfb::rehost {

namespace {

bool name_char(char c, bool first) {
  bool alpha = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
  return alpha || (!first && c >= '0' && c <= '9');
}

// A vars: entry that is an absolute path with "." or ".." in it (${JOB_DIR}/../out) is
// written without them, so that logs and messages name the folder plainly. Lexically: the
// job folder is an absolute path already, and a job names its folders beside it.
std::string plain_path(std::string value) {
  if (value.empty() || value[0] != '/' ||
      (value.find("/..") == std::string::npos && value.find("/./") == std::string::npos))
    return value;
  std::string out = std::filesystem::path(value).lexically_normal().string();
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  return out;
}

std::string where_of(const std::string& file, const job_text& t) {
  return file + ":" + std::to_string(t.line) + ":" + std::to_string(t.column) + ": ";
}

}  // namespace

job_variables::job_variables(std::vector<std::pair<std::string, std::string>> cli,
                             std::vector<std::pair<std::string, job_text>> file_vars,
                             std::map<std::string, std::string> builtins, std::string file,
                             env_fn env)
    : file_vars_(std::move(file_vars)),
      builtins_(std::move(builtins)),
      file_(std::move(file)),
      env_(std::move(env)) {
  for (auto& [k, v] : cli) cli_[k] = v;  // a later --var of the same name wins
  if (!env_) {
    env_ = [](const std::string& name) -> std::optional<std::string> {
      const char* v = std::getenv(name.c_str());
      if (!v) return std::nullopt;
      return std::string(v);
    };
  }
}

mfb::result<std::string> job_variables::value(const std::string& name, const job_text& where) {
  std::optional<std::string> v;
  if (auto it = cli_.find(name); it != cli_.end()) {
    v = it->second;
  } else if (auto r = resolved_vars_.find(name); r != resolved_vars_.end()) {
    v = r->second;
  } else {
    for (const auto& [k, text] : file_vars_) {
      if (k != name) continue;
      if (!resolving_.insert(name).second)
        return mfb::error{where_of(file_, where) + "variable " + name +
                          " refers to itself through vars:"};
      auto expanded = expand(text);
      resolving_.erase(name);
      if (!expanded) return expanded;
      resolved_vars_[name] = plain_path(*expanded);
      v = resolved_vars_[name];
      break;
    }
  }
  if (!v) v = env_(name);
  if (!v) {
    if (auto b = builtins_.find(name); b != builtins_.end()) v = b->second;
  }
  if (!v)
    return mfb::error{where_of(file_, where) + "unknown variable ${" + name +
                      "} (set it with --var " + name +
                      "=VALUE, under vars:, or in the environment)"};
  if (name == "RUN_DATE" && !parse_iso_date(*v))
    return mfb::error{where_of(file_, where) + "RUN_DATE must be a date YYYY-MM-DD, not '" + *v +
                      "'"};
  used_[name] = *v;
  return *v;
}

mfb::result<std::string> job_variables::reference(std::string_view body, const job_text& where) {
  std::size_t i = 0;
  while (i < body.size() && name_char(body[i], i == 0)) ++i;
  if (i == 0)
    return mfb::error{where_of(file_, where) + "bad variable reference ${" + std::string(body) +
                      "}"};
  std::string name(body.substr(0, i));
  auto v = value(name, where);
  if (!v) return v;
  bool dated = false;
  std::optional<job_date> date;
  auto need_date = [&]() -> bool {
    if (!date) date = parse_iso_date(*v);
    return date.has_value();
  };
  while (i < body.size() && (body[i] == '+' || body[i] == '-')) {
    int sign = body[i] == '-' ? -1 : 1;
    std::size_t j = i + 1;
    long amount = 0;
    while (j < body.size() && body[j] >= '0' && body[j] <= '9' && amount < 1000000)
      amount = amount * 10 + (body[j++] - '0');
    std::optional<job_date> moved;
    if (j > i + 1 && j < body.size() && need_date())
      moved = add_to_date(*date, sign * amount, body[j]);
    if (!need_date())
      return mfb::error{where_of(file_, where) + "${" + std::string(body) + "}: " + name + " = '" +
                        *v + "' is not a date YYYY-MM-DD, so it takes no offset"};
    if (!moved)
      return mfb::error{where_of(file_, where) + "${" + std::string(body) +
                        "}: a date offset is +N or -N followed by d, w, m or y"};
    date = moved;
    dated = true;
    i = j + 1;
  }
  if (i < body.size()) {
    if (body[i] != ':')
      return mfb::error{where_of(file_, where) + "${" + std::string(body) +
                        "}: expected +N/-N offsets or :PATTERN after " + name};
    if (!need_date())
      return mfb::error{where_of(file_, where) + "${" + std::string(body) + "}: " + name + " = '" +
                        *v + "' is not a date YYYY-MM-DD, so it takes no date pattern"};
    auto text = format_date(*date, body.substr(i + 1));
    if (!text)
      return mfb::error{where_of(file_, where) + "${" + std::string(body) +
                        "}: " + text.err().message};
    return text;
  }
  if (dated) return format_date(*date, "yyyy-MM-dd");
  return v;
}

mfb::result<std::string> job_variables::expand(const job_text& t) {
  const std::string& s = t.text;
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    if (s.compare(i, 3, "$${") == 0) {
      out += "${";
      i += 3;
    } else if (s.compare(i, 2, "${") == 0) {
      std::size_t close = s.find('}', i + 2);
      if (close == std::string::npos)
        return mfb::error{where_of(file_, t) + "unterminated ${ in '" + s + "'"};
      auto v = reference(std::string_view(s).substr(i + 2, close - i - 2), t);
      if (!v) return v;
      out += *v;
      i = close + 1;
    } else {
      out += s[i++];
    }
  }
  return out;
}

}  // namespace mfb::rehost
