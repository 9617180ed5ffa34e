// The rewriting of a command line: --cobrix-option, --cobrix-options and --profile become
// the mfbridge flags they stand for, before CLI11 (and the did-you-mean check) see it.

#include <string>
#include <vector>

#include "cobrix_options.hpp"

namespace mfb::cli {

namespace {

// The value of `--name VALUE` or `--name=VALUE` at argv[i] (i moves past it); false when
// argv[i] is not that option. `missing` is set when the value is absent.
bool option_value(const std::vector<std::string>& argv, std::size_t& i, const std::string& name,
                  std::string& value, bool& missing) {
  const std::string& a = argv[i];
  if (a.rfind(name + "=", 0) == 0) {
    value = a.substr(name.size() + 1);
    return true;
  }
  if (a != name) return false;
  missing = i + 1 >= argv.size();
  if (!missing) value = argv[++i];
  return true;
}

std::string subcommand_of(const std::vector<std::string>& argv) {
  for (std::size_t i = 1; i < argv.size(); ++i)
    if (!argv[i].empty() && argv[i][0] != '-') return argv[i];
  return {};
}

}  // namespace

std::string expand_cobrix_arguments(std::vector<std::string>& argv) {
  const std::string command = subcommand_of(argv);
  std::vector<cobrix_option> options;
  std::vector<std::string> rest;
  bool profile = false;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    if (argv[i] == "--") {  // values only from here on
      rest.insert(rest.end(), argv.begin() + static_cast<std::ptrdiff_t>(i), argv.end());
      break;
    }
    std::string value;
    bool missing = false;
    if (option_value(argv, i, "--cobrix-option", value, missing)) {
      if (missing) return "--cobrix-option needs NAME=VALUE";
      cobrix_option opt;
      if (auto why = parse_cobrix_option(value, "--cobrix-option", opt); !why.empty()) return why;
      options.push_back(opt);
    } else if (option_value(argv, i, "--cobrix-options", value, missing)) {
      if (missing) return "--cobrix-options needs a FILE of name=value lines";
      if (auto why = read_cobrix_options_file(value, options); !why.empty()) return why;
    } else if (option_value(argv, i, "--profile", value, missing)) {
      if (missing || (value != "cobrix" && value != "mfbridge"))
        return "--profile needs cobrix or mfbridge" + (missing ? std::string() : ", not '" + value + "'");
      profile = value == "cobrix";
    } else {
      rest.push_back(argv[i]);
      continue;
    }
    if (command != "convert")
      return "mfbridge " + command + ": --cobrix-option, --cobrix-options and --profile are options of convert";
  }
  if (!profile && options.empty()) return {};
  std::vector<std::string> flags;
  if (auto why = cobrix_flags(options, rest, flags); !why.empty()) return why;
  auto end = rest.begin();
  while (end != rest.end() && *end != "--") ++end;
  rest.insert(end, flags.begin(), flags.end());
  argv = std::move(rest);
  return {};
}

}  // namespace mfb::cli
