// `mfbridge codepages`: list the EBCDIC pages with CCSID, kind, description and the names
// --codepage accepts, as an aligned table or as JSON for scripts.

#include <cstdio>
#include <string>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "mfb/ebcdic/code_page.hpp"

namespace mfb::cli {
namespace {

const char* kind_name(ebcdic::page_kind k) {
  switch (k) {
    case ebcdic::page_kind::single_byte:
      return "single-byte";
    case ebcdic::page_kind::mixed:
      return "mixed";
    case ebcdic::page_kind::double_byte:
      return "double-byte";
  }
  return "?";
}

std::string join(const std::vector<std::string>& v) {
  std::string r;
  for (const auto& s : v) {
    if (!r.empty()) r += ", ";
    r += s;
  }
  return r;
}

void print_text(const std::vector<ebcdic::code_page_info>& pages) {
  fmt::print("{:<8} {:>6}  {:<12} {:<44} {}\n", "NAME", "CCSID", "KIND", "DESCRIPTION",
             "ALIASES");
  for (const auto& p : pages)
    fmt::print("{:<8} {:>6}  {:<12} {:<44} {}\n", p.name, p.ccsid, kind_name(p.kind),
               p.description, join(p.aliases));
  fmt::print("\n{} pages. --codepage accepts any alias, case-insensitive, and the CCSID "
             "as 37, 037, cp037, ibm-037, IBM037 or CCSID37.\n",
             pages.size());
}

void print_json(const std::vector<ebcdic::code_page_info>& pages) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& p : pages)
    out.push_back({{"name", p.name},
                   {"ccsid", p.ccsid},
                   {"kind", kind_name(p.kind)},
                   {"description", p.description},
                   {"aliases", p.aliases}});
  fmt::print("{}\n", out.dump(2));
}

}  // namespace

void add_codepages_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("codepages", "List the EBCDIC code pages and their aliases");
  auto format = std::make_shared<std::string>("text");
  cmd->add_option("--format", *format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->callback([format, &exit_code] {
    const auto pages = ebcdic::code_page::list();
    if (*format == "json") {
      print_json(pages);
    } else {
      print_text(pages);
    }
    exit_code = exit_ok;
  });
}

}  // namespace mfb::cli
