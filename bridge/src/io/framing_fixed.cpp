// Framers whose record length does not come from an RDW: fixed (F/FB), text lines,
// a length field inside the record, and a caller-supplied length function.

#include "mfb/ebcdic/hex.hpp"
#include <cstring>

#include "io/framing_detail.hpp"

namespace mfb::bridge::detail {

std::size_t frame_fixed(framing_pass& p, std::size_t pos) {
  const std::size_t lrecl = p.opt.lrecl;
  const std::size_t count = (p.limit - pos) / lrecl;
  p.out.reserve(p.out.size() + count);
  const bool plain = p.opt.record_start_offset == 0 && p.opt.record_end_offset == 0;
  if (plain) {
    // The hot loop for FB: no per-record checks are needed.
    std::uint64_t off = p.offset(pos);
    std::uint64_t number = p.next_number;
    for (std::size_t i = 0; i < count; ++i, pos += lrecl, off += lrecl) {
      p.out.push_back(record_view{number++, off, p.buf + pos, lrecl});
    }
    p.next_number = number;
  } else {
    for (std::size_t i = 0; i < count; ++i, pos += lrecl) {
      if (!p.emit(pos, lrecl)) return pos;  // validate() rules this out; kept for safety
    }
  }
  if (p.at_eof && pos < p.limit && p.opt.keep_partial_last_record) {
    // Handed out short: the decoder reports it (record number, offset, the field it cuts).
    if (p.emit(pos, p.limit - pos)) pos = p.limit;
    return pos;
  }
  if (p.at_eof && pos < p.limit) {
    const std::uint64_t total = p.offset(p.limit) - p.data_start;
    const std::size_t left = p.limit - pos;
    p.fail(p.offset(pos), std::to_string(total) + " bytes is not a multiple of LRECL " +
                              std::to_string(lrecl) + ": " + std::to_string(left) +
                              " bytes left over after record " + std::to_string(p.next_number - 1) +
                              " (is the file variable-length? try --recfm V or VB)");
  }
  return pos;
}

std::size_t frame_text_lines(framing_pass& p, std::size_t pos) {
  while (pos < p.limit) {
    const void* nl = std::memchr(p.buf + pos, '\n', p.limit - pos);
    std::size_t stop;
    std::size_t next;
    if (nl != nullptr) {
      stop = static_cast<std::size_t>(static_cast<const std::uint8_t*>(nl) - p.buf);
      next = stop + 1;
    } else if (p.at_eof) {
      stop = p.limit;  // a last line without its newline is still a record
      next = p.limit;
    } else {
      break;
    }
    std::size_t size = stop - pos;
    if (size != 0 && p.buf[stop - 1] == '\r') --size;
    if (!p.emit(pos, size)) return pos;
    pos = next;
  }
  return pos;
}

namespace {

constexpr std::uint64_t max_field_value = std::uint64_t{1} << 40;  // 1 TiB: surely corrupt

/// Read the length field's value; return false (error set) on a bad digit.
bool read_length_field(framing_pass& p, std::size_t pos, std::uint64_t& value) {
  const auto& o = p.opt;
  const std::uint8_t* f = p.buf + pos + o.length_field_offset;
  const std::size_t n = o.length_field_size;
  value = 0;
  switch (o.length_field_kind) {
    case length_field_encoding::binary_big_endian:
      for (std::size_t i = 0; i < n; ++i) value = value << 8 | f[i];
      return true;
    case length_field_encoding::binary_little_endian:
      for (std::size_t i = n; i-- > 0;) value = value << 8 | f[i];
      return true;
    case length_field_encoding::ebcdic_digits:
    case length_field_encoding::ascii_digits:
      break;
  }
  const bool ebcdic = o.length_field_kind == length_field_encoding::ebcdic_digits;
  for (std::size_t i = 0; i < n; ++i) {
    const unsigned b = f[i];
    unsigned digit = 10;
    if (ebcdic) {
      // Unsigned zoned: zone F; the last byte may carry the positive sign zone C.
      const unsigned zone = b >> 4;
      if ((zone == 0xF || (zone == 0xC && i + 1 == n)) && (b & 15) <= 9) digit = b & 15;
    } else if (b >= '0' && b <= '9') {
      digit = b - '0';
    }
    if (digit > 9) {
      p.fail(p.offset(pos), p.where(p.offset(pos)) + ": length field at record offset " +
                                std::to_string(o.length_field_offset) + " holds " +
                                ebcdic::hex_spaced(f, n) + ", not unsigned digits");
      return false;
    }
    value = value * 10 + digit;
  }
  return true;
}

}  // namespace

std::size_t frame_length_field(framing_pass& p, std::size_t pos) {
  const auto& o = p.opt;
  const std::size_t field_end = o.length_field_offset + o.length_field_size;
  while (pos < p.limit) {
    const std::size_t avail = p.limit - pos;
    if (avail < field_end) {
      if (p.at_eof) {
        p.fail(p.offset(pos), p.where(p.offset(pos)) + ": truncated: only " + std::to_string(avail) +
                                  " bytes remain, the length field ends at record offset " +
                                  std::to_string(field_end));
      }
      break;
    }
    std::uint64_t raw = 0;
    if (!read_length_field(p, pos, raw)) break;
    const std::string field = ebcdic::hex_spaced(p.buf + pos + o.length_field_offset, o.length_field_size);
    if (raw > max_field_value) {
      p.fail(p.offset(pos), p.where(p.offset(pos)) + ": length field " + field + " gives " +
                                std::to_string(raw) + ", an impossible record length");
      break;
    }
    // validate() keeps |length_adjust| <= 2^31, so this cannot overflow.
    const long long adjusted = static_cast<long long>(raw) + o.length_adjust;
    if (adjusted < static_cast<long long>(field_end)) {
      p.fail(p.offset(pos), p.where(p.offset(pos)) + ": length field " + field + " gives a record length of " + std::to_string(adjusted) +
                                ", which does not cover the length field itself (ends at " +
                                std::to_string(field_end) + ")");
      break;
    }
    const auto size = static_cast<std::size_t>(adjusted);
    if (size > avail) {
      if (p.at_eof) {
        p.fail(p.offset(pos), p.where(p.offset(pos)) + ": truncated: the length field says " +
                                  std::to_string(size) + " bytes but only " + std::to_string(avail) +
                                  " remain in the file");
      }
      break;
    }
    if (!p.emit(pos, size)) break;
    pos += size;
  }
  return pos;
}

std::size_t frame_custom(framing_pass& p, std::size_t pos) {
  while (pos < p.limit) {
    const std::size_t avail = p.limit - pos;
    auto r = p.opt.record_length(std::span<const std::uint8_t>(p.buf + pos, avail));
    if (!r) {
      p.fail(p.offset(pos), p.where(p.offset(pos)) + ": " + r.err().message);
      break;
    }
    const std::size_t size = *r;
    if (size == 0 || size > avail) {
      if (p.at_eof) {
        p.fail(p.offset(pos), p.where(p.offset(pos)) + ": truncated: only " + std::to_string(avail) +
                                  " bytes remain in the file" +
                                  (size != 0 ? ", the record needs " + std::to_string(size) : ""));
      }
      break;
    }
    if (!p.emit(pos, size)) break;
    pos += size;
  }
  return pos;
}

}  // namespace mfb::bridge::detail
