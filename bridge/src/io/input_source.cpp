// Byte sources: file descriptor (file or stdin), memory, and gzip or bzip2 decompression
// over either (io/decompressor.hpp).

#include "mfb/bridge/io/input_source.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <new>
#include <vector>

#include "io/decompressor.hpp"

namespace mfb::bridge {

// ---- aligned_buffer -------------------------------------------------------------------

namespace {
std::size_t round_to_pages(std::size_t n) {
  return (n + aligned_buffer::alignment - 1) / aligned_buffer::alignment * aligned_buffer::alignment;
}
}  // namespace

aligned_buffer::~aligned_buffer() {
  if (data_ != nullptr) ::operator delete(data_, std::align_val_t{alignment});
}

aligned_buffer::aligned_buffer(aligned_buffer&& other) noexcept
    : data_(other.data_), capacity_(other.capacity_) {
  other.data_ = nullptr;
  other.capacity_ = 0;
}

aligned_buffer& aligned_buffer::operator=(aligned_buffer&& other) noexcept {
  if (this != &other) {
    if (data_ != nullptr) ::operator delete(data_, std::align_val_t{alignment});
    data_ = other.data_;
    capacity_ = other.capacity_;
    other.data_ = nullptr;
    other.capacity_ = 0;
  }
  return *this;
}

void aligned_buffer::reserve(std::size_t capacity) { grow(capacity, 0); }

void aligned_buffer::grow(std::size_t capacity, std::size_t keep) {
  if (capacity <= capacity_) return;
  // Grow geometrically so a record larger than every buffer so far costs O(n) copies.
  std::size_t want = round_to_pages(std::max(capacity, capacity_ + capacity_ / 2));
  auto* fresh = static_cast<std::uint8_t*>(::operator new(want, std::align_val_t{alignment}));
  if (keep != 0) std::memcpy(fresh, data_, std::min(keep, capacity_));
  if (data_ != nullptr) ::operator delete(data_, std::align_val_t{alignment});
  data_ = fresh;
  capacity_ = want;
}

// ---- sources --------------------------------------------------------------------------

namespace detail {

/// Raw bytes (before decompression): a file descriptor or a memory copy, with a peeked
/// prefix that the magic sniff read ahead and must hand back first.
struct source_state {
  std::string name;
  int fd = -1;
  bool owns_fd = false;
  std::vector<std::uint8_t> memory;  // from_memory: the bytes; else unused
  std::size_t memory_pos = 0;
  std::uint64_t limit = UINT64_MAX;  // open_range: bytes left to hand out
  std::vector<std::uint8_t> peeked;  // bytes read to sniff the magic, not yet returned
  std::size_t peeked_pos = 0;
  long long size = -1;
  std::unique_ptr<detail::decompressor> unpack;  // null for plain data

  ~source_state() {
    unpack.reset();
    if (owns_fd && fd >= 0) ::close(fd);
  }

  /// Read raw (compressed or plain) bytes; loops so that short reads only mean end of input.
  mfb::result<std::size_t> read_raw(std::uint8_t* dst, std::size_t n) {
    std::size_t got = 0;
    if (peeked_pos < peeked.size()) {
      std::size_t k = std::min(n, peeked.size() - peeked_pos);
      std::memcpy(dst, peeked.data() + peeked_pos, k);
      peeked_pos += k;
      got += k;
    }
    if (fd < 0) {
      std::size_t k = std::min(n - got, memory.size() - memory_pos);
      if (k != 0) std::memcpy(dst + got, memory.data() + memory_pos, k);
      memory_pos += k;
      return got + k;
    }
    if (limit != UINT64_MAX) n = static_cast<std::size_t>(std::min<std::uint64_t>(n, got + limit));
    const std::size_t before = got;
    while (got < n) {
      ssize_t r = ::read(fd, dst + got, n - got);
      if (r < 0) {
        if (errno == EINTR) continue;
        return mfb::error{name + ": read failed: " + std::strerror(errno)};
      }
      if (r == 0) break;
      got += static_cast<std::size_t>(r);
    }
    if (limit != UINT64_MAX) limit -= got - before;
    return got;
  }

