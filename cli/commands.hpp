#pragma once
// Each subcommand file defines one add_*_command and registers it with a file-scope
// `command_registration`; main.cpp adds every registered command, in the order of `rank`.
// New subcommands therefore need no edit here or in main.cpp.
// A subcommand's callback stores its exit code (DESIGN.md's table) in `exit_code`.

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "exit_codes.hpp"

namespace mfb::cli {

using add_command_fn = void (*)(CLI::App& app, int& exit_code);

/// Registers one subcommand at static-initialisation time; `rank` orders --help.
struct command_registration {
  command_registration(int rank, add_command_fn add);
};

/// Add every registered subcommand to `app`, by rank.
void add_registered_commands(CLI::App& app, int& exit_code);

/// Parse and run one command line (argv[0] included); return its exit code.
int run_command_line(int argc, const char* const* argv);
/// The same for a job step's argv.
int run_command_line(const std::vector<std::string>& argv);

void add_layout_command(CLI::App& app, int& exit_code);
void add_codepages_command(CLI::App& app, int& exit_code);
void add_convert_command(CLI::App& app, int& exit_code);
void add_encode_command(CLI::App& app, int& exit_code);
void add_inspect_command(CLI::App& app, int& exit_code);

}  // namespace mfb::cli
