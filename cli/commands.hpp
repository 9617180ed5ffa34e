#pragma once
// Each subcommand file defines one add_*_command and registers it with a file-scope
// `command_registration`; main.cpp adds every registered command, in the order of `rank`.
// New subcommands therefore need no edit here or in main.cpp.
// A subcommand's callback stores its exit code (DESIGN.md's table) in `exit_code`.

#include <CLI/CLI.hpp>

namespace mfb::cli {

/// Exit codes shared by every subcommand (DESIGN.md).
enum exit_code_value : int {
  exit_ok = 0,
  exit_usage = 1,
  exit_bad_data = 2,
  exit_reconcile = 3,
  exit_io = 4,
};

using add_command_fn = void (*)(CLI::App& app, int& exit_code);

/// Registers one subcommand at static-initialisation time; `rank` orders --help.
struct command_registration {
  command_registration(int rank, add_command_fn add);
};

/// Add every registered subcommand to `app`, by rank.
void add_registered_commands(CLI::App& app, int& exit_code);

void add_layout_command(CLI::App& app, int& exit_code);
void add_codepages_command(CLI::App& app, int& exit_code);
void add_convert_command(CLI::App& app, int& exit_code);
void add_encode_command(CLI::App& app, int& exit_code);
void add_inspect_command(CLI::App& app, int& exit_code);

}  // namespace mfb::cli
