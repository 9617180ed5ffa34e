// `mfbridge layout`: copybook -> compiler-style listing or JSON layout.

#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands.hpp"
#include "layout_options.hpp"
#include "occurs_map_option.hpp"
#include "mfb/bridge/codec/occurs_map_parse.hpp"
#include "mfb/copybook/copybook.hpp"

namespace mfb::cli {
namespace {

struct layout_command_args {
  std::vector<std::string> copybooks;
  copybook_source_args sources;
  std::vector<std::string> include_dirs;
  std::string format = "text";
  std::string record;
  bool cobrix = false;
  std::vector<std::string> occurs_maps;  ///< --occurs-map: text ODO objects it names are accepted
};

int run_layout(const layout_command_args& args) {
  copybook::parse_options opts = copybook::parse_options::defaults();
  for (const auto& d : args.include_dirs) opts.include_dirs.emplace_back(d);
  opts.cobrix_extensions = args.cobrix;
  std::shared_ptr<const bridge::occurs_map> occurs;
  if (auto why = occurs_map_of(args.occurs_maps, occurs); !why.empty()) {
    std::fprintf(stderr, "mfbridge layout: %s\n", why.c_str());
    return exit_usage;
  }
  if (occurs) opts.text_odo_objects = occurs->names();
  apply_copybook_format(args.sources, opts);
  std::vector<std::filesystem::path> files(args.copybooks.begin(), args.copybooks.end());
  copybook::parse_result result =
      files.empty() ? copybook::parse_copybook_texts(copybook_texts_of(args.sources), opts)
                    : copybook::parse_copybook_files(files, opts);
  if (auto why = bridge::check_occurs_map(occurs.get(), result.records); !why.empty()) {
    std::fprintf(stderr, "mfbridge layout: %s\n", why.c_str());
    return exit_usage;
  }
  // Warnings and errors alike go to stderr; only errors fail the command.
  std::fputs(copybook::to_string(result.diagnostics).c_str(), stderr);
  if (!result.ok()) return exit_usage;
  std::vector<copybook::record_layout> records;
  for (auto& r : result.records) {
    if (args.record.empty() || copybook::names_equal(r.name, args.record)) records.push_back(std::move(r));
  }
  if (records.empty()) {
    std::fprintf(stderr, "mfbridge layout: no record named %s in the copybook\n", args.record.c_str());
    return exit_usage;
  }
  std::string out = args.format == "json" ? copybook::to_json(records) : copybook::to_listing(records);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return exit_ok;
}

}  // namespace

void add_layout_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<layout_command_args>();
  CLI::App* cmd = app.add_subcommand(
      "layout", "Show the record layout of copybooks: a compiler-style listing or JSON");
  add_copybook_option(*cmd, args->copybooks, args->sources);
  cmd->add_option("-I,--include", args->include_dirs, "Folder to search for COPY members (repeatable)");
  cmd->add_option("--format", args->format, "Output format: text or json")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--record", args->record, "Show only the record (01 level) with this name");
  cmd->add_flag("--cobrix", args->cobrix,
                "Accept Cobrix extensions (BINARY over 18 digits, S in edited pictures)");
  add_occurs_map_option(*cmd, args->occurs_maps);
  cmd->callback([args, &exit_code] { exit_code = run_layout(*args); });
}

namespace {
const command_registration registered{10, add_layout_command};
}  // namespace

}  // namespace mfb::cli
