#pragma once
// Byte sources for the record reader: a file, stdin ("-"), or memory; gzip and bzip2 detected and
// inflated transparently. Reads go straight into the caller's (page-aligned) buffer.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "mfb/ebcdic/result.hpp"

namespace mfb::bridge {

/// A page-aligned, growable byte buffer; read(2) into aligned memory is much faster here.
class aligned_buffer {
 public:
  static constexpr std::size_t alignment = 4096;

  aligned_buffer() = default;
  explicit aligned_buffer(std::size_t capacity) { reserve(capacity); }
  ~aligned_buffer();
  aligned_buffer(aligned_buffer&& other) noexcept;
  aligned_buffer& operator=(aligned_buffer&& other) noexcept;
  aligned_buffer(const aligned_buffer&) = delete;
  aligned_buffer& operator=(const aligned_buffer&) = delete;

  /// Ensure room for `capacity` bytes (rounded up to whole pages); contents are NOT kept.
  void reserve(std::size_t capacity);
  /// Ensure room for `capacity` bytes, keeping the first `keep` bytes.
  void grow(std::size_t capacity, std::size_t keep);

  std::uint8_t* data() noexcept { return data_; }
  const std::uint8_t* data() const noexcept { return data_; }
  std::size_t capacity() const noexcept { return capacity_; }

 private:
  std::uint8_t* data_ = nullptr;
  std::size_t capacity_ = 0;
};

namespace detail {
struct source_state;
}

/// A sequential byte source; not thread-safe.
class input_source {
 public:
  /// Open a file, or stdin for "-"; gzip (magic 1F 8B) or bzip2 ("BZh") input is decompressed if `detect_gzip`.
  static mfb::result<std::unique_ptr<input_source>> open(const std::string& path_or_dash,
                                                          bool detect_gzip = true);
  /// Open bytes [offset, offset + length) of a regular, uncompressed file (one split of
  /// it); gzip input is refused, since a compressed stream cannot be entered in the middle.
  static mfb::result<std::unique_ptr<input_source>> open_range(const std::string& path,
                                                               std::uint64_t offset,
                                                               std::uint64_t length);
  /// Read from a copy of `size` bytes held in memory (tests, fuzzing); `name` labels errors.
  static std::unique_ptr<input_source> from_memory(const std::uint8_t* data, std::size_t size,
                                                   std::string name = "<memory>",
                                                   bool detect_gzip = true);
  ~input_source();
  input_source(const input_source&) = delete;
  input_source& operator=(const input_source&) = delete;

  /// Read up to `size` bytes (fewer only at end of input); 0 means end; an error on I/O or
  /// corrupt compressed data. Bytes are the decompressed stream when the input is gzip or bzip2.
  mfb::result<std::size_t> read(std::uint8_t* dst, std::size_t size);

  /// The name used in messages: the path, "<stdin>", or the memory label.
  const std::string& name() const noexcept;
  /// Tell whether the input is compressed (gzip or bzip2).
  bool compressed() const noexcept;
  /// Size of the (uncompressed) input when known in advance (a plain regular file), else -1.
  long long known_size() const noexcept;

 private:
  explicit input_source(std::unique_ptr<detail::source_state> state);
  std::unique_ptr<detail::source_state> state_;
};

}  // namespace mfb::bridge
