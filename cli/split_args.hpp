#pragma once
// --split I/N, --range OFF:LEN[:FIRST] and --split-index FILE: the options convert and load share
// to work on one split of a file (see bridge/io/split_plan.hpp and docs/distributed.md).

#include <CLI/CLI.hpp>

#include <cstdint>
#include <optional>
#include <string>

#include "mfb/bridge/codec/source_spec.hpp"
#include "mfb/bridge/io/outcome.hpp"
#include "mfb/bridge/io/split_plan.hpp"

namespace mfb::cli {

struct split_args {
  std::string split;  ///< "I/N"
  std::string range;  ///< "OFF:LEN[:FIRST]"
  std::string index;  ///< index file to reuse or build
};

/// Add --split, --range and --split-index to `cmd`.
void add_split_options(CLI::App& cmd, split_args& a);

/// The range the arguments choose (none when neither --split nor --range is given), or why
/// not: `kind` is usage (malformed, out of the file) or bad_data (framing broken).
struct chosen_range {
  std::optional<bridge::byte_range> range;
  bridge::failure_kind kind = bridge::failure_kind::none;
  std::string message;
  bridge::split_choice choice;  ///< with --split
};
chosen_range choose_range(const split_args& a, const bridge::source_spec& spec,
                          const std::string& input, bridge::reporter& rep);

}  // namespace mfb::cli
