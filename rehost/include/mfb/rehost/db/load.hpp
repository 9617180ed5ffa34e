#pragma once
// `mfbridge load` as a library call: records -> tables, in chunks that commit together with
// a checkpoint row, so a killed load resumes where it stopped; control totals computed from
// the source are checked against the target at the end.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "mfb/rehost/db/control_totals.hpp"
#include "mfb/rehost/db/dataset.hpp"
#include "mfb/bridge/codec/error_policy.hpp"
#include "mfb/bridge/io/outcome.hpp"
#include "mfb/bridge/io/split_plan.hpp"

namespace mfb::rehost {

/// What to do with tables that exist.
enum class load_mode {
  create,   ///< create the tables; fail if they exist
  replace,  ///< drop and recreate them
  append,   ///< add rows (create the tables if absent)
  upsert,   ///< replace rows with the same key, add the others
};

/// One split of a distributed load (`load --split I/N`): its range of the input, as planned
/// by bridge::plan_splits, and its place among the splits.
struct load_split_part {
  unsigned index = 0;  ///< 0-based
  unsigned count = 1;
  bridge::byte_range range;
};

/// Everything a load needs; plain data.
struct load_options {
  dataset_spec spec;       ///< the dataset (its name is the main table's name)
  std::string input = "-";
  std::string target;      ///< sqlite:FILE or postgresql://...
  load_mode mode = load_mode::create;
  std::string job;         ///< checkpoint name; default: the dataset's name
  bridge::error_policy on_error = bridge::error_policy::fail;
  std::string reject_file;
  long long max_errors = -1;
  std::size_t chunk_records = 50000;  ///< records per committed chunk
  bool allow_changed_input = false;   ///< resume even though the input's fingerprint changed
  bool restart = false;               ///< ignore an unfinished checkpoint and start afresh
  std::vector<std::string> trailer_checks;  ///< FIELD=count | count(RECORD) | sum(FIELD)
  std::string summary_json;  ///< the caller (the CLI) writes the summary as JSON here
  bool progress = true;
  /// Set for one split of a distributed load: only its range is read, under its own
  /// checkpoint (job + "/split-I-of-N"); tables are created by whichever split starts
  /// first; no reconciliation until finish_split_load. Mode create only.
  std::optional<load_split_part> split;

  /// Check the options; return an empty string when valid, otherwise the reason.
  std::string validate() const;
};

/// What a load did, and why it stopped: usage, bad data, mismatch or target.
struct load_summary {
  bridge::failure_kind failure = bridge::failure_kind::none;
  std::string message;
  std::uint64_t records_read = 0;
  std::uint64_t records_loaded = 0;
  std::uint64_t records_rejected = 0;
  std::uint64_t resumed_after = 0;  ///< records committed by an earlier, interrupted run
  std::uint64_t undescribed_records = 0;  ///< loaded with trailing bytes passed over (allowed)
  std::uint64_t undescribed_bytes = 0;    ///< those bytes, summed
  std::uint64_t bytes_read = 0;
  std::map<std::string, std::uint64_t> rows_by_table;
  double seconds = 0;
  reconciliation recon;             ///< source against target, and trailer checks

  /// The closing report: a paragraph of lines, each ending in '\n'.
  std::string to_text() const;
  /// As a JSON object (--summary-json), with the exit code the caller chose.
  std::string to_json(int exit_code) const;
};

/// Run a load. Messages (errors, the closing report) go to `rep`; nothing is printed.
load_summary run_load(const load_options& opts, bridge::reporter& rep);

/// Load one split (`load --split I/N`): opts.split set, or set from the arguments. Re-running
/// a split resumes after its last committed chunk, and a split that is done loads nothing
/// again, so no row is ever stored twice.
load_summary load_split(load_options opts, const bridge::byte_range& range, unsigned index,
                        unsigned count, bridge::reporter& rep);

/// After every split of a job is done (`load --finish --splits N`): merge the splits'
/// control totals, add keys and indexes, mark the job done and reconcile once. A split that
/// is missing or unfinished is named, and nothing is changed.
load_summary finish_split_load(const load_options& opts, unsigned count, bridge::reporter& rep);

/// The checkpoint name of split `index` of `count` of a job.
std::string split_job_name(const std::string& job, unsigned index, unsigned count);

/// A fingerprint of an input file: size, modification time and a hash of its first and
/// last MiB (a full hash would cost a second pass over a file the load reads once).
std::string input_fingerprint(const std::string& path);

}  // namespace mfb::rehost
