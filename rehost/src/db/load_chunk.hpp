#pragma once
// A load's unit of work: the table rows of a run of records, the checkpoint that goes with
// them, and the thread that writes them while the next ones are decoded.

#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "db/load_rejects.hpp"
#include "mfb/rehost/db/control_totals.hpp"
#include "mfb/rehost/db/database.hpp"

namespace mfb::rehost::detail {

/// Rows of one table, packed: values back to back, ends and NULL flags alongside.
class table_rows {
 public:
  void add(const std::vector<sql_value>& row);
  std::size_t rows() const noexcept { return rows_; }
  void clear() noexcept;
  /// Call f(const std::vector<sql_value>&) for each row.
  template <typename F>
  void each(F&& f) const {
    std::vector<sql_value> row;
    std::size_t v = 0;
    std::uint32_t begin = 0;
    for (std::size_t r = 0; r < rows_; ++r) {
      row.clear();
      for (std::size_t k = 0; k < width_; ++k, ++v) {
        row.push_back({std::string_view(text_).substr(begin, ends_[v] - begin), nulls_[v] != 0});
        begin = ends_[v];
      }
      f(row);
    }
  }

 private:
  std::string text_;
  std::vector<std::uint32_t> ends_;
  std::vector<std::uint8_t> nulls_;
  std::size_t width_ = 0;
  std::size_t rows_ = 0;
};

/// What one hand-over to the writer carries: a part of a committed chunk. Parts are small
/// (a few thousand records) so that the database starts on a chunk while the rest of it is
/// still being decoded; the last part of a chunk carries its checkpoint and commits.
struct load_chunk {
  std::vector<table_rows> tables;  ///< by flat table index
  std::size_t records = 0;         ///< records decoded into this part
  std::uint64_t first_record = 0;  ///< the part's first record with rows (0: none)
  std::uint64_t last_with_rows = 0;  ///< its last record with rows
  bool commit = false;             ///< the chunk ends here: write its checkpoint and commit
  std::uint64_t last_record = 0;   ///< commit: input records consumed up to here
  std::string totals_json;         ///< commit: cumulative source totals up to here
  reject_marks rejects;            ///< commit: bad records up to here, reject file lengths
  void clear();
};

/// Rethrow the failure being handled while `c` was written, a target gone away (server
/// stopped, disk full) with the record it happened at and the records committed before.
[[noreturn]] void rethrow_write_failure(const load_chunk& c, std::uint64_t committed);

/// Writes chunks on its own thread, one at a time, so decoding overlaps the database.
class chunk_writer {
 public:
  using write_fn = std::function<void(const load_chunk&)>;
  explicit chunk_writer(write_fn write);
  ~chunk_writer();
  /// Hand over a full chunk (waits while the previous one is still being written).
  /// Returns false once a write has failed; error() then says why.
  bool submit(load_chunk& chunk);
  /// Wait for the last chunk; false if any write failed.
  bool finish();
  const std::string& error() const noexcept { return error_; }
  /// Whether the failure was the data's (a duplicate key, a value the target cannot
  /// store): exit code 2, not 4.
  bool bad_data() const noexcept { return bad_data_; }

 private:
  void loop();
  write_fn write_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::optional<load_chunk> pending_;
  bool busy_ = false;
  bool done_ = false;
  std::string error_;
  bool bad_data_ = false;
  std::thread thread_;
};

}  // namespace mfb::rehost::detail
