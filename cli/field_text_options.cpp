// --field-codepage and --binary-text (see field_text_options.hpp).

#include "field_text_options.hpp"

#include <algorithm>

namespace mfb::cli {

namespace {

std::string trimmed(std::string s) {
  s.erase(0, s.find_first_not_of(" \t"));
  s.erase(s.find_last_not_of(" \t") + 1);
  return s;
}

}  // namespace

void add_field_text_options(CLI::App& cmd, field_text_args& a) {
  cmd.add_option("--field-codepage", a.field_codepages,
                 "PAGE=FIELD[,FIELD...]: these PIC X fields are text in this single-byte code "
                 "page, not --codepage's (repeatable; a field takes one page)");
  cmd.add_option("--binary-text", a.binary_text,
                 "How PIC X USAGE COMP items (a Cobrix extension, --cobrix) are written: base64 "
                 "(as Spark writes binary columns) or hex (upper case, as Cobrix's binary_as_hex)")
      ->check(CLI::IsMember({"base64", "hex"}))
      ->capture_default_str();
}

std::string apply_field_text_options(const field_text_args& a, bridge::decode_options& decode) {
  decode.binary_bytes = a.binary_text == "hex" ? bridge::binary_text::hex : bridge::binary_text::base64;
  for (const auto& text : a.field_codepages) {
    const auto eq = text.find('=');
    const std::string page = trimmed(text.substr(0, eq == std::string::npos ? 0 : eq));
    const std::string shape = "--field-codepage needs PAGE=FIELD[,FIELD...], not '" + text + "'";
    if (eq == std::string::npos || page.empty()) return shape;
    std::size_t fields = 0;
    for (std::size_t at = eq + 1; at <= text.size();) {
      const auto comma = std::min(text.find(',', at), text.size());
      std::string field = trimmed(text.substr(at, comma - at));
      if (field.empty()) return shape + " (an empty field name)";
      decode.field_codepages.push_back({std::move(field), page});
      ++fields;
      at = comma + 1;
    }
    if (fields == 0) return shape;
  }
  return {};
}

}  // namespace mfb::cli
