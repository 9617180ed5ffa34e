// Unknown subcommands and options, with the closest known names; see argument_check.hpp.

#include "argument_check.hpp"

#include <string_view>
#include <vector>

#include "mfb/copybook/name_lookup.hpp"

namespace mfb::cli {

namespace {

// An argument that CLI11 would take for an option: -x or --xyz (not "-", "-4" or "--").
bool looks_like_option(std::string_view arg) {
  if (arg.size() < 2 || arg[0] != '-') return false;
  std::size_t at = arg[1] == '-' ? 2 : 1;
  return at < arg.size() && ((arg[at] >= 'a' && arg[at] <= 'z') || (arg[at] >= 'A' && arg[at] <= 'Z'));
}

void add_option_names(const CLI::App* cmd, std::vector<std::string>& names) {
  for (const CLI::Option* opt : cmd->get_options()) {
    for (const auto& l : opt->get_lnames()) names.push_back("--" + l);
    for (const auto& s : opt->get_snames()) names.push_back("-" + s);
  }
  // Option groups (the copybook's FILE or --copybook-text) are nameless subcommands.
  for (const CLI::App* group : cmd->get_subcommands([](const CLI::App* sub) { return sub->get_name().empty(); }))
    add_option_names(group, names);
}

// Every spelling of the options of `cmd` and of the apps above it (--help, --version).
std::vector<std::string> option_names(const CLI::App* cmd) {
  std::vector<std::string> names;
  for (; cmd != nullptr; cmd = cmd->get_parent()) add_option_names(cmd, names);
  return names;
}

std::vector<std::string> subcommand_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    names.push_back(sub->get_name());
  return names;
}

// The option's name without a "=VALUE" (--codepage=cp285) or a glued short value (-Idir).
std::string option_name_of(std::string_view arg) {
  if (arg[1] != '-') return std::string(arg.substr(0, 2));
  return std::string(arg.substr(0, arg.find('=')));
}

std::string unknown_option(const CLI::App& cmd, std::string_view arg) {
  const std::string name = option_name_of(arg);
  const auto known = option_names(&cmd);
  for (const auto& k : known)
    if (k == name) return {};
  std::string where = cmd.get_parent() ? "mfbridge " + cmd.get_name() : "mfbridge";
  std::string hint = copybook::did_you_mean(name, known);
  return where + ": unknown option " + name + hint + "\nRun `" + where +
         " --help` for the options it takes.";
}

}  // namespace

std::string unknown_argument(const CLI::App& app, int argc, const char* const* argv) {
  const CLI::App* cmd = &app;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--") break;  // what follows is values only
    if (looks_like_option(arg)) {
      if (auto why = unknown_option(*cmd, arg); !why.empty()) return why;
      continue;
    }
    if (cmd != &app) continue;  // a value or a positional argument of the subcommand
    // The first word after the program's own options names the subcommand.
    const auto names = subcommand_names(app);
    for (const auto& n : names)
      if (n == arg) {
        cmd = app.get_subcommand(n);
        break;
      }
    if (cmd == &app) {
      auto hint = copybook::did_you_mean(arg, names);
      // Quoted, so that an empty or blank word (`mfbridge ""`) is visible in the message.
      return "mfbridge: unknown command '" + std::string(arg) + "'" +
             (hint.empty() ? "" : hint) + "\nRun `mfbridge --help` for the list of commands.";
    }
  }
  return {};
}

}  // namespace mfb::cli
