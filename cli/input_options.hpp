#pragma once
// The input flags of `mfbridge convert`: one or several --input paths (files, folders, Hadoop
// globs, as Cobrix's `path`), and the generated columns that come from the input rather
// than from the copybook: --file-name-column (Cobrix's with_input_file_name_col) and
// --record-bytes (generate_record_bytes).

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "mfb/bridge/convert/convert.hpp"

namespace mfb::cli {

struct input_args {
  std::vector<std::string> inputs;  ///< as given; none means stdin
  std::string file_name_column;
  std::string file_name_form = "path";
  bool record_bytes = false;
};

void add_input_options(CLI::App& cmd, input_args& a);

/// Fill the input(s) and the input columns of `opts`; a folder, a glob or several paths are
/// expanded into opts.inputs (bridge::expand_input_paths). Return a usage error or "".
std::string apply_input_options(const input_args& a, bridge::convert_options& opts);

/// For commands that read one file (load, inspect): "" when `path` is one file, else the
/// error that says so (a folder or a glob is not read partly).
std::string one_input_only(const std::string& command, const std::string& path);

}  // namespace mfb::cli
