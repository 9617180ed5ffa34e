#pragma once
// A buffered writer for a path or "-" (stdout): large page-aligned buffer, direct write(2),
// and errors (disk full, closed pipe) that stick and name the file.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

#include "mfb/bridge/io/input_source.hpp"
#include "mfb/ebcdic/result.hpp"

namespace mfb::bridge {

/// Buffered output; not thread-safe. After the first failure every write is a no-op and
/// ok() is false, so a hot loop may check once at the end.
class output_file {
 public:
  /// Create/truncate `path` (or use stdout for "-"); the buffer holds `buffer_size` bytes.
  static mfb::result<std::unique_ptr<output_file>> open(const std::string& path_or_dash,
                                                         std::size_t buffer_size = std::size_t{4}
                                                                                   << 20);
  /// Flush and close, ignoring errors (call close() to see them).
  ~output_file();
  output_file(const output_file&) = delete;
  output_file& operator=(const output_file&) = delete;

  /// Append bytes; return false once the file has failed.
  bool write(const void* data, std::size_t size) {
    if (size <= capacity_ - used_) {
      if (size != 0) std::memcpy(buffer_.data() + used_, data, size);
      used_ += size;
      return ok_;
    }
    return write_slow(data, size);
  }
  bool write(std::string_view text) { return write(text.data(), text.size()); }
  bool put(char c) {
    if (used_ == capacity_) return write_slow(&c, 1);
    buffer_.data()[used_++] = static_cast<std::uint8_t>(c);
    return ok_;
  }

  /// Write the buffered bytes out; return false (see error()) on failure.
  bool flush();
  /// Flush and close the file; return the first error met, if any.
  mfb::result<bool> close();

  bool ok() const noexcept { return ok_; }
  /// The first failure, e.g. "out.jsonl: write failed after 1048576 bytes: No space left on device".
  const std::string& error() const noexcept { return error_; }
  /// Bytes accepted so far (buffered or written).
  std::uint64_t bytes_written() const noexcept { return flushed_ + used_; }
  /// Bytes handed to the operating system so far: after a failure, how far the file got.
  std::uint64_t bytes_flushed() const noexcept { return flushed_; }
  const std::string& name() const noexcept { return name_; }

 private:
  output_file(int fd, bool owns_fd, std::string name, std::size_t buffer_size);
  bool write_slow(const void* data, std::size_t size);
  bool write_all(const std::uint8_t* data, std::size_t size);

  int fd_ = -1;
  bool owns_fd_ = false;
  bool ok_ = true;
  std::string name_;
  std::string error_;
  aligned_buffer buffer_;
  std::size_t capacity_ = 0;
  std::size_t used_ = 0;
  std::uint64_t flushed_ = 0;
};

}  // namespace mfb::bridge
