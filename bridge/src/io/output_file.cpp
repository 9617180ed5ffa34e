// output_file: big aligned buffer, write(2) loops that survive EINTR and short writes, and
// one sticky error message naming the file and how far it got.

#include "mfb/bridge/io/output_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace mfb::bridge {

output_file::output_file(int fd, bool owns_fd, std::string name, std::size_t buffer_size)
    : fd_(fd), owns_fd_(owns_fd), name_(std::move(name)) {
  buffer_.reserve(std::max<std::size_t>(buffer_size, aligned_buffer::alignment));
  capacity_ = buffer_.capacity();
}

mfb::result<std::unique_ptr<output_file>> output_file::open(const std::string& path_or_dash,
                                                             std::size_t buffer_size) {
  if (path_or_dash == "-") {
    return std::unique_ptr<output_file>(new output_file(STDOUT_FILENO, false, "<stdout>", buffer_size));
  }
  int fd = ::open(path_or_dash.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) return mfb::error{path_or_dash + ": cannot create: " + std::strerror(errno)};
  return std::unique_ptr<output_file>(new output_file(fd, true, path_or_dash, buffer_size));
}

output_file::~output_file() {
  (void)flush();
  if (owns_fd_ && fd_ >= 0) ::close(fd_);
}

bool output_file::write_all(const std::uint8_t* data, std::size_t size) {
  std::size_t done = 0;
  while (done < size) {
    ssize_t r = ::write(fd_, data + done, size - done);
    if (r < 0) {
      if (errno == EINTR) continue;
      flushed_ += done;  // a short write that was followed by the error did reach the file
      error_ = name_ + ": write failed after " + std::to_string(flushed_) +
               " bytes: " + std::strerror(errno);
      ok_ = false;
      return false;
    }
    done += static_cast<std::size_t>(r);
  }
  flushed_ += size;
  return true;
}

bool output_file::flush() {
  if (!ok_) {
    used_ = 0;
    return false;
  }
  if (used_ == 0) return true;
  const std::size_t n = used_;
  used_ = 0;
  return write_all(buffer_.data(), n);
}

bool output_file::write_slow(const void* data, std::size_t size) {
  if (!ok_) return false;
  const auto* bytes = static_cast<const std::uint8_t*>(data);
  // Top the buffer up first so writes stay whole buffers, then write big payloads
  // straight through instead of copying them.
  const std::size_t room = capacity_ - used_;
  std::memcpy(buffer_.data() + used_, bytes, room);
  used_ += room;
  bytes += room;
  size -= room;
  if (!flush()) return false;
  if (size >= capacity_) return write_all(bytes, size);
  std::memcpy(buffer_.data(), bytes, size);
  used_ = size;
  return true;
}

mfb::result<bool> output_file::close() {
  const bool flushed = flush();
  if (owns_fd_ && fd_ >= 0) {
    if (::close(fd_) != 0 && ok_) {
      // NFS and some file systems report a full disk only at close.
      error_ = name_ + ": close failed: " + std::strerror(errno);
      ok_ = false;
    }
    fd_ = -1;
    owns_fd_ = false;
  }
  if (!flushed || !ok_) return mfb::error{error_};
  return true;
}

}  // namespace mfb::bridge
