// Split planning's view of a file: pread() access, and one framing unit at a time with the
// same validity rules as the record reader (framing_variable.cpp): RDW/SDW lengths 1..32760
// (at least 4 when they count themselves), zero reserved bytes, blocks filled exactly,
// spanned segments in first/middle/last order.

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "io/split_detail.hpp"

namespace mfb::bridge::detail {

file_bytes::~file_bytes() {
  if (fd_ >= 0) ::close(fd_);
}

std::string file_bytes::open(const std::string& path) {
  name_ = path;
  if (path == "-") return "<stdin> cannot be split: give a file";
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) return path + ": cannot open: " + std::strerror(errno);
  struct stat st {};
  if (::fstat(fd_, &st) != 0 || !S_ISREG(st.st_mode))
    return path + ": is not a regular file: only a file can be split";
  size_ = static_cast<std::uint64_t>(st.st_size);
  mtime_ns_ = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  std::uint8_t magic[2] = {0, 0};
  if (::pread(fd_, magic, 2, 0) == 2 && magic[0] == 0x1f && magic[1] == 0x8b)
    return path + ": is gzip-compressed: decompress it before splitting";
  return {};
}

const std::vector<std::uint8_t>& file_bytes::read(std::uint64_t offset, std::size_t length) {
  buf_.clear();
  if (offset >= size_) return buf_;
  length = static_cast<std::size_t>(std::min<std::uint64_t>(length, size_ - offset));
  buf_.resize(length);
  std::size_t got = 0;
  while (got < length) {
    ssize_t r = ::pread(fd_, buf_.data() + got, length - got, static_cast<off_t>(offset + got));
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) {
      error_ = name_ + ": read failed at offset " + std::to_string(offset + got) + ": " +
               (r < 0 ? std::strerror(errno) : "the file shrank");
      buf_.clear();
      return buf_;
    }
    got += static_cast<std::size_t>(r);
  }
  return buf_;
}

namespace {

/// The descriptor word in IBM byte order (a little-endian RDW is the word reversed).
void word_at(const framing_options& opt, const std::uint8_t* s, std::uint8_t w[4]) {
  if (opt.rdw_big_endian) {
    std::memcpy(w, s, 4);
  } else {
    for (int i = 0; i < 4; ++i) w[i] = s[3 - i];
  }
}

/// One RDW/SDW at p: its total length and segment control (0 when not spanned).
unit_status read_rdw(const framing_options& opt, bool spanned, const std::uint8_t* p,
                     std::size_t avail, bool at_end, std::size_t& total, unsigned& control) {
  if (avail < 4) return at_end ? unit_status::invalid : unit_status::need_more;
  std::uint8_t w[4];
  word_at(opt, p, w);
  const std::size_t len = std::size_t{w[0]} << 8 | w[1];
  if (len == 0 || len > max_rdw_length || (opt.rdw_includes_header && len < 4)) return unit_status::invalid;
  if (w[3] != 0 || (spanned ? (w[2] & 0xFC) != 0 : w[2] != 0)) return unit_status::invalid;
  control = spanned ? w[2] : 0;
  total = opt.rdw_includes_header ? len : len + 4;
  if (total > avail) return at_end ? unit_status::invalid : unit_status::need_more;
  return unit_status::ok;
}

/// Check a segment's control against the open state and move the state on.
bool segment_in_order(int& open, unsigned control) {
  const bool first = control == 0 || control == 1;
  if (open == 1 && first) return false;
  if (open == 0 && !first) return false;
  open = control == 1 || control == 3 ? 1 : 0;
  return true;
}

}  // namespace

bool unit_walker::variable() const {
  return opt.format == recfm::v || opt.format == recfm::vb || opt.format == recfm::vs ||
         opt.format == recfm::vbs;
}

std::size_t unit_walker::max_unit() const {
  switch (opt.format) {
    case recfm::f:
    case recfm::fb: return opt.lrecl;
    case recfm::vb:
    case recfm::vbs: return 0x7FFF;  // the longest block a (non-extended) BDW can give
    default: return max_rdw_length + 4;
  }
}

