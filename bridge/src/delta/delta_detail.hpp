#pragma once
// Internals of run_delta shared by its files: key fields, record sources, the JSON diff and
// the emitter that decodes changed records and feeds the sink in key order.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "mfb/bridge/codec/text/json_quote.hpp"
#include "mfb/bridge/codec/text/json_reader.hpp"
#include "mfb/bridge/codec/decode_plan.hpp"
#include "mfb/bridge/delta/delta.hpp"
#include "mfb/bridge/codec/record_decoder.hpp"
#include "mfb/bridge/io/record_reader.hpp"
#include "mfb/ebcdic/result.hpp"

namespace mfb::bridge::detail {

/// Why a delta stopped: a failure kind and the sentence to show.
struct delta_failure {
  failure_kind kind = failure_kind::none;
  std::string message;

  bool failed() const noexcept { return kind != failure_kind::none; }
  /// Record the first failure only; return false so callers can `return fail(...)`.
  bool set(failure_kind k, std::string why) {
    if (kind == failure_kind::none) {
      kind = k;
      message = std::move(why);
    }
    return false;
  }
};

/// The resolved key: fields at fixed offsets whose bytes, concatenated, make the key.
struct key_spec {
  std::vector<delta_key_field> fields;
  std::size_t size = 0;     ///< key bytes
  std::size_t min_end = 0;  ///< the shortest record that holds every key field

  /// Resolve `names` in `layout`: every field must exist, be named and sit at a fixed offset.
  static result<key_spec> resolve(const copybook::record_layout& layout,
                                  const std::vector<std::string>& names);
  /// Copy the key of `rec` to `out` (size() bytes); false when the record is too short.
  bool extract(const record_view& rec, std::uint8_t* out) const noexcept;
  /// Describe a record too short for the key.
  std::string too_short(std::string_view file, const record_view& rec) const;
};

/// Hash key bytes (64-bit, fixed across runs and machines: partitions are reproducible).
std::uint64_t key_hash(const std::uint8_t* key, std::size_t size) noexcept;

/// "file: record N (file offset O)".
std::string where(std::string_view file, std::uint64_t number, std::uint64_t offset);

/// The duplicate-key data error, the same text on the sorted and the hashed path.
std::string duplicate_key(std::string_view file, const std::uint8_t* key, std::size_t size,
                          std::uint64_t first_number, std::uint64_t first_offset,
                          std::uint64_t second_number, std::uint64_t second_offset);

/// A sequence of records (an input file, or a spill partition of one).
class record_source {
 public:
  virtual ~record_source() = default;
  /// Yield the next record (valid until the next call); false at the end or on failure.
  virtual bool next(record_view& rec, delta_failure& failure) = 0;
  /// The name of the generation's input, for messages.
  virtual const std::string& name() const noexcept = 0;
};

/// An input file framed by the record reader; framing errors are data errors (exit 2).
class reader_source final : public record_source {
 public:
  explicit reader_source(std::unique_ptr<record_reader> reader) : reader_(std::move(reader)) {}
  bool next(record_view& rec, delta_failure& failure) override;
  const std::string& name() const noexcept override { return reader_->name(); }
  std::uint64_t records_read() const noexcept { return reader_->records_read(); }
  /// Why framing stopped, or nullptr.
  const framing_error* framing_failure() const noexcept { return reader_->error(); }
  /// Input bytes framed so far (the size of an input read to its end).
  std::uint64_t bytes_read() const noexcept { return reader_->bytes_consumed(); }

 private:
  std::unique_ptr<record_reader> reader_;
  record_batch batch_;
  std::size_t index_ = 0;
};

/// One differing leaf, as offsets into the diff's path pool and spans of the JSON texts.
struct json_change {
  std::size_t path_begin = 0;
  std::size_t path_length = 0;
  std::string_view old_value;
  std::string_view new_value;
};

/// Append to `changes` the leaves where `old_json` and `new_json` (canonical records of one
/// layout) differ; arrays of different lengths count as one change. Paths go to `pool`.
void json_diff(std::string_view old_json, std::string_view new_json, std::string& pool,
               std::vector<json_change>& changes);

/// Find the value at dotted `path` in a canonical record; "null" when it is not there.
std::string_view json_find(std::string_view json, std::string_view path);
/// The same in a record already parsed.
std::string_view json_find(const text::json_doc& doc, std::string_view path);

/// Decodes the records of each event, checks the key order, and feeds the sink.
class delta_emitter {
 public:
  delta_emitter(const decode_plan& plan, const key_spec& keys, delta_sink& sink,
                std::string old_name, std::string new_name);

  /// Emit one change; keys must come in ascending order. An insert whose key equals the
  /// previous insert's is a duplicate in the new generation (a data error).
  bool emit(delta_op op, const std::uint8_t* key, const record_view* old_rec,
            const record_view* new_rec, delta_failure& failure);
  /// Count an unchanged record.
  void unchanged() noexcept { ++counts_.unchanged; }
  delta_counts& counts() noexcept { return counts_; }

 private:
  bool decode(const record_view& rec, const std::string& file, text_buffer& out,
              delta_record& into, delta_failure& failure);

  record_decoder decoder_;
  const key_spec& keys_;
  delta_sink& sink_;
  std::string old_name_;
  std::string new_name_;
  delta_counts counts_;
  text_buffer old_text_;
  text_buffer new_text_;
  std::vector<record_error> errors_;
  std::string pool_;
  std::vector<json_change> raw_changes_;
  std::vector<changed_field> changes_;
  std::vector<std::string_view> key_values_;
  text::json_doc key_doc_;
  std::vector<std::uint8_t> last_key_;
  bool have_last_ = false;
  bool last_insert_ = false;
  std::uint64_t last_number_ = 0;
  std::uint64_t last_offset_ = 0;
};

/// Where the paths keep their working state; shared by the sorted and the hashed path.
struct delta_context {
  const delta_options& opts;
  const key_spec& keys;
  delta_emitter& emitter;
  delta_failure& failure;
  unsigned partitions = 0;
  std::uint64_t spill_bytes = 0;
};

/// Merge two inputs sorted by key bytes; validate their order as they stream.
bool run_sorted(reader_source& old_src, reader_source& new_src, delta_context& ctx);

/// Match the inputs through a hash table of old keys, spilling partitions to disk when the
/// table outgrows opts.memory_limit; events are buffered and emitted in key order.
/// `old_bytes` is the old input's size when known (it sizes the split), else 0.
bool run_hashed(reader_source& old_src, reader_source& new_src, delta_context& ctx,
                std::uint64_t old_bytes);

}  // namespace mfb::bridge::detail
