#pragma once
// Each subcommand file defines one add_*_command; main.cpp calls them all.
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

void add_layout_command(CLI::App& app, int& exit_code);
void add_codepages_command(CLI::App& app, int& exit_code);
void add_convert_command(CLI::App& app, int& exit_code);
void add_encode_command(CLI::App& app, int& exit_code);
void add_inspect_command(CLI::App& app, int& exit_code);

}  // namespace mfb::cli
