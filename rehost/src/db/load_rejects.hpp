#pragma once
// A load's bad records: counted across the whole run (an interrupted one included) and, with
// --on-error reject, written to the reject file (the bytes, framed as the input) and to
// FILE.errors.jsonl (one JSON line per error). Each chunk's checkpoint stores the count and
// both files' lengths; a resumed load cuts the files back to those lengths before it goes
// on, so a record rejected before a crash is in the files exactly once, whether or not its
// chunk committed.

#include <cstdint>
#include <string>
#include <vector>

#include "mfb/bridge/io/framing_options.hpp"
#include "mfb/bridge/io/record_error.hpp"
#include "mfb/bridge/io/record_reader.hpp"

namespace mfb::rehost::detail {

/// How far the bad records go: what a checkpoint commits.
struct reject_marks {
  std::uint64_t rejected = 0;   ///< bad records (skipped, rejected, or the one that failed)
  std::uint64_t bytes = 0;      ///< length of the reject file
  std::uint64_t log_bytes = 0;  ///< length of its .errors.jsonl
};

class load_rejects {
 public:
  load_rejects() = default;
  ~load_rejects();
  load_rejects(const load_rejects&) = delete;
  load_rejects& operator=(const load_rejects&) = delete;

  /// Start from `committed`; with a non-empty `path`, open the reject file and its log and
  /// cut them back to the committed lengths. Returns a reason to stop, or "".
  std::string open(const std::string& path, bridge::recfm format, const reject_marks& committed);
  /// Count a bad record and, when the files are open, write it and its errors.
  /// Returns false when a write failed (error() says why).
  bool add(const bridge::record_view& rec, const std::vector<bridge::record_error>& errors);
  /// Make what was written durable (fsync) before a checkpoint names its length; returns
  /// false when that failed.
  bool sync();
  const reject_marks& marks() const noexcept { return marks_; }
  const std::string& error() const noexcept { return error_; }

 private:
  bool write(int fd, const std::string& name, const void* data, std::size_t size,
             std::uint64_t& length);
  int fd_ = -1;
  int log_fd_ = -1;
  std::string name_;
  std::string log_name_;
  bridge::recfm format_ = bridge::recfm::f;
  reject_marks marks_;
  bool unsynced_ = false;
  std::string error_;
};

}  // namespace mfb::rehost::detail
