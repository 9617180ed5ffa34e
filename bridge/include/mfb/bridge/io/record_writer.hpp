#pragma once
// The record writer: frames encoded records for the mainframe, as F/FB (fixed length),
// V (RDW), VB (BDW + RDWs in blocks) or text lines, into a path or stdout.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "mfb/bridge/io/framing_options.hpp"
#include "mfb/bridge/io/output_file.hpp"
#include "mfb/ebcdic/result.hpp"

namespace mfb::bridge {

/// How records are framed on output; plain data, checked by validate().
struct writer_options {
  recfm format = recfm::fb;          ///< f, fb, v, vb or text_lines
  std::size_t lrecl = 0;             ///< F/FB: every record is exactly this long
  bool pad_short = true;             ///< F/FB: pad a shorter record (else it is an error)
  std::uint8_t pad_byte = 0x40;      ///< F/FB padding (EBCDIC space)
  bool rdw_big_endian = true;        ///< V/VB: IBM order; false reverses the 4-byte words
  bool rdw_includes_header = true;   ///< V/VB: the RDW length counts its own 4 bytes
  std::size_t block_size = 32760;    ///< VB: the largest block, BDW included

  /// Return the defaults (FB, lrecl still to be set).
  static writer_options defaults() { return {}; }
  /// Check the options; return an empty string when valid, otherwise the reason.
  std::string validate() const;
};

/// Writes framed records; not thread-safe. Errors stick (see output_file).
class record_writer {
 public:
  /// Open `path_or_dash` ("-" is stdout) with validated options.
  static mfb::result<std::unique_ptr<record_writer>> open(const std::string& path_or_dash,
                                                          writer_options options);
  /// Frame into an already opened output.
  static mfb::result<std::unique_ptr<record_writer>> open(std::unique_ptr<output_file> out,
                                                          writer_options options);
  ~record_writer();
  record_writer(const record_writer&) = delete;
  record_writer& operator=(const record_writer&) = delete;

  /// Write one record. Return an empty string, or why the record cannot be written in this
  /// format (too long for LRECL or for a block, short under F without padding, or a failed
  /// write). A record refused for its size leaves the output unchanged.
  std::string write(const std::uint8_t* data, std::size_t size);

  /// Write the pending block (VB) and close the file; return the first error met.
  mfb::result<bool> close();

  std::uint64_t records_written() const noexcept { return records_; }
  std::uint64_t bytes_written() const noexcept { return out_->bytes_written(); }
  const writer_options& options() const noexcept { return opt_; }
  /// False once a write to the file has failed (an I/O error, not a refused record).
  bool ok() const noexcept { return out_->ok(); }

 private:
  record_writer(std::unique_ptr<output_file> out, writer_options options);
  void put_word(std::uint8_t* at, std::size_t value) const;
  bool flush_block();

  std::unique_ptr<output_file> out_;
  writer_options opt_;
  std::vector<std::uint8_t> block_;  // VB: the block being filled, BDW space first
  std::uint64_t records_ = 0;
  bool closed_ = false;
};

}  // namespace mfb::bridge
