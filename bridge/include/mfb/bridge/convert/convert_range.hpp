#pragma once
// Distributed conversion: plan a file's splits through its copybooks, and convert one split
// on its own into a part file. Concatenating the parts in split order gives the bytes of a
// one-process `convert` of the whole file (JSON Lines; CSV: only the part that starts at
// record 1 writes the header line).
//
// Hierarchies: with --parent rules, every boundary after the first is moved forward to the
// next record of a root type (a parent type that has no parent), where a one-process run
// forgets every open parent too; so no child is ever separated from its parent's key.

#include <string>

#include "mfb/bridge/codec/source_spec.hpp"
#include "mfb/bridge/convert/convert.hpp"
#include "mfb/bridge/io/split_plan.hpp"

namespace mfb::bridge {

/// Open `spec` (copybooks, framing, hierarchy) and plan the ranges of `input`. With --parent
/// rules the boundaries move to root records (options.may_start is set here).
split_result plan_splits(const source_spec& spec, const std::string& input,
                         split_options options, reporter& rep);

/// Convert only `range` of opts.input (record numbers global, as planned). A named output
/// (opts.output or each file of opts.output_dir) is written as NAME.partial and renamed to
/// NAME when the range converted without failure, so a re-run of a killed task starts over
/// cleanly and a reader never sees half a part.
convert_summary convert_range(convert_options opts, const byte_range& range, reporter& rep);

/// The path a part is written to before its rename: NAME + ".partial".
std::string partial_name(const std::string& path);

}  // namespace mfb::bridge
