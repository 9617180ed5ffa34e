#pragma once
// Private to the record reader: one framing pass over a filled buffer, shared by the
// per-format framers (framing_fixed.cpp, framing_variable.cpp).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "mfb/bridge/io/framing_options.hpp"
#include "mfb/bridge/io/record_reader.hpp"

namespace mfb::bridge::detail {

/// Framing state that survives between passes (committed only when a record completes).
struct framing_state {
  std::uint64_t block_left = 0;   ///< VB/VBS: bytes left in the current block; 0 = BDW next
  std::uint64_t block_start = 0;  ///< VB/VBS: file offset of the current block's BDW
};

/// One pass: frame as many whole records as lie in buf[pos, limit).
struct framing_pass {
  const framing_options& opt;
  std::uint8_t* buf;
  std::size_t limit;
  bool at_eof;             ///< nothing follows buf[limit) (except the skipped tail)
  std::uint64_t base;      ///< file offset of buf[origin]
  std::size_t origin;
  std::vector<record_view>& out;
  std::uint64_t& next_number;
  framing_state& state;
  std::vector<std::pair<std::size_t, std::size_t>>& segments;  ///< VS/VBS scratch
  std::uint64_t data_start;  ///< file offset where framing began (after skip_head)
  std::optional<framing_error> error{};

  /// File offset of buf[pos].
  std::uint64_t offset(std::size_t pos) const { return base + pos - origin; }

  /// Record a framing error about bytes at file offset `at`; framing stops.
  void fail(std::uint64_t at, std::string message) {
    framing_error e;
    e.record_number = next_number;
    e.file_offset = at;
    e.message = std::move(message);
    error = std::move(e);
  }

  /// "record 7 at offset 1234" for messages.
  std::string where(std::uint64_t at) const {
    return "record " + std::to_string(next_number) + " at offset " + std::to_string(at);
  }

  /// Hand out buf[pos, pos + size) as the next record, minus the record start/end offsets;
  /// return false (with the error set) when the record is shorter than those offsets.
  bool emit(std::size_t pos, std::size_t size) {
    const std::size_t cut = opt.record_start_offset + opt.record_end_offset;
    if (cut != 0) {
      if (size < cut) {
        fail(offset(pos), where(offset(pos)) + ": " + std::to_string(size) +
                              " bytes is shorter than record_start_offset + record_end_offset (" +
                              std::to_string(cut) + ")");
        return false;
      }
      pos += opt.record_start_offset;
      size -= cut;
    }
    out.push_back(record_view{next_number++, offset(pos), buf + pos, size});
    return true;
  }
};


// Each framer returns the position after the last whole record it framed. Before end of
// input it stops at an incomplete record; at end of input it frames everything or fails.
std::size_t frame_fixed(framing_pass& p, std::size_t pos);
std::size_t frame_text_lines(framing_pass& p, std::size_t pos);
std::size_t frame_length_field(framing_pass& p, std::size_t pos);
std::size_t frame_custom(framing_pass& p, std::size_t pos);
std::size_t frame_variable(framing_pass& p, std::size_t pos);
std::size_t frame_header(framing_pass& p, std::size_t pos);

}  // namespace mfb::bridge::detail
