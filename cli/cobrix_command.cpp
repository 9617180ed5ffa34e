// `mfbridge cobrix-options`: what a Spark job's Cobrix options become in mfbridge, before
// running anything (`convert --cobrix-option ...` does the same rewriting and runs).

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "cobrix_options.hpp"
#include "commands.hpp"

namespace mfb::cli {

namespace {

struct cobrix_args {
  std::vector<std::string> options;  ///< NAME=VALUE
  std::string file;
  bool list = false;
};

const char* status_name(cobrix_status s) {
  switch (s) {
    case cobrix_status::mapped: return "mapped";
    case cobrix_status::no_effect: return "no effect";
    case cobrix_status::unsupported: return "not supported";
  }
  return "";
}

void print_table() {
  for (const auto& row : cobrix_option_table())
    std::printf("%-30s %-14s %s\n", row.name, status_name(row.status), row.mfbridge);
}

// The flags, quoted for a POSIX shell where they need it.
void print_flags(const std::vector<std::string>& flags) {
  std::string line = "mfbridge convert";
  for (const auto& f : flags) {
    const bool plain = f.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                           "0123456789-_=.,:/+@") == std::string::npos && !f.empty();
    std::string quoted = "'";
    for (char c : f) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    line += " " + (plain ? f : quoted + "'");
  }
  std::printf("%s\n", line.c_str());
}

int translate(const cobrix_args& a) {
  std::vector<cobrix_option> options;
  if (!a.file.empty())
    if (auto why = read_cobrix_options_file(a.file, options); !why.empty()) {
      std::fprintf(stderr, "mfbridge cobrix-options: %s\n", why.c_str());
      return exit_usage;
    }
  for (const auto& text : a.options) {
    cobrix_option opt;
    if (auto why = parse_cobrix_option(text, "argument", opt); !why.empty()) {
      std::fprintf(stderr, "mfbridge cobrix-options: %s\n", why.c_str());
      return exit_usage;
    }
    options.push_back(opt);
  }
  std::vector<std::string> flags;
  if (auto why = cobrix_flags(options, {}, flags); !why.empty()) {
    std::fprintf(stderr, "mfbridge cobrix-options: %s\n", why.c_str());
    return exit_usage;
  }
  print_flags(flags);
  return exit_ok;
}

}  // namespace

void add_cobrix_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand(
      "cobrix-options",
      "Show the convert flags that Cobrix reader options stand for (or --list every option)");
  auto a = std::make_shared<cobrix_args>();
  cmd->add_option("option", a->options, "Cobrix options as NAME=VALUE");
  cmd->add_option("--file", a->file, "A file of name=value lines or .option(\"name\", value) calls");
  cmd->add_flag("--list", a->list, "List every Cobrix reader option, its mfbridge flag and status");
  cmd->callback([a, &exit_code] {
    if (a->list) {
      print_table();
      exit_code = exit_ok;
      return;
    }
    exit_code = translate(*a);
  });
}

namespace {
const command_registration registered{35, add_cobrix_command};
}  // namespace

}  // namespace mfb::cli
