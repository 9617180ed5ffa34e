// The record writer: the reverse of the record reader's F/FB, V, VB and text framings,
// with the same descriptor-word conventions (LL LL 00 00, optionally byte-reversed).

#include "mfb/bridge/io/record_writer.hpp"

#include <cstring>

namespace mfb::bridge {

std::string writer_options::validate() const {
  switch (format) {
    case recfm::f:
    case recfm::fb:
      if (lrecl == 0) return "--lrecl must be set for RECFM F/FB";
      return {};
    case recfm::v:
    case recfm::text_lines:
      return {};
    case recfm::vb:
      if (block_size < 8 || block_size > max_rdw_length)
        return "--block-size must be 8 to " + std::to_string(max_rdw_length);
      return {};
    default:
      return "record format " + std::string(to_string(format)) +
             " cannot be written (use F, FB, V, VB or TEXT)";
  }
}

mfb::result<std::unique_ptr<record_writer>> record_writer::open(const std::string& path_or_dash,
                                                                writer_options options) {
  if (auto why = options.validate(); !why.empty()) return error{why};
  auto out = output_file::open(path_or_dash);
  if (!out) return out.err();
  return open(std::move(out).value(), options);
}

mfb::result<std::unique_ptr<record_writer>> record_writer::open(std::unique_ptr<output_file> out,
                                                                writer_options options) {
  if (auto why = options.validate(); !why.empty()) return error{why};
  return std::unique_ptr<record_writer>(new record_writer(std::move(out), options));
}

record_writer::record_writer(std::unique_ptr<output_file> out, writer_options options)
    : out_(std::move(out)), opt_(options) {}

record_writer::~record_writer() {
  if (!closed_) (void)close();
}

void record_writer::put_word(std::uint8_t* at, std::size_t value) const {
  std::uint8_t w[4] = {static_cast<std::uint8_t>(value >> 8), static_cast<std::uint8_t>(value), 0, 0};
  if (opt_.rdw_big_endian) {
    std::memcpy(at, w, 4);
  } else {
    at[0] = w[3];
    at[1] = w[2];
    at[2] = w[1];
    at[3] = w[0];
  }
}

bool record_writer::flush_block() {
  if (block_.size() <= 4) return out_->ok();
  put_word(block_.data(), block_.size());  // the BDW always counts itself
  bool ok = out_->write(block_.data(), block_.size());
  block_.clear();
  return ok;
}

std::string record_writer::write(const std::uint8_t* data, std::size_t size) {
  switch (opt_.format) {
    case recfm::f:
    case recfm::fb: {
      if (size > opt_.lrecl)
        return "record of " + std::to_string(size) + " bytes is longer than LRECL " +
               std::to_string(opt_.lrecl);
      if (size < opt_.lrecl && !opt_.pad_short)
        return "record of " + std::to_string(size) + " bytes is shorter than LRECL " +
               std::to_string(opt_.lrecl);
      out_->write(data, size);
      for (std::size_t i = size; i < opt_.lrecl; ++i) out_->put(static_cast<char>(opt_.pad_byte));
      break;
    }
    case recfm::v: {
      std::size_t len = size + (opt_.rdw_includes_header ? 4 : 0);
      if (size + 4 > max_rdw_length)
        return "record of " + std::to_string(size) + " bytes does not fit an RDW (at most " +
               std::to_string(max_rdw_length - 4) + " data bytes)";
      std::uint8_t rdw[4];
      put_word(rdw, len);
      out_->write(rdw, 4);
      out_->write(data, size);
      break;
    }
    case recfm::vb: {
      std::size_t len = size + (opt_.rdw_includes_header ? 4 : 0);
      if (size + 8 > opt_.block_size)
        return "record of " + std::to_string(size) + " bytes does not fit a block of " +
               std::to_string(opt_.block_size) + " bytes (BDW and RDW take 8)";
      if (block_.size() + size + 4 > opt_.block_size) flush_block();
      if (block_.empty()) block_.resize(4);
      std::size_t at = block_.size();
      block_.resize(at + 4 + size);
      put_word(block_.data() + at, len);
      if (size) std::memcpy(block_.data() + at + 4, data, size);
      break;
    }
    case recfm::text_lines:
      out_->write(data, size);
      out_->put('\n');
      break;
    default:
      return "record format cannot be written";
  }
  if (!out_->ok()) return out_->error();
  ++records_;
  return {};
}

mfb::result<bool> record_writer::close() {
  if (closed_) return true;
  closed_ = true;
  flush_block();
  return out_->close();
}

}  // namespace mfb::bridge
