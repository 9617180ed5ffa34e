// Cobrix options on the command line and in files, and the rewriting of a command line into
// mfbridge flags (see cobrix_options.hpp; the table is in cobrix_option_table.cpp).

#include "cobrix_options.hpp"

#include <algorithm>
#include <fstream>
#include <set>

#include "cobrix_mapping.hpp"

namespace mfb::cli {

namespace {

using cobrix::lower;

std::string trim(std::string s) {
  s.erase(0, s.find_first_not_of(" \t\r"));
  s.erase(s.find_last_not_of(" \t\r") + 1);
  return s;
}

// `.option("name", "value")`, `.option("name", true)` or `.option("name", 5)`.
bool parse_scala_option(const std::string& line, std::string& name, std::string& value) {
  auto open = line.find('(');
  auto close = line.rfind(')');
  if (line.rfind(".option", 0) != 0 || open == std::string::npos || close == std::string::npos || close < open)
    return false;
  std::string args = line.substr(open + 1, close - open - 1);
  if (args.size() < 2 || args.front() != '"') return false;
  auto name_end = args.find('"', 1);
  auto comma = args.find(',', name_end == std::string::npos ? 0 : name_end);
  if (name_end == std::string::npos || comma == std::string::npos) return false;
  name = args.substr(1, name_end - 1);
  value = trim(args.substr(comma + 1));
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
  return true;
}

// The flags that take one value (or none): given twice, the two would contradict each other.
// Repeatable flags (--copybook, --select, ...) add to what the user gave.
bool repeatable(const std::string& flag) {
  static const std::set<std::string> many = {"--copybook", "--select", "--parent", "--key",
                                             "--occurs-mapping", "--segment-id-level",
                                             "--non-terminal", "--raw", "--include", "-I",
                                             "--field-codepage", "--copybook-text"};
  return many.count(flag) != 0;
}

std::string flag_name(const std::string& arg) { return arg.substr(0, arg.find('=')); }

bool is_flag(const std::string& arg) { return arg.size() > 2 && arg.rfind("--", 0) == 0; }

// Cobrix's defaults where mfbridge's differ: the profile's flags, each left out when the
// user's own flags or the options already say it.
const std::vector<std::vector<std::string>>& profile_defaults() {
  static const std::vector<std::vector<std::string>> defaults = {
      {"--cobrix"},
      {"--naming", "spark"},
      {"--codepage", "common"},
      {"--trim", "both"},
      {"--trim-rule", "java"},  // Java's String.trim: every character up to U+0020
      {"--value-fillers", "drop"},
      {"--group-fillers", "keep"},
      {"--filler-naming", "sequence"},
      {"--numeric-policy", "lenient"},
      {"--trunc", "bin"},  // Cobrix bounds a binary by its bytes, not by its PICTURE
      {"--improved-null-detection"},
  };
  return defaults;
}

}  // namespace

const std::vector<cobrix_option_info>& cobrix_option_table() {
  static const std::vector<cobrix_option_info> table = [] {
    std::vector<cobrix_option_info> out;
    for (const auto* rows : {&cobrix::value_rows(), &cobrix::framing_rows()})
      for (const auto& r : *rows) out.push_back(r.info);
    return out;
  }();
  return table;
}

std::string parse_cobrix_option(const std::string& text, const std::string& origin, cobrix_option& out) {
  const auto eq = text.find('=');
  if (eq == std::string::npos || trim(text.substr(0, eq)).empty())
    return origin + ": '" + text + "' is not NAME=VALUE";
  out = {trim(text.substr(0, eq)), trim(text.substr(eq + 1)), origin};
  return {};
}

std::string read_cobrix_options_file(const std::string& path, std::vector<cobrix_option>& out) {
  std::ifstream in(path);
  if (!in) return "cannot read the Cobrix options file " + path;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    line = trim(line);
    if (line.empty() || line[0] == '#' || line.rfind("//", 0) == 0) continue;
    const std::string origin = path + ":" + std::to_string(number);
    std::string name, value;
    if (line[0] == '.') {
      if (!parse_scala_option(line, name, value))
        return origin + ": cannot read '" + line + "' (.option(\"name\", value) or name=value)";
      out.push_back({name, value, origin});
      continue;
    }
    cobrix_option opt;
    if (auto why = parse_cobrix_option(line, origin, opt); !why.empty()) return why;
    out.push_back(opt);
  }
  return {};
}

std::string cobrix_flags(const std::vector<cobrix_option>& options,
                         const std::vector<std::string>& explicit_args, std::vector<std::string>& flags) {
  cobrix::mapping_state state;
  for (const auto& o : options) {
    std::string base = lower(o.name), index;
    std::replace(base.begin(), base.end(), '-', '_');
    if (auto colon = base.find(':'); colon != std::string::npos) {
      index = base.substr(colon + 1);
      base.resize(colon);
    } else if (base.rfind("segment_id_level", 0) == 0 && base.size() > 16) {
      index = base.substr(16);
      base.resize(16);
      if (index.find_first_not_of("0123456789") != std::string::npos || index.size() > 3)
        return o.origin + ": unknown Cobrix option " + o.name;
    }
    const auto* row = cobrix::find_row(base);
    if (row == nullptr) return o.origin + ": unknown Cobrix option " + o.name + " (docs/cobrix.md lists them)";
    if (row->handler == nullptr)
      return o.origin + ": the Cobrix option " + o.name + " is not supported: " + row->info.mfbridge;
    if (auto why = row->handler(o.value, index, state); !why.empty())
      return o.origin + ": " + o.name + " " + why;
  }
  if (auto why = cobrix::finish_mapping(state); !why.empty()) return "Cobrix options: " + why;
  std::set<std::string> given;
  for (const auto& a : explicit_args)
    if (is_flag(a)) given.insert(flag_name(a));
  for (const auto& f : state.flags)
    if (is_flag(f) && !repeatable(f) && given.count(f))
      return "Cobrix options give " + f + ", which the command line gives too: keep one";
  for (const auto& f : state.flags)
    if (is_flag(f)) given.insert(f);
  const bool ascii = given.count("--ascii") != 0;
  for (const auto& d : profile_defaults()) {
    if (given.count(d[0]) || (ascii && d[0] == "--codepage")) continue;
    if (d[0] == "--trim" && given.count("--keep-trailing-spaces")) continue;
    if (d[0] == "--improved-null-detection" && !state.improved_null_detection) continue;
    flags.insert(flags.end(), d.begin(), d.end());
  }
  flags.insert(flags.end(), state.flags.begin(), state.flags.end());
  return {};
}

}  // namespace mfb::cli
