// The reject file and its log are written straight through (a few bad records are rare
// enough for two write(2) calls each), so their lengths on disk are what the marks say.

#include "db/load_rejects.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include "mfb/bridge/io/reject_frame.hpp"

namespace mfb::rehost::detail {

namespace {

// Open `name` for writing, cut back to `length` bytes, positioned at its end.
int open_at(const std::string& name, std::uint64_t length, std::string& error) {
  int fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0666);
  if (fd < 0) {
    error = "cannot write reject file " + name + ": " + std::strerror(errno);
    return -1;
  }
  struct stat st {};
  if (fstat(fd, &st) != 0 || static_cast<std::uint64_t>(st.st_size) < length) {
    error = "reject file " + name + " holds " + std::to_string(st.st_size) +
            " bytes, fewer than the " + std::to_string(length) +
            " the interrupted load committed: it was changed since; use --restart";
  } else if (ftruncate(fd, static_cast<off_t>(length)) != 0 || lseek(fd, 0, SEEK_END) < 0) {
    error = "cannot cut reject file " + name + " back to " + std::to_string(length) +
            " bytes: " + std::strerror(errno);
  }
  if (error.empty()) return fd;
  ::close(fd);
  return -1;
}

}  // namespace

load_rejects::~load_rejects() {
  if (fd_ >= 0) ::close(fd_);
  if (log_fd_ >= 0) ::close(log_fd_);
}

std::string load_rejects::open(const std::string& path, bridge::recfm format,
                               const reject_marks& committed) {
  marks_ = committed;
  format_ = format;
  if (path.empty()) return {};
  name_ = path;
  log_name_ = path + ".errors.jsonl";
  fd_ = open_at(name_, committed.bytes, error_);
  if (fd_ >= 0) log_fd_ = open_at(log_name_, committed.log_bytes, error_);
  return error_;
}

bool load_rejects::write(int fd, const std::string& name, const void* data, std::size_t size,
                         std::uint64_t& length) {
  const auto* p = static_cast<const char*>(data);
  while (size > 0) {
    ssize_t n = ::write(fd, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      error_ = "cannot write reject file " + name + " after " + std::to_string(length) +
               " bytes: " + std::strerror(n < 0 ? errno : ENOSPC);
      return false;
    }
    p += n;
    size -= static_cast<std::size_t>(n);
    length += static_cast<std::uint64_t>(n);
  }
  unsynced_ = true;
  return true;
}

bool load_rejects::add(const bridge::record_view& rec, const std::vector<bridge::record_error>& errors) {
  ++marks_.rejected;
  if (fd_ < 0) return true;
  if (!error_.empty()) return false;
  // The record's frame and bytes in one write, so a crash cannot split them.
  const bridge::detail::reject_frame frame = bridge::detail::frame_for_reject(format_, rec.size);
  std::string bytes(reinterpret_cast<const char*>(frame.head), frame.head_size);
  bytes.append(reinterpret_cast<const char*>(rec.data), rec.size);
  if (frame.newline) bytes += '\n';
  std::string lines;
  for (const auto& e : errors)
    if (!e.in_alternative) lines += e.to_json() + '\n';
  return write(fd_, name_, bytes.data(), bytes.size(), marks_.bytes) &&
         write(log_fd_, log_name_, lines.data(), lines.size(), marks_.log_bytes);
}

bool load_rejects::sync() {
  if (!unsynced_) return error_.empty();
  unsynced_ = false;
  for (auto [fd, name] : {std::pair{fd_, &name_}, std::pair{log_fd_, &log_name_}})
    if (fd >= 0 && fsync(fd) != 0 && error_.empty())
      error_ = "cannot write reject file " + *name + ": " + std::strerror(errno);
  return error_.empty();
}

}  // namespace mfb::rehost::detail