  mfb::result<bool> start(bool detect_gzip) {
    if (fd >= 0) {
      struct stat st {};
      if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) size = static_cast<long long>(st.st_size);
    } else {
      size = static_cast<long long>(memory.size());
    }
    if (!detect_gzip) return true;
    std::uint8_t magic[detail::magic_size] = {};
    auto r = read_raw(magic, sizeof magic);
    if (!r) return r.err();
    peeked.assign(magic, magic + *r);
    auto made = detail::make_decompressor(magic, *r, name, [this](std::uint8_t* dst, std::size_t n) {
      return read_raw(dst, n);
    });
    if (!made) return made.err();
    unpack = std::move(*made);
    if (unpack) size = -1;  // the plain size is not known before the end
    return true;
  }
};

}  // namespace detail

input_source::input_source(std::unique_ptr<detail::source_state> state) : state_(std::move(state)) {}
input_source::~input_source() = default;

mfb::result<std::unique_ptr<input_source>> input_source::open(const std::string& path_or_dash,
                                                               bool detect_gzip) {
  auto st = std::make_unique<detail::source_state>();
  if (path_or_dash == "-") {
    st->name = "<stdin>";
    st->fd = STDIN_FILENO;
  } else {
    st->name = path_or_dash;
    int fd = ::open(path_or_dash.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return mfb::error{path_or_dash + ": cannot open: " + std::strerror(errno)};
    st->fd = fd;
    st->owns_fd = true;
    struct stat sb {};
    if (::fstat(fd, &sb) == 0 && S_ISDIR(sb.st_mode)) {
      return mfb::error{path_or_dash + ": cannot read: Is a directory"};
    }
    // Sequential hint: the kernel reads ahead more aggressively.
    (void)::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  }
  auto started = st->start(detect_gzip);
  if (!started) return started.err();
  return std::unique_ptr<input_source>(new input_source(std::move(st)));
}

mfb::result<std::unique_ptr<input_source>> input_source::open_range(const std::string& path,
                                                                     std::uint64_t offset,
                                                                     std::uint64_t length) {
  auto whole = open(path, true);
  if (!whole) return whole.err();
  detail::source_state& st = *(*whole)->state_;
  if (st.unpack)
    return mfb::error{path + ": is " + st.unpack->format() + "-compressed: decompress it before splitting"};
  if (st.size < 0) return mfb::error{path + ": is not a regular file: only a file can be split"};
  const auto size = static_cast<std::uint64_t>(st.size);
  if (offset > size || length > size - offset)
    return mfb::error{path + ": the range " + std::to_string(offset) + ":" + std::to_string(length) +
                      " goes past the end of the file (" + std::to_string(size) + " bytes)"};
  if (::lseek(st.fd, static_cast<off_t>(offset), SEEK_SET) < 0)
    return mfb::error{path + ": cannot seek to " + std::to_string(offset) + ": " + std::strerror(errno)};
  st.peeked.clear();  // the magic bytes sniffed at offset 0 are not part of the range
  st.peeked_pos = 0;
  st.limit = length;
  st.size = static_cast<long long>(length);
  return whole;
}

std::unique_ptr<input_source> input_source::from_memory(const std::uint8_t* data, std::size_t size,
                                                        std::string name, bool detect_gzip) {
  auto st = std::make_unique<detail::source_state>();
  st->name = std::move(name);
  if (size != 0) st->memory.assign(data, data + size);
  (void)st->start(detect_gzip);  // memory reads cannot fail
  return std::unique_ptr<input_source>(new input_source(std::move(st)));
}

mfb::result<std::size_t> input_source::read(std::uint8_t* dst, std::size_t size) {
  if (size == 0) return std::size_t{0};
  return state_->unpack ? state_->unpack->read(dst, size) : state_->read_raw(dst, size);
}

const std::string& input_source::name() const noexcept { return state_->name; }
bool input_source::compressed() const noexcept { return state_->unpack != nullptr; }
long long input_source::known_size() const noexcept { return state_->size; }

}  // namespace mfb::bridge
