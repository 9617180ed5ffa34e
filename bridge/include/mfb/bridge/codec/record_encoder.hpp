#pragma once
// Encode canonical JSON records (DESIGN.md) back into byte-exact mainframe records by
// walking an encode plan. Every bad field of a record is reported, not just the first, so
// a caller (the CLI, the REST facade) can list them all.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <filesystem>

#include "mfb/bridge/codec/encode_plan.hpp"
#include "mfb/bridge/codec/error_policy.hpp"
#include "mfb/bridge/codec/source_spec.hpp"
#include "mfb/bridge/io/outcome.hpp"
#include "mfb/bridge/io/record_writer.hpp"

namespace mfb::bridge {

namespace text {
class json_doc;
}

/// One field that could not be encoded.
struct field_error {
  std::string path;    ///< "REC.LINES.AMOUNT(2)"; empty for a record-level problem (bad JSON)
  std::string reason;  ///< "more fraction digits than the field's scale 2", "unknown key"
  std::string value;   ///< the JSON value as given (shortened), empty when missing

  /// Render as `PATH: reason (value: 12.345)`.
  std::string to_string() const;
};

/// One encoded record: the bytes at the layout's full length, and the length with every
/// OCCURS DEPENDING ON table at its actual count (what V/VB output writes by default).
struct encoded_record {
  std::vector<std::uint8_t> bytes;
  std::size_t odo_length = 0;
};

/// Walks one plan; holds per-record scratch state, so use one encoder per thread.
class record_encoder {
 public:
  explicit record_encoder(const encode_plan& plan);
  ~record_encoder();
  record_encoder(record_encoder&&) noexcept;
  record_encoder& operator=(record_encoder&&) noexcept;

  /// Keys to accept and ignore at the top level (e.g. the record-type key of `convert`).
  void ignore_key(std::string key) { ignored_.push_back(std::move(key)); }

  /// Encode one JSON object text. Return true when every field encoded; otherwise `errors`
  /// gets one entry per bad field (appended) and the bytes are not to be used.
  bool encode(std::string_view json, encoded_record& out, std::vector<field_error>& errors);

  const encode_plan& plan() const noexcept { return *plan_; }

  struct walker;  // the per-record walk (record_encoder.cpp)

 private:
  const encode_plan* plan_;
  std::unique_ptr<text::json_doc> doc_;
  std::vector<std::uint8_t> used_;
  std::vector<std::string> ignored_;
};

/// Read the string member `key` of a JSON object text ("" when absent or not a string);
/// used to route a line to its record layout by a record-type key.
std::string json_string_member(std::string_view json, std::string_view key);

/// Everything `mfbridge encode` needs; plain data.
struct encode_run_options {
  /// Copybooks, --record, code page, and the layout framings the records must carry:
  /// length_field with framing.length_adjust (--recfm LENGTH-FIELD), odo_framing (--recfm
  /// ODO). The rest of its framing and decode options are not used: `writer` and `encode`
  /// say how records are written.
  source_spec source;
  std::string input = "-";              ///< JSON Lines, or - for stdin
  std::string output = "-";
  std::string record_type_key;          ///< route lines by this key's value (a record name)
  std::vector<std::string> keep;        ///< REDEFINES alternatives that win when several are given
  encode_options encode;
  writer_options writer;                ///< lrecl 0: the longest record
  int odo_shrink = -1;                  ///< 1: ODO-shortened records; 0: full; -1: F/FB full, else short
  error_policy on_error = error_policy::fail;
  std::string reject_file;              ///< the rejected JSON lines (reject policy)
  long long max_errors = -1;            ///< bad records allowed before exit 2; -1 = no limit
  int messages_limit = 10;              ///< bad records described in full under skip/reject
};

/// What an encode run did, and why it stopped: usage, bad data or target (I/O).
struct encode_run_summary {
  failure_kind failure = failure_kind::none;
  std::string message;  ///< why the run stopped, if it did
  std::uint64_t lines_read = 0;
  std::uint64_t records_written = 0;
  std::uint64_t records_rejected = 0;
};

/// Run `mfbridge encode`: JSON Lines in, framed records out; messages go to `rep`.
encode_run_summary run_encode(const encode_run_options& opts, reporter& rep);

}  // namespace mfb::bridge
