// recfm::header: each record is a declared header (record_header.hpp) and then the number
// of data bytes its length gives; the header is not part of the record handed out.

#include "mfb/ebcdic/hex.hpp"

#include "io/framing_detail.hpp"

namespace mfb::bridge::detail {

namespace {

std::uint64_t stored_length(const record_header_spec& h, const std::uint8_t* header) {
  const std::uint8_t* f = header + h.length_offset;
  std::uint64_t v = 0;
  if (h.big_endian) {
    for (std::size_t i = 0; i < h.length_size; ++i) v = v << 8 | f[i];
  } else {
    for (std::size_t i = h.length_size; i-- > 0;) v = v << 8 | f[i];
  }
  return v;
}

/// The first failed validity check's message, or "".
std::string check_header(const record_header_spec& h, const std::uint8_t* header) {
  for (const auto& c : h.checks) {
    bool ok = false;
    for (auto v : c.values) ok = ok || header[c.offset] == v;
    if (ok) continue;
    std::string want;
    for (auto v : c.values) want += (want.empty() ? "" : " or ") + ebcdic::hex_spaced(&v, 1);
    return "header byte " + std::to_string(c.offset) + " is " + ebcdic::hex_spaced(header + c.offset, 1) +
           ", not " + want;
  }
  return {};
}

}  // namespace

std::size_t frame_header(framing_pass& p, std::size_t pos) {
  const record_header_spec& h = p.opt.header;
  while (pos < p.limit) {
    const std::size_t avail = p.limit - pos;
    const std::uint64_t at = p.offset(pos);
    if (avail < h.size) {
      if (p.at_eof)
        p.fail(at, p.where(at) + ": truncated record header: only " + std::to_string(avail) +
                       " bytes remain, the header is " + std::to_string(h.size));
      break;
    }
    auto header = [&] { return "record header " + ebcdic::hex_spaced(p.buf + pos, h.size); };
    if (auto why = check_header(h, p.buf + pos); !why.empty()) {
      p.fail(at, p.where(at) + ": " + header() + ": " + why + " (--record-header " + h.text + ")");
      break;
    }
    const long long data = h.data_length(stored_length(h, p.buf + pos));
    if (data < 0) {
      p.fail(at, p.where(at) + ": " + header() + " gives a data length of " + std::to_string(data) +
                     " (--record-header " + h.text + ")");
      break;
    }
    const auto size = static_cast<std::size_t>(data);
    if (avail - h.size < size) {
      if (p.at_eof)
        p.fail(at, p.where(at) + ": truncated: " + header() + " gives " + std::to_string(size) +
                       " data bytes but only " + std::to_string(avail - h.size) + " remain in the file");
      break;
    }
    if (!p.emit(pos + h.size, size)) break;
    pos += h.size + size;
  }
  return pos;
}

}  // namespace mfb::bridge::detail
