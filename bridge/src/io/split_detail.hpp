#pragma once
// Private to split planning: reading a regular file at any offset, and walking it one
// framing unit at a time (a fixed record, a text line, an RDW record, an SDW segment, or a
// whole block with its records) without joining or copying records.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "mfb/bridge/io/framing_options.hpp"
#include "mfb/bridge/io/split_plan.hpp"

namespace mfb::bridge::detail {

/// pread() access to one regular file.
class file_bytes {
 public:
  ~file_bytes();
  /// Open `path`; the reason when it is not a readable regular, uncompressed file.
  std::string open(const std::string& path);
  std::uint64_t size() const noexcept { return size_; }
  std::int64_t mtime_ns() const noexcept { return mtime_ns_; }
  /// Bytes [offset, offset + length) clipped to the file; empty on a read error (see error()).
  const std::vector<std::uint8_t>& read(std::uint64_t offset, std::size_t length);
  const std::string& error() const noexcept { return error_; }
  const std::string& name() const noexcept { return name_; }

 private:
  int fd_ = -1;
  std::uint64_t size_ = 0;
  std::int64_t mtime_ns_ = 0;
  std::string name_;
  std::string error_;
  std::vector<std::uint8_t> buf_;
};

/// One framing unit as the walker saw it.
struct unit_info {
  std::uint64_t length = 0;        ///< bytes of the unit, descriptors included
  std::uint32_t record_starts = 0;  ///< records that begin inside it
  bool starts_record = false;      ///< its first bytes begin a record (a range may start here)
  std::size_t first_data = 0;      ///< offset in the unit of its first record's data
  std::size_t first_size = 0;      ///< that record's (or first segment's) data length
};

enum class unit_status { ok, invalid, need_more };

/// Walks units of one framing; `open_segment` carries VS/VBS segment state between units
/// (-1 unknown, 0 between records, 1 inside a spanned record).
struct unit_walker {
  const framing_options& opt;
  int open_segment = -1;

  /// Parse the unit at p[0, avail); `at_end`: nothing follows p[avail) in the data.
  unit_status parse(const std::uint8_t* p, std::size_t avail, bool at_end, unit_info& u);
  /// The longest unit possible, so a window of this many bytes holds a whole one.
  std::size_t max_unit() const;
  /// True for the formats whose boundaries need resynchronisation.
  bool variable() const;
};

/// A legal range start and the number of its first record.
struct boundary {
  std::uint64_t offset = 0;
  std::uint64_t first_record = 0;  ///< 0: not known yet
};

/// Walk [from, to) of `file` unit by unit, calling on_unit(offset, unit) for each (stop
/// early by returning false). Returns "" or the reason the data could not be walked (bad
/// framing: names the offset) and sets `end` to where the walk stopped.
using unit_fn = std::function<bool(std::uint64_t offset, const unit_info& unit,
                                   const std::uint8_t* bytes)>;
std::string walk_units(file_bytes& file, const framing_options& opt, std::uint64_t from,
                       std::uint64_t to, std::uint64_t& end, const unit_fn& on_unit);

/// Index files: an ordered list of legal starts with their record numbers.
struct split_index {
  std::vector<boundary> points;  ///< the first is data_start; records: total records
  std::uint64_t records = 0;
};
/// One sequential pass over [data_start, data_end) keeping a point every `step` bytes.
result<split_index> build_index(file_bytes& file, const framing_options& opt,
                                std::uint64_t data_start, std::uint64_t data_end,
                                std::uint64_t step);
/// Read an index file; an empty optional (no error) when absent or not for this file.
result<std::optional<split_index>> read_index(const std::string& path, file_bytes& file,
                                              const framing_options& opt);
/// Write the index (temporary name, then rename).
std::string write_index(const std::string& path, const split_index& index, file_bytes& file,
                        const framing_options& opt);

/// Resynchronise near `target` in [data_start, data_end): the legal start at or after
/// target on the one valid descriptor chain of the window; an error when ambiguous.
result<std::uint64_t> resync(file_bytes& file, const framing_options& opt, unsigned chain,
                             std::uint64_t data_start, std::uint64_t data_end,
                             std::uint64_t target);

/// Move `at` forward to the first unit starting a record that `may_start` accepts (or to
/// data_end); add the records passed over to `records_passed`.
result<std::uint64_t> move_to_start(file_bytes& file, const framing_options& opt,
                                    std::uint64_t at, std::uint64_t data_end,
                                    const split_start_filter& may_start,
                                    std::uint64_t& records_passed);

/// Count the records of [from, to); an error unless the walk ends exactly at `to`.
result<std::uint64_t> count_records(file_bytes& file, const framing_options& opt,
                                    std::uint64_t from, std::uint64_t to);

}  // namespace mfb::bridge::detail
