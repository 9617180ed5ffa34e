// mfbridge: the command-line front door. Parsing of options lives here; the work lives in
// the libraries, so every subcommand stays a thin adapter.

#include "commands.hpp"

int main(int argc, char** argv) { return mfb::cli::run_command_line(argc, argv); }
