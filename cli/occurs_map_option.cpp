// --occurs-map: read and checked while CLI11 parses, so a malformed map stops the command
// with exit 1 before any file is opened.

#include "occurs_map_option.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "mfb/bridge/codec/occurs_map_parse.hpp"

namespace mfb::cli {

namespace {

/// JSON or the short form are taken as written; anything else names a file of JSON.
std::string read_occurs_map_text(std::string& text) {
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) return "--occurs-map is empty";
  if (bridge::occurs_map_is_json(text) || text.find('=') != std::string::npos) return {};
  std::error_code ec;
  if (!std::filesystem::is_regular_file(text, ec))
    return "--occurs-map " + text +
           ": not JSON, not FIELD=VALUE:COUNT[,VALUE:COUNT...], and no such file";
  std::ifstream in(text, std::ios::binary);
  std::ostringstream all;
  all << in.rdbuf();
  if (!in && !in.eof()) return "--occurs-map " + text + ": cannot be read";
  const std::string name = text;
  text = all.str();
  if (text.find_first_not_of(" \t\r\n") == std::string::npos)
    return "--occurs-map " + name + ": the file is empty";
  return {};
}

}  // namespace

void add_occurs_map_option(CLI::App& cmd, std::vector<std::string>& texts) {
  cmd.add_option("--occurs-map", texts,
                 "Counts of a text (PIC X) OCCURS DEPENDING ON object: "
                 "FIELD=VALUE:COUNT[,VALUE:COUNT...], a JSON object "
                 "{\"FIELD\": {\"VALUE\": COUNT}} (Cobrix's occurs_mappings), or a file of that "
                 "JSON (repeatable)")
      // transform, not check: a file's name is replaced by the JSON it holds.
      ->transform(CLI::Validator(
          [](std::string& text) -> std::string {
            if (auto why = read_occurs_map_text(text); !why.empty()) return why;
            bridge::occurs_map scratch;
            std::string why = bridge::add_occurs_map(scratch, text);
            // CLI11 names the option itself.
            constexpr std::string_view named = "--occurs-map: ";
            if (why.rfind(named, 0) == 0) why.erase(0, named.size());
            return why;
          },
          "MAP"));
}

std::string occurs_map_of(const std::vector<std::string>& texts,
                          std::shared_ptr<const bridge::occurs_map>& out) {
  out.reset();
  if (texts.empty()) return {};
  auto map = std::make_shared<bridge::occurs_map>();
  for (const auto& t : texts)
    if (auto why = bridge::add_occurs_map(*map, t); !why.empty()) return why;
  out = std::move(map);
  return {};
}

}  // namespace mfb::cli
