#pragma once
// Per-field text options of the commands that decode records to text (convert, delta):
// --field-codepage PAGE=FIELD,... (Cobrix's field_code_page:PAGE) and --binary-text
// base64|hex (how PIC X USAGE COMP items are written; Cobrix's binary_as_hex).

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "mfb/bridge/codec/options.hpp"

namespace mfb::cli {

/// The options as typed.
struct field_text_args {
  std::vector<std::string> field_codepages;  ///< --field-codepage PAGE=FIELD[,FIELD...]
  std::string binary_text = "base64";        ///< --binary-text base64|hex
};

/// Add --field-codepage and --binary-text to `cmd`, bound to `a`.
void add_field_text_options(CLI::App& cmd, field_text_args& a);

/// Copy them into `decode`; a usage error (a malformed PAGE=FIELD) or "". Whether the
/// fields exist, are text and have one page each is checked with the copybook, when the
/// plans are compiled.
std::string apply_field_text_options(const field_text_args& a, bridge::decode_options& decode);

}  // namespace mfb::cli
