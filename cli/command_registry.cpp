// The list of subcommands, filled by each command file's file-scope command_registration.
// A function-local static avoids the static-initialisation-order problem across files.

#include <algorithm>
#include <utility>
#include <vector>

#include "commands.hpp"

namespace mfb::cli {
namespace {

std::vector<std::pair<int, add_command_fn>>& registry() {
  static std::vector<std::pair<int, add_command_fn>> commands;
  return commands;
}

}  // namespace

command_registration::command_registration(int rank, add_command_fn add) {
  registry().emplace_back(rank, add);
}

void add_registered_commands(CLI::App& app, int& exit_code) {
  auto commands = registry();
  std::stable_sort(commands.begin(), commands.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [rank, add] : commands) add(app, exit_code);
}

}  // namespace mfb::cli
