#pragma once
// Options that define a dataset (ddl, load): the shared layout options plus the table's
// name, key and shape, turned into a rehost::dataset_spec.

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "layout_options.hpp"
#include "mfb/rehost/db/dataset.hpp"

namespace mfb::cli {

struct dataset_args {
  layout_args layout;
  std::vector<std::string> selects;
  std::string table;
  std::vector<std::string> keys;     ///< F1,F2 or RECORD=F1,F2 (repeatable)
  std::vector<std::string> parents;  ///< CHILD=PARENT
  std::vector<std::string> indexes;  ///< F1,F2: one index each (repeatable)
  bool flatten_occurs = false;
  bool check_88 = false;
  long long block_size = 0;
};

/// Add the layout options (with the file-framing ones when the command `use`s reads the
/// file: load), --select, --table, --key, --index, --flatten-occurs and --check-88.
void add_dataset_options(CLI::App& cmd, dataset_args& a, file_use use);

/// Read the copybooks and build the spec; return a usage error or "".
std::string dataset_spec_of(const dataset_args& a, rehost::dataset_spec& spec);

}  // namespace mfb::cli
