// gzip and bzip2 behind one interface (see decompressor.hpp).

#include "io/decompressor.hpp"

#include <bzlib.h>
#include <zlib.h>

#include <algorithm>
#include <vector>

namespace mfb::bridge::detail {

namespace {

constexpr std::size_t chunk = std::size_t{1} << 20;

/// The compressed side both formats share: a chunk of raw bytes and the end-of-input state.
class compressed_input {
 public:
  compressed_input(std::string name, raw_reader raw) : name_(std::move(name)), raw_(std::move(raw)), in_(chunk) {}

 protected:
  /// Refill the chunk when it is used up; false at the end of the raw input.
  mfb::result<bool> refill(std::size_t unread) {
    if (unread != 0) return true;
    if (eof_) return false;
    auto r = raw_(in_.data(), in_.size());
    if (!r) return r.err();
    filled_ = *r;
    if (filled_ < in_.size()) eof_ = true;
    return filled_ != 0;
  }
  std::string name_;
  raw_reader raw_;
  std::vector<std::uint8_t> in_;
  std::size_t filled_ = 0;
  bool eof_ = false;
};

class gzip_reader final : public decompressor, compressed_input {
 public:
  using compressed_input::compressed_input;
  ~gzip_reader() override { inflateEnd(&zs_); }
  bool start() { return inflateInit2(&zs_, 16 + MAX_WBITS) == Z_OK; }
  const char* format() const noexcept override { return "gzip"; }

  mfb::result<std::size_t> read(std::uint8_t* dst, std::size_t n) override {
    zs_.next_out = dst;
    zs_.avail_out = static_cast<uInt>(std::min<std::size_t>(n, 1u << 30));
    const std::size_t want = zs_.avail_out;
    while (zs_.avail_out != 0) {
      auto more = refill(zs_.avail_in);
      if (!more) return more.err();
      if (!*more) break;
      if (zs_.avail_in == 0) {
        zs_.next_in = in_.data();
        zs_.avail_in = static_cast<uInt>(filled_);
      }
      int rc = inflate(&zs_, Z_NO_FLUSH);
      if (rc == Z_STREAM_END) {
        inflateReset(&zs_);  // the next member, if any, goes on the same stream
        continue;
      }
      if (rc == Z_BUF_ERROR && zs_.avail_in == 0) continue;
      if (rc != Z_OK)
        return mfb::error{name_ + ": corrupt gzip data: " + (zs_.msg != nullptr ? zs_.msg : "inflate error")};
    }
    const std::size_t produced = want - zs_.avail_out;
    // inflateReset at each member end zeroes total_in, so a non-zero count at the end of
    // the raw bytes means the data stopped inside a member.
    if (produced == 0 && eof_ && zs_.avail_in == 0 && zs_.total_in != 0)
      return mfb::error{name_ + ": truncated gzip data (the compressed stream ends mid-member)"};
    return produced;
  }

 private:
  z_stream zs_{};
};

class bzip2_reader final : public decompressor, compressed_input {
 public:
  using compressed_input::compressed_input;
  ~bzip2_reader() override {
    if (live_) BZ2_bzDecompressEnd(&bz_);
  }
  bool start() { return live_ = BZ2_bzDecompressInit(&bz_, 0, 0) == BZ_OK; }
  const char* format() const noexcept override { return "bzip2"; }

  mfb::result<std::size_t> read(std::uint8_t* dst, std::size_t n) override {
    bz_.next_out = reinterpret_cast<char*>(dst);
    bz_.avail_out = static_cast<unsigned>(std::min<std::size_t>(n, 1u << 30));
    const std::size_t want = bz_.avail_out;
    while (bz_.avail_out != 0) {
      auto more = refill(bz_.avail_in);
      if (!more) return more.err();
      if (!*more) break;
      if (bz_.avail_in == 0) {
        bz_.next_in = reinterpret_cast<char*>(in_.data());
        bz_.avail_in = static_cast<unsigned>(filled_);
      }
      const int rc = BZ2_bzDecompress(&bz_);
      if (rc == BZ_STREAM_END) {
        // The next stream of a concatenated file starts afresh.
        BZ2_bzDecompressEnd(&bz_);
        live_ = false;
        in_member_ = false;
        if (!start()) return mfb::error{name_ + ": cannot restart bzip2"};
        continue;
      }
      if (rc != BZ_OK) return mfb::error{name_ + ": corrupt bzip2 data (libbz2 error " + std::to_string(rc) + ")"};
      in_member_ = true;
    }
    const std::size_t produced = want - bz_.avail_out;
    if (produced == 0 && eof_ && bz_.avail_in == 0 && in_member_)
      return mfb::error{name_ + ": truncated bzip2 data (the compressed stream ends mid-stream)"};
    return produced;
  }

 private:
  bz_stream bz_{};
  bool live_ = false;
  bool in_member_ = false;  ///< bytes of a stream were taken and its end not yet seen
};

}  // namespace

mfb::result<std::unique_ptr<decompressor>> make_decompressor(const std::uint8_t* magic, std::size_t size,
                                                             std::string name, raw_reader raw) {
  if (size >= 2 && magic[0] == 0x1f && magic[1] == 0x8b) {
    auto gz = std::make_unique<gzip_reader>(name, std::move(raw));
    if (!gz->start()) return mfb::error{name + ": cannot start zlib"};
    return std::unique_ptr<decompressor>(std::move(gz));
  }
  if (size >= 4 && magic[0] == 'B' && magic[1] == 'Z' && magic[2] == 'h' && magic[3] >= '1' && magic[3] <= '9') {
    auto bz = std::make_unique<bzip2_reader>(name, std::move(raw));
    if (!bz->start()) return mfb::error{name + ": cannot start libbz2"};
    return std::unique_ptr<decompressor>(std::move(bz));
  }
  return std::unique_ptr<decompressor>();
}

}  // namespace mfb::bridge::detail
