// mfbridge: the command-line front door. Parsing of options lives here; the work lives in
// the libraries, so every subcommand stays a thin adapter.

#include <cstdio>
#include <exception>

#include "commands.hpp"

int main(int argc, char** argv) {
  CLI::App app{"mfbridge: mainframe data out of (and back into) COBOL record files"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "mfbridge 0.1.0");
  int exit_code = mfb::cli::exit_ok;
  mfb::cli::add_registered_commands(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version are "errors" with exit code 0; usage errors map to 1.
    int code = app.exit(e);
    return code == 0 ? 0 : mfb::cli::exit_usage;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "mfbridge: %s\n", e.what());
    return mfb::cli::exit_io;
  }
  return exit_code;
}