unit_status unit_walker::parse(const std::uint8_t* p, std::size_t avail, bool at_end, unit_info& u) {
  const recfm f = opt.format;
  const bool spanned = f == recfm::vs || f == recfm::vbs;
  u = unit_info{};
  if (f == recfm::f || f == recfm::fb) {
    if (avail < opt.lrecl) return at_end ? unit_status::invalid : unit_status::need_more;
    u = {opt.lrecl, 1, true, 0, opt.lrecl};
    return unit_status::ok;
  }
  if (f == recfm::text_lines) {
    const void* nl = std::memchr(p, '\n', avail);
    if (nl == nullptr && !at_end) return unit_status::need_more;
    const std::size_t stop = nl ? static_cast<std::size_t>(static_cast<const std::uint8_t*>(nl) - p) : avail;
    u = {nl ? stop + 1 : stop, 1, true, 0, stop};
    return avail == 0 ? unit_status::invalid : unit_status::ok;
  }
  if (f == recfm::v || f == recfm::vs) {
    std::size_t total = 0;
    unsigned control = 0;
    if (auto st = read_rdw(opt, spanned, p, avail, at_end, total, control); st != unit_status::ok) return st;
    if (spanned && !segment_in_order(open_segment, control)) return unit_status::invalid;
    const bool starts = control == 0 || control == 1;
    u = {total, starts ? 1u : 0u, starts, 4, total - 4};
    return unit_status::ok;
  }
  // VB / VBS: the BDW and every RDW or SDW of its block.
  if (avail < 4) return at_end ? unit_status::invalid : unit_status::need_more;
  std::uint8_t w[4];
  word_at(opt, p, w);
  std::uint64_t len;
  if ((w[0] & 0x80) != 0) {
    len = std::uint64_t{w[0] & 0x7Fu} << 24 | std::uint64_t{w[1]} << 16 | std::uint64_t{w[2]} << 8 | w[3];
  } else {
    if (w[2] != 0 || w[3] != 0) return unit_status::invalid;
    len = std::uint64_t{w[0]} << 8 | w[1];
  }
  if (len < 8) return unit_status::invalid;
  if (len > avail) return at_end ? unit_status::invalid : unit_status::need_more;
  std::size_t at = 4;
  while (at < len) {
    std::size_t total = 0;
    unsigned control = 0;
    auto left = static_cast<std::size_t>(len - at);
    if (read_rdw(opt, spanned, p + at, left, true, total, control) != unit_status::ok) return unit_status::invalid;
    if (spanned && !segment_in_order(open_segment, control)) return unit_status::invalid;
    const bool starts = control == 0 || control == 1;
    if (at == 4) {
      u.starts_record = starts;
      u.first_data = 8;
      u.first_size = total - 4;
    }
    u.record_starts += starts ? 1 : 0;
    at += total;
  }
  u.length = len;
  return unit_status::ok;
}

std::string walk_units(file_bytes& file, const framing_options& opt, std::uint64_t from,
                       std::uint64_t to, std::uint64_t& end, const unit_fn& on_unit) {
  unit_walker walker{opt};
  const std::size_t chunk = std::max<std::size_t>(std::size_t{4} << 20, 2 * walker.max_unit());
  std::uint64_t at = from;
  end = from;
  while (at < to) {
    std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(chunk, to - at));
    const auto& bytes = file.read(at, want);
    if (bytes.size() != want) return file.error().empty() ? file.name() + ": short read" : file.error();
    const bool at_end = at + want == to;
    std::size_t pos = 0;
    for (;;) {
      unit_info u;
      if (pos == want) break;
      unit_status st = walker.parse(bytes.data() + pos, want - pos, at_end, u);
      if (st == unit_status::need_more) {
        if (pos == 0) want = 0;  // a unit larger than the chunk: only extended BDWs
        break;
      }
      if (st == unit_status::invalid) {
        end = at + pos;
        return "invalid framing at offset " + std::to_string(end);
      }
      if (!on_unit(at + pos, u, bytes.data() + pos)) {
        end = at + pos;
        return {};
      }
      pos += static_cast<std::size_t>(u.length);
    }
    if (pos == 0 && want == 0) {
      end = at;
      return "a block at offset " + std::to_string(at) + " is longer than " +
             std::to_string(chunk) + " bytes";
    }
    at += pos;
  }
  end = at;
  return {};
}

result<std::uint64_t> count_records(file_bytes& file, const framing_options& opt,
                                    std::uint64_t from, std::uint64_t to) {
  std::uint64_t records = 0;
  std::uint64_t end = 0;
  auto why = walk_units(file, opt, from, to, end, [&](std::uint64_t, const unit_info& u, const std::uint8_t*) {
    records += u.record_starts;
    return true;
  });
  if (!why.empty()) return error{why};
  return records;
}

result<std::uint64_t> move_to_start(file_bytes& file, const framing_options& opt,
                                    std::uint64_t at, std::uint64_t data_end,
                                    const split_start_filter& may_start,
                                    std::uint64_t& records_passed) {
  std::uint64_t found = data_end;
  std::uint64_t end = 0;
  auto why = walk_units(file, opt, at, data_end, end,
                        [&](std::uint64_t off, const unit_info& u, const std::uint8_t* bytes) {
                          if (u.starts_record) {
                            // The record as the reader hands it out: record offsets dropped.
                            const std::size_t cut = opt.record_start_offset + opt.record_end_offset;
                            const std::size_t start = u.first_data + opt.record_start_offset;
                            record_view rec{0, off + start, bytes + start,
                                            u.first_size >= cut ? u.first_size - cut : 0};
                            if (!may_start || may_start(rec)) {
                              found = off;
                              return false;
                            }
                          }
                          records_passed += u.record_starts;
                          return true;
                        });
  if (!why.empty()) return error{why};
  return found;
}

}  // namespace mfb::bridge::detail
