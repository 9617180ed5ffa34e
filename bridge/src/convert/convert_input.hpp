#pragma once
// One input file of a conversion: framed on its own (offsets, skip-head/tail, headers and
// compression apply per file; a partial record at its end never joins the next file),
// decoded through the pipeline into the run's shared writer, and counted on its own.

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "convert/convert_pipeline.hpp"
#include "convert/convert_writer.hpp"
#include "mfb/bridge/convert/convert.hpp"

namespace mfb::bridge::detail {

/// What every input file of a run shares.
struct input_run {
  const convert_options& opts;
  const framing_options& framing;
  const record_selector& selector;
  hierarchy_tracker* tracker;
  segment_stage* segments;
  convert_writer* writer;  ///< set once the outputs are open (after the first file opens)
  convert_summary& summary;
  reporter& rep;
  unsigned threads = 1;
  std::chrono::steady_clock::time_point t0;
  bool several = false;             ///< the run reads a list of files (opts.inputs)
  long long total = -1;             ///< bytes of input for the progress line, -1 unknown
  std::uint64_t bytes_before = 0;   ///< bytes read from the files before this one
  std::chrono::steady_clock::time_point last_progress;
};

/// Open the reader of `path`: a range of it (--split, --range), or all of it. `kind` says
/// why it failed: usage (framing options) or target (the file).
result<std::unique_ptr<record_reader>> open_input(input_run& run, const std::string& path,
                                                  failure_kind& kind);

/// Convert `path` (File_Id `file_id`, opened as `reader`) into the run's writer. Return
/// false when the run must stop (summary.failure says why).
bool convert_input(input_run& run, record_reader& reader, const std::string& path,
                   std::uint32_t file_id);

}  // namespace mfb::bridge::detail
