#pragma once
// `mfbridge convert` as a library call: copybooks + framed input -> JSON Lines or CSV, with
// the bad-record policy, parallel decoding in input order, progress and a final summary.

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "mfb/bridge/codec/error_policy.hpp"
#include "mfb/bridge/codec/segments.hpp"
#include "mfb/bridge/codec/source_spec.hpp"
#include "mfb/bridge/io/outcome.hpp"
#include "mfb/bridge/io/split_plan.hpp"

namespace mfb::bridge {

/// Everything a conversion needs; plain data with defaults() and validate().
struct convert_options {
  source_spec source;  ///< copybooks, record or --select rules, hierarchy, code page, framing
  std::string input = "-";
  /// Several input files (expand_input_paths: a folder, a glob, several paths), read in this
  /// order as File_Id 0, 1, 2, ...; each is framed on its own. When empty, `input` is the
  /// one file.
  std::vector<std::string> inputs;
  std::string output = "-";
  std::string output_dir;  ///< --output-dir: one file per record type, DIR/TYPE.jsonl|csv
  error_policy on_error = error_policy::fail;
  std::string reject_file;       ///< raw bytes of bad records (reject policy)
  std::string reject_log;        ///< JSON line per bad record; default reject_file + ".errors.jsonl"
  long long max_errors = -1;     ///< bad records allowed before exit 2; -1 = no limit
  unsigned threads = 0;          ///< decoding threads; 0 = all cores
  std::size_t batch_bytes = std::size_t{2} << 20;  ///< input bytes per batch
  std::string summary_json;      ///< the caller (the CLI) writes the summary as JSON here
  bool progress = true;          ///< report progress when the reporter wants it
  unsigned progress_ms = 500;    ///< least time between progress updates (checked per batch)
  int messages_limit = 10;       ///< errors printed in full under skip/reject (then counted)
  /// Convert only this range of the input (convert_range, `--split I/N`, `--range`): the
  /// outputs are written under NAME.partial and renamed; CSV headers only at record 1.
  std::optional<byte_range> range;
  /// --segment-filter, the Seg_Id columns, --nest-children (codec/segments.hpp).
  segment_options segments;

  /// Return the defaults: FB framing, cp037, JSON Lines, fail on the first bad record.
  static convert_options defaults() { return {}; }
  /// Check the options; return an empty string when valid, otherwise the reason.
  std::string validate() const;
};

/// One input file's share of a run with several inputs (--summary-json's "files").
struct input_file_counts {
  std::string path;
  std::uint32_t file_id = 0;
  std::uint64_t records_read = 0;
  std::uint64_t records_written = 0;
  std::uint64_t records_rejected = 0;
  std::uint64_t records_filtered = 0;
  std::uint64_t bytes_read = 0;
};

/// What a conversion did, and why it stopped: usage, bad data or target (I/O).
struct convert_summary {
  failure_kind failure = failure_kind::none;
  std::string message;  ///< why the run stopped early, if it did
  std::uint64_t records_read = 0;
  std::uint64_t records_written = 0;
  std::uint64_t records_rejected = 0;    ///< bad records skipped or rejected (or the failing one)
  /// Records --segment-filter left out: read = written + rejected + filtered.
  std::uint64_t records_filtered = 0;
  std::uint64_t unknown_segments = 0;  ///< records whose segment value is in no id level
  std::uint64_t alternative_errors = 0;  ///< bad REDEFINES alternatives written as null
  std::uint64_t null_numbers = 0;  ///< bad DISPLAY numbers written as null (numeric_policy::lenient)
  /// The first of those errors (record_error::to_json), so a scheduler sees where they are.
  std::vector<std::string> null_number_errors;
  std::uint64_t undescribed_records = 0;  ///< written with trailing bytes passed over (allowed)
  std::uint64_t undescribed_bytes = 0;    ///< those bytes, summed
  std::map<std::string, std::uint64_t> rejected_by_reason;
  std::map<std::string, std::uint64_t> written_by_type;
  std::uint64_t bytes_read = 0;
  /// Per input file, in File_Id order, when the run read a list of files (inputs).
  std::vector<input_file_counts> files;
  double seconds = 0;
  unsigned threads = 1;

  /// Render the one-line summary ("N records read, ..."), which run_convert reports last.
  std::string to_text() const;
  /// Render as a JSON object (--summary-json), with the exit code the caller chose.
  std::string to_json(int exit_code) const;
};

/// Run a conversion. Messages (errors, progress, the summary line) go to `rep`; nothing is
/// printed. The summary says whether and why it failed.
convert_summary run_convert(const convert_options& opts, reporter& rep);

}  // namespace mfb::bridge
