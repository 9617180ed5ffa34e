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
  fmt::print("\nBuilt in (not ICU's):\n");
  for (const auto& p : ebcdic::code_page::builtin_list())
    fmt::print("{:<16} {:<62} {}\n", p.name, p.description, join(p.aliases));
}

/// The byte -> code point table of one page, in the from_table_file format (so a site can
/// dump a page, patch it and load it back with base= or as a full table).
int print_table(const std::string& name, bool json) {
  auto cp = ebcdic::code_page::open(name);
  if (!cp) {
    std::fprintf(stderr, "mfbridge codepages: %s\n", cp.err().message.c_str());
    return exit_usage;
  }
  if (cp->variable_width_text()) {
    std::fprintf(stderr, "mfbridge codepages: %s decodes text, not single bytes; it has no "
                         "256-entry table\n", cp->info().name.c_str());
    return exit_usage;
  }
  if (cp->kind() == ebcdic::page_kind::double_byte) {
    std::fprintf(stderr, "mfbridge codepages: %s is double-byte; it has no 256-entry table\n",
                 cp->info().name.c_str());
    return exit_usage;
  }
  // Mixed pages: the SBCS half, decoded byte by byte (SO and SI switch state: no entry).
  nlohmann::json table = nlohmann::json::array();
  if (!json) fmt::print("# {} (CCSID {}): {}\n", cp->info().name, cp->info().ccsid, cp->info().description);
  for (unsigned b = 0; b < 256; ++b) {
    const auto byte = static_cast<std::uint8_t>(b);
    char out[8];
    std::size_t written = 0;
    const bool shift = cp->kind() == ebcdic::page_kind::mixed && (b == 0x0E || b == 0x0F);
    std::uint32_t code = 0;
    if (!shift && cp->decode(&byte, 1, out, written) == ebcdic::decode_status::ok) {
      const auto* u = reinterpret_cast<const unsigned char*>(out);
      const int extra = written == 1 ? 0 : written == 2 ? 1 : written == 3 ? 2 : 3;
      code = extra == 0 ? u[0] : u[0] & (0x3Fu >> extra);
      for (int k = 1; k <= extra; ++k) code = (code << 6) | (u[k] & 0x3Fu);
    }
    if (json) {
      table.push_back(shift ? nlohmann::json(nullptr) : nlohmann::json(code));
    } else if (shift) {
      fmt::print("# {:02X} is {} (shift, no character)\n", b, b == 0x0E ? "SO" : "SI");
    } else {
      fmt::print("{:02X} U+{:04X}\n", b, code);
    }
  }
  if (json)
    fmt::print("{}\n", nlohmann::json{{"name", cp->info().name},
                                      {"ccsid", cp->info().ccsid},
                                      {"table", table}}
                           .dump());
  return exit_ok;
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
  auto table = std::make_shared<std::string>();
  cmd->add_option("--table", *table,
                  "Print one page's byte -> code point table (the custom table file format)");
  cmd->callback([format, table, &exit_code] {
    if (!table->empty()) {
      exit_code = print_table(*table, *format == "json");
      return;
    }
    const auto pages = ebcdic::code_page::list();
    if (*format == "json") {
      print_json(pages);
    } else {
      print_text(pages);
    }
    exit_code = exit_ok;
  });
}

namespace {
const command_registration registered{20, add_codepages_command};
}  // namespace

}  // namespace mfb::cli
