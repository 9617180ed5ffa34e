// Splits through copybooks: the plan's boundaries move to root records of a hierarchy, and
// one range converts like a whole file whose records keep their global numbers.

#include "mfb/bridge/convert/convert_range.hpp"

namespace mfb::bridge {

split_result plan_splits(const source_spec& spec, const std::string& input,
                         split_options options, reporter& rep) {
  split_result out;
  source_failure failed;
  auto src = open_source(spec, failed);
  if (!src) {
    if (!failed.diagnostics.empty()) rep.detail(failed.diagnostics);
    out.failure = failure_kind::usage;
    out.message = failed.message;
    return out;
  }
  if (src->tracker.active()) {
    // A root record: a parent type with no parent. Observing one closes every open parent,
    // so a range that starts there sees the same keys as a one-process run.
    const record_selector& selector = src->selector;
    const hierarchy_tracker& tracker = src->tracker;
    options.may_start = [&selector, &tracker](const record_view& rec) {
      const int type = selector.choose(rec);
      return type >= 0 && tracker.parent_of(type) < 0 && !tracker.key_names(type).empty();
    };
  }
  return plan_byte_ranges(input, src->framing, options, rep);
}

convert_summary convert_range(convert_options opts, const byte_range& range, reporter& rep) {
  opts.range = range;
  return run_convert(opts, rep);
}

std::string partial_name(const std::string& path) { return path + ".partial"; }

}  // namespace mfb::bridge
