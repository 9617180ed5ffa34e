#pragma once
// Disk spill for the hashed delta path: a private temporary folder, length-prefixed blob
// files (partitions of records, sorted runs of events), and the event buffer that hands
// events to the emitter in ascending key order whatever order they were found in.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "delta/delta_detail.hpp"
#include "mfb/bridge/io/input_source.hpp"
#include "mfb/bridge/io/output_file.hpp"

namespace mfb::bridge::detail {

/// A folder made on first use under `parent` and removed, with its files, on destruction.
class spill_space {
 public:
  explicit spill_space(std::string parent) : parent_(std::move(parent)) {}
  ~spill_space();
  spill_space(const spill_space&) = delete;
  spill_space& operator=(const spill_space&) = delete;

  /// Return a new file path in the folder (made now if need be); an error if it cannot be made.
  result<std::string> file(const std::string& stem);
  /// Count bytes written to spill files.
  void written(std::uint64_t bytes) noexcept { bytes_ += bytes; }
  std::uint64_t bytes() const noexcept { return bytes_; }

 private:
  std::string parent_;
  std::filesystem::path folder_;
  unsigned next_ = 0;
  std::uint64_t bytes_ = 0;
};

/// Writes blobs as [u32 length][bytes], each from up to three parts.
class blob_writer {
 public:
  static result<std::unique_ptr<blob_writer>> open(const std::string& path, std::size_t buffer);
  /// Append one blob made of `a`, `b` and `c` in turn; false once the file has failed.
  bool put(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b = {},
           std::span<const std::uint8_t> c = {});
  /// Flush and close; the bytes written, or the error.
  result<std::uint64_t> close();

 private:
  explicit blob_writer(std::unique_ptr<output_file> out) : out_(std::move(out)) {}
  std::unique_ptr<output_file> out_;
};

/// Reads back what a blob_writer wrote.
class blob_reader {
 public:
  static result<std::unique_ptr<blob_reader>> open(const std::string& path);
  /// Yield the next blob (valid until the next call); false at the end or on failure.
  bool next(std::span<const std::uint8_t>& blob, delta_failure& failure);

 private:
  explicit blob_reader(std::unique_ptr<input_source> in) : in_(std::move(in)) {}
  bool fill(std::size_t need, delta_failure& failure);
  std::unique_ptr<input_source> in_;
  std::vector<std::uint8_t> buffer_;
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
  bool eof_ = false;
};

/// Collects events (raw records, not yet decoded) within a memory budget, spilling sorted
/// runs when it is exceeded, and emits them all in ascending key order at the end.
class event_buffer {
 public:
  event_buffer(std::size_t key_size, std::size_t budget, spill_space& space)
      : key_size_(key_size), budget_(budget), space_(space) {}

  /// Keep one event; copies the key and the records' bytes.
  bool add(delta_op op, const std::uint8_t* key, const record_view* old_rec,
           const record_view* new_rec, delta_failure& failure);
  /// Emit every event kept, in key order (ties: new record number), then forget them.
  bool drain(delta_emitter& emitter, delta_failure& failure);

 private:
  bool spill_run(delta_failure& failure);
  void sort();

  std::size_t key_size_;
  std::size_t budget_;
  spill_space& space_;
  std::vector<std::uint8_t> data_;    ///< serialised events, back to back
  std::vector<std::size_t> offsets_;  ///< where each event starts in data_
  std::vector<std::string> runs_;     ///< sorted run files
};

}  // namespace mfb::bridge::detail
