#pragma once
// `mfbridge delta` as a library call: two generations of a keyed record file (yesterday's
// and today's extract) -> inserts, updates and deletes, handed to a delta_sink in ascending
// order of key bytes. Records are compared on their raw bytes; only the records that
// changed are decoded, into the canonical JSON record (DESIGN.md).

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "mfb/bridge/codec/source_spec.hpp"
#include "mfb/bridge/io/outcome.hpp"
#include "mfb/bridge/io/output_file.hpp"
#include "mfb/copybook/layout.hpp"

namespace mfb::bridge {

/// Everything a delta run needs; plain data with defaults() and validate().
struct delta_options {
  /// Copybooks, --record, code page, the same framing for both generations, and the codec
  /// options (decode.format must be jsonl). No --select, --parent or --key (hierarchy) here.
  source_spec source;
  std::string old_input;     ///< the earlier generation: a path or "-"
  std::string new_input;     ///< the later generation: a path or "-" (not both "-")
  /// Key fields, most significant first: COBOL names or dotted paths. Each must sit at a
  /// fixed offset (not inside OCCURS, not after an ODO table).
  std::vector<std::string> keys;
  /// Both inputs are in ascending order of key bytes: merge them as streams (no table).
  bool sorted = false;
  /// Bytes the unsorted path may hold in its key table and its event buffer before it
  /// spills to temporary files (fixed I/O buffers of about 10 MiB come on top).
  std::size_t memory_limit = std::size_t{512} << 20;
  std::string temp_dir;  ///< where spill files go; empty: $TMPDIR, else /tmp

  /// Return the defaults: FB framing, cp037, hash path with a 512 MiB limit.
  static delta_options defaults() { return {}; }
  /// Check the options; return an empty string when valid, otherwise the reason.
  std::string validate() const;
};

/// What happened to one key between the generations.
enum class delta_op : std::uint8_t { insert, update, remove };

/// Return "insert", "update" or "delete".
std::string_view to_string(delta_op op) noexcept;

/// One record of one generation, as read and as decoded.
struct delta_record {
  std::uint64_t number = 0;       ///< 1-based record number in its input
  std::uint64_t file_offset = 0;  ///< offset of its first data byte in its input
  std::span<const std::uint8_t> bytes;
  std::string_view json;  ///< the canonical JSON object, without a newline
};

/// One leaf (or ODO table whose length changed) that differs in an update.
struct changed_field {
  std::string_view path;       ///< relative to the record: "BALANCE", "YEARS(2).TAX"
  std::string_view old_value;  ///< JSON text
  std::string_view new_value;  ///< JSON text
};

/// One change, valid only during delta_sink::write.
struct delta_event {
  delta_op op = delta_op::insert;
  std::span<const std::uint8_t> key_bytes;      ///< the key fields' raw bytes, concatenated
  std::span<const std::string_view> key_values;  ///< JSON text of each key field, in key order
  delta_record old_record;  ///< update and delete; empty for insert
  delta_record new_record;  ///< insert and update; empty for delete
  std::span<const changed_field> changed;  ///< update: differing fields in record order
};

/// A key field as resolved in the layout.
struct delta_key_field {
  std::string path;  ///< relative to the record ("CUST-ID", "KEYS.BRANCH"): the JSON key
  std::size_t offset = 0;
  std::size_t length = 0;
};

/// Counts of a delta run.
struct delta_counts {
  std::uint64_t inserts = 0;
  std::uint64_t updates = 0;
  std::uint64_t deletes = 0;
  std::uint64_t unchanged = 0;
  std::uint64_t old_records = 0;  ///< records read from the old generation
  std::uint64_t new_records = 0;  ///< records read from the new generation
};

/// Receives a delta's events in ascending key-byte order. run_delta calls begin once,
/// write per event and finish only when the whole delta succeeded: a sink that applies
/// changes as one transaction commits in finish and rolls back when finish never comes.
class delta_sink {
 public:
  virtual ~delta_sink() = default;
  /// Learn the layout and the key fields before the first event; false on failure.
  virtual bool begin(const copybook::record_layout& layout,
                     std::span<const delta_key_field> keys) = 0;
  /// Take one event; false on failure (see error()).
  virtual bool write(const delta_event& event) = 0;
  /// Complete the delta (flush, commit); false on failure.
  virtual bool finish(const delta_counts& counts) = 0;
  /// The first failure, naming its target.
  virtual std::string error() const = 0;
};

/// What a delta run did, and why it stopped: usage, bad data or target (I/O).
struct delta_summary {
  failure_kind failure = failure_kind::none;
  std::string message;  ///< why the run stopped, if it did
  delta_counts counts;
  bool sorted = false;
  unsigned partitions = 0;      ///< spill partitions made (0: the key table fit in memory)
  std::uint64_t spill_bytes = 0;  ///< bytes written to temporary files
  double seconds = 0;

  /// Render the one-line summary ("N inserts, ...").
  std::string to_text() const;
  /// Render as a JSON object (--summary-json), with the exit code the caller chose.
  std::string to_json(int exit_code) const;
};

/// Compare the two generations named in `opts` and hand the changes to `sink`.
delta_summary run_delta(const delta_options& opts, delta_sink& sink);

/// Write events as JSON Lines: {"op":"insert","key":{..},"record":{..}},
/// {"op":"update","key":{..},"changed":{"PATH":{"old":..,"new":..}},"record":{..}},
/// {"op":"delete","key":{..}}.
class delta_jsonl_sink final : public delta_sink {
 public:
  explicit delta_jsonl_sink(std::unique_ptr<output_file> out);
  /// Open `path_or_dash` only in begin(): a delta refused before it starts (a misspelt
  /// --key) leaves no output file behind.
  explicit delta_jsonl_sink(std::string path_or_dash);
  bool begin(const copybook::record_layout& layout,
             std::span<const delta_key_field> keys) override;
  bool write(const delta_event& event) override;
  bool finish(const delta_counts& counts) override;
  std::string error() const override;

 private:
  std::unique_ptr<output_file> out_;
  std::string path_;  ///< opened by begin() when out_ is null
  std::vector<std::string> key_names_;  ///< `"PATH":` per key field, escaped
  std::string line_;
  std::string error_;
};

}  // namespace mfb::bridge
