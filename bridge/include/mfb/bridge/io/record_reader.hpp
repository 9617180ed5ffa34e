#pragma once
// The record reader: cuts an input (file, stdin, gzip) into records by its framing, and
// hands them out in large batches of views into one page-aligned buffer per batch.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "mfb/bridge/io/framing_options.hpp"
#include "mfb/bridge/io/input_source.hpp"
#include "mfb/ebcdic/result.hpp"

namespace mfb::bridge {

struct byte_range;
class record_reader;
result<std::unique_ptr<record_reader>> open_range_reader(const std::string& path,
                                                         framing_options framing,
                                                         const byte_range& range);

/// One framed record: its bytes (RDW, record offsets already removed) and where it came from.
/// `data` points into its batch's buffer and stays valid until that batch is refilled or
/// destroyed. Spanned (VS/VBS) segments are already joined.
struct record_view {
  std::uint64_t number = 0;       ///< 1-based record number in the input
  std::uint64_t file_offset = 0;  ///< offset in the (uncompressed) input of data[0]
  const std::uint8_t* data = nullptr;
  std::size_t size = 0;
};

/// Why the reader stopped early: bad framing (a data error) or a failed read (I/O error).
struct framing_error {
  enum class kind { framing, io };
  kind what = kind::framing;
  std::string file;                ///< input name ("<stdin>" for "-")
  std::uint64_t record_number = 0;  ///< the record that could not be framed (1-based)
  std::uint64_t file_offset = 0;    ///< offset of the offending bytes (RDW, BDW, leftover)
  std::string message;             ///< full sentence, without the file name

  /// Return "file: message".
  std::string to_string() const { return file + ": " + message; }
};

/// A batch of records; owns the buffer its views point into. Batches are independent:
/// one may be decoded on another thread while the reader fills the next.
class record_batch {
 public:
  record_batch() = default;
  record_batch(record_batch&&) noexcept = default;
  record_batch& operator=(record_batch&&) noexcept = default;
  record_batch(const record_batch&) = delete;
  record_batch& operator=(const record_batch&) = delete;

  std::vector<record_view> records;

  std::size_t size() const noexcept { return records.size(); }
  bool empty() const noexcept { return records.empty(); }
  const record_view& operator[](std::size_t i) const noexcept { return records[i]; }
  auto begin() const noexcept { return records.begin(); }
  auto end() const noexcept { return records.end(); }

 private:
  friend class record_reader;
  aligned_buffer buffer_;
};

/// Frames one input into records; not thread-safe (one per input).
class record_reader {
 public:
  /// Open a path or "-" (stdin) with validated options; gzip is detected by magic bytes.
  static mfb::result<std::unique_ptr<record_reader>> open(const std::string& path_or_dash,
                                                          framing_options options);
  /// Frame an already opened source (memory, tests).
  static mfb::result<std::unique_ptr<record_reader>> open(std::unique_ptr<input_source> source,
                                                          framing_options options);
  ~record_reader();
  record_reader(const record_reader&) = delete;
  record_reader& operator=(const record_reader&) = delete;

  /// Fill `batch` with the next records (about `target_bytes` of input); return false when
  /// no record was produced: end of input, or an error (then error() is set). The records
  /// framed before an error are delivered first; the error follows on the next call.
  /// The 1 MiB default keeps a batch in L2 while it is framed and decoded; 4 MiB batches
  /// framed V records 2-3x slower in benchmarks/bridge/read_bench.cpp.
  bool next(record_batch& batch, std::size_t target_bytes = std::size_t{1} << 20);

  /// The error that ended reading, or nullptr (clean end of input, or not finished yet).
  const framing_error* error() const noexcept;
  /// The number of the last record handed out (the count of records so far, except for a
  /// reader of one range: see open_range_reader in split_plan.hpp).
  std::uint64_t records_read() const noexcept;
  /// Input bytes consumed by the records handed out so far (progress; uncompressed bytes).
  std::uint64_t bytes_consumed() const noexcept;
  /// The input's name as used in messages.
  const std::string& name() const noexcept;
  /// The options in use.
  const framing_options& options() const noexcept;

  class impl;

 private:
  friend result<std::unique_ptr<record_reader>> open_range_reader(const std::string&,
                                                                  framing_options,
                                                                  const byte_range&);
  explicit record_reader(std::unique_ptr<impl> p);
  std::unique_ptr<impl> impl_;
};

}  // namespace mfb::bridge
