#pragma once
// The convert flags that shape rows like Spark's (Cobrix's): --naming, --schema-retention,
// --generate-record-id, --debug-columns, --value-fillers, --group-fillers, --filler-naming,
// --non-terminal. They fill bridge::output_style.

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "mfb/bridge/codec/output_style.hpp"

namespace mfb::cli {

struct output_style_args {
  std::string naming = "cobol";
  std::string retention = "collapse-root";
  bool generate_record_id = false;
  std::string debug = "none";
  std::string value_fillers;  // empty: mfbridge's own rule
  std::string group_fillers;
  std::string filler_naming = "sequence";
  std::vector<std::string> non_terminals;
};

void add_output_style_options(CLI::App& cmd, output_style_args& a);

/// Fill `style` from the flags; return a usage error naming the flag, or "".
std::string apply_output_style(const output_style_args& a, bridge::output_style& style);

}  // namespace mfb::cli
