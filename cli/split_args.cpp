// One split of a file from --split (planned here, deterministically: every task that plans
// the same file with the same N finds the same ranges) or --range (checked against the file).

#include "split_args.hpp"

#include <charconv>

#include "mfb/bridge/convert/convert_range.hpp"

namespace mfb::cli {

void add_split_options(CLI::App& cmd, split_args& a) {
  cmd.add_option("--split", a.split,
                 "I/N: work on split I (0 to N-1) of N only; record numbers stay those of the "
                 "whole file (see mfbridge splits)");
  cmd.add_option("--range", a.range,
                 "OFFSET:LENGTH[:FIRST_RECORD]: work on these bytes only (a range printed by "
                 "mfbridge splits; variable and text files need FIRST_RECORD)");
  // load's --index names table indexes: the split index is --split-index everywhere but
  // in `mfbridge splits`.
  cmd.add_option("--split-index", a.index,
                 "Split index of a variable or text file (mfbridge splits --index): reused "
                 "when it matches the file, built in one pass when absent or stale");
}

chosen_range choose_range(const split_args& a, const bridge::source_spec& spec,
                          const std::string& input, bridge::reporter& rep) {
  chosen_range out;
  auto fail = [&out](bridge::failure_kind kind, std::string why) {
    out.kind = kind;
    out.message = std::move(why);
    return out;
  };
  if (!a.split.empty() && !a.range.empty()) return fail(bridge::failure_kind::usage, "give --split or --range, not both");
  if (!a.range.empty()) {
    auto r = bridge::parse_byte_range(a.range);
    if (!r) return fail(bridge::failure_kind::usage, r.err().message);
    bridge::source_failure failed;
    auto src = bridge::open_source(spec, failed);
    if (!src) return fail(bridge::failure_kind::usage, failed.message);
    auto checked = bridge::check_byte_range(input, src->framing, *r);
    if (!checked) return fail(bridge::failure_kind::usage, checked.err().message);
    out.range = *checked;
    return out;
  }
  if (a.split.empty()) return out;
  auto choice = bridge::parse_split_choice(a.split);
  if (!choice) return fail(bridge::failure_kind::usage, choice.err().message);
  out.choice = *choice;
  bridge::split_options so;
  so.count = choice->count;
  so.index_path = a.index;
  auto planned = bridge::plan_splits(spec, input, so, rep);
  if (planned.failure != bridge::failure_kind::none) return fail(planned.failure, planned.message);
  out.range = planned.plan.ranges[choice->index];
  return out;
}

}  // namespace mfb::cli
