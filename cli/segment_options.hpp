#pragma once
// convert's options for multi-segment files: the segment filter, the Seg_Id columns and
// nested hierarchical output (bridge::segment_options).

#include <CLI/CLI.hpp>

#include "mfb/bridge/codec/segments.hpp"

namespace mfb::cli {

/// Add --segment-field, --segment-filter, --segment-id-level, --segment-id-root,
/// --segment-id-prefix, --nest-children and --max-group-records to `cmd`, bound to `o`.
void add_segment_options(CLI::App& cmd, bridge::segment_options& o);

}  // namespace mfb::cli
