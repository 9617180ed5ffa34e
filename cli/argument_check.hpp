#pragma once
// A look at the command line before CLI11 parses it: a misspelled subcommand or option gets
// "did you mean ...?" (CLI11 alone says "A subcommand is required" or "arguments were not
// expected", which names neither the mistake nor its fix).

#include <CLI/CLI.hpp>

#include <string>

namespace mfb::cli {

/// The message for the first unknown subcommand or option of `argv` (argv[0] included),
/// with the closest known names; "" when every name is known (CLI11 checks the rest).
std::string unknown_argument(const CLI::App& app, int argc, const char* const* argv);

}  // namespace mfb::cli
