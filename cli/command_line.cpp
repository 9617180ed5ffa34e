// One mfbridge command line, parsed and run: main() runs the process's own, and `mfbridge
// run` runs each job step's through here too, in process (unless --isolate-steps).

#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "argument_check.hpp"
#include "cobrix_options.hpp"
#include "commands.hpp"

namespace mfb::cli {

namespace {

int run_expanded(int argc, const char* const* argv) {
  CLI::App app{"mfbridge: mainframe data out of (and back into) COBOL record files"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "mfbridge 0.1.0");
  int exit_code = exit_ok;
  add_registered_commands(app, exit_code);
  if (auto why = unknown_argument(app, argc, argv); !why.empty()) {
    std::fprintf(stderr, "%s\n", why.c_str());
    return exit_usage;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::RequiredError& e) {
    const std::string what = e.what();
    if (what.rfind("--copybook", 0) != 0 && what.find("[--copybook,") == std::string::npos)
      return app.exit(e) == 0 ? 0 : exit_usage;
    // The copybook is one option with two spellings: name both, as the help does.
    const auto parsed = app.get_subcommands();
    std::string cmd = parsed.empty() ? "COMMAND" : parsed.front()->get_name();
    std::fprintf(stderr,
                 "mfbridge %s: a copybook is required: give it first (mfbridge %s FILE.cpy ...) "
                 "or as --copybook FILE.cpy, or its text as --copybook-text TEXT\n"
                 "Run with --help for more information.\n",
                 cmd.c_str(), cmd.c_str());
    return exit_usage;
  } catch (const CLI::ParseError& e) {
    // --help and --version are "errors" with exit code 0; usage errors map to 1.
    int code = app.exit(e);
    return code == 0 ? 0 : exit_usage;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "mfbridge: %s\n", e.what());
    return exit_io;
  }
  return exit_code;
}

}  // namespace

int run_command_line(int argc, const char* const* argv) {
  return run_command_line(std::vector<std::string>(argv, argv + argc));
}

int run_command_line(const std::vector<std::string>& given) {
  // Cobrix options become mfbridge flags first, so that CLI11 checks them as its own.
  std::vector<std::string> argv = given;
  if (auto why = expand_cobrix_arguments(argv); !why.empty()) {
    std::fprintf(stderr, "mfbridge: %s\n", why.c_str());
    return exit_usage;
  }
  std::vector<const char*> args;
  for (const auto& a : argv) args.push_back(a.c_str());
  args.push_back(nullptr);
  return run_expanded(static_cast<int>(argv.size()), args.data());
}

}  // namespace mfb::cli
