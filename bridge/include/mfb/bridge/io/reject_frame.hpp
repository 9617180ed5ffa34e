#pragma once
// How a rejected record is framed in a reject file, so that the file reads back with the
// input's own framing: an RDW before a variable record, a newline after a text line, the
// bare bytes otherwise. convert and load write their reject files the same way.

#include <cstddef>
#include <cstdint>

#include "mfb/bridge/io/framing_options.hpp"

namespace mfb::bridge::detail {

struct reject_frame {
  std::uint8_t head[4] = {0, 0, 0, 0};
  std::size_t head_size = 0;  ///< bytes of head to write before the record
  bool newline = false;       ///< write '\n' after the record
};

/// The frame of a record of `size` bytes read with framing `format`.
inline reject_frame frame_for_reject(recfm format, std::size_t size) {
  reject_frame f;
  switch (format) {
    case recfm::v:
    case recfm::vb:
    case recfm::vs:
    case recfm::vbs: {
      const std::size_t len = size + 4;
      f.head[0] = static_cast<std::uint8_t>(len >> 8);
      f.head[1] = static_cast<std::uint8_t>(len);
      f.head_size = 4;
      break;
    }
    case recfm::text_lines:
      f.newline = true;
      break;
    default:
      break;
  }
  return f;
}

}  // namespace mfb::bridge::detail
