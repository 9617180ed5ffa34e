// Variable-length framing after IBM's "DFSMS Using Data Sets" (format-V records):
// RDW = LL LL 00 00 (length counts the RDW), BDW = block length counting itself (or the
// extended 31-bit form when bit 0 is set), SDW = LL LL cc 00 with segment control cc:
// 0 whole record, 1 first, 2 last, 3 middle segment.

#include "mfb/ebcdic/hex.hpp"
#include <algorithm>
#include <cstring>

#include "io/framing_detail.hpp"

namespace mfb::bridge::detail {

namespace {

enum class step { ok, need_more, failed };

constexpr std::size_t prefetch_distance = 2048;

/// Copy a descriptor word into `w` in IBM (big-endian) byte order. A little-endian RDW
/// (e.g. 00 00 40 00 for length 64) is the IBM word with its four bytes reversed; so is a
/// little-endian BDW, whose extended-form bit is then in its last byte.
void load_word(const framing_pass& p, std::size_t at, std::uint8_t w[4], bool big_endian) {
  const std::uint8_t* s = p.buf + at;
  if (big_endian) {
    std::memcpy(w, s, 4);
  } else {
    w[0] = s[3];
    w[1] = s[2];
    w[2] = s[1];
    w[3] = s[0];
  }
}

/// Scanner for one logical record; commits nothing until the record is whole.
struct scan {
  framing_pass& p;
  bool blocked;
  bool spanned;
  std::size_t cur;
  std::uint64_t left;
  std::uint64_t block_start;

  std::string hex(std::size_t at) const { return ebcdic::hex_spaced(p.buf + at, 4); }

  /// Read the BDW at cur and enter its block.
  step enter_block() {
    if (p.limit - cur < 4) {
      if (!p.at_eof) return step::need_more;
      p.fail(p.offset(cur), "block at offset " + std::to_string(p.offset(cur)) + ": truncated BDW: only " +
                                std::to_string(p.limit - cur) + " bytes remain in the file");
      return step::failed;
    }
    std::uint8_t w[4];
    load_word(p, cur, w, p.opt.bdw_is_big_endian());
    std::uint64_t len;
    // Messages are built only on failure: this runs once per block.
    auto at = [&] { return "block at offset " + std::to_string(p.offset(cur)) + ": BDW " + hex(cur); };
    if ((w[0] & 0x80) != 0) {
      // Extended BDW (large block interface): the other 31 bits are the block length.
      len = std::uint64_t{w[0] & 0x7Fu} << 24 | std::uint64_t{w[1]} << 16 | std::uint64_t{w[2]} << 8 | w[3];
    } else {
      len = std::uint64_t{w[0]} << 8 | w[1];
      if (w[2] != 0 || w[3] != 0) {
        p.fail(p.offset(cur), at() + " has non-zero reserved bytes (is the file really blocked? try --recfm V)");
        return step::failed;
      }
    }
    // --bdw-adjust: validate() bounds it, so the sum cannot overflow.
    const long long adjusted = static_cast<long long>(len) + p.opt.bdw_adjust;
    if (adjusted < 8) {
      p.fail(p.offset(cur), at() + " gives a block length of " + std::to_string(adjusted) +
                                (p.opt.bdw_adjust != 0 ? " after --bdw-adjust " + std::to_string(p.opt.bdw_adjust) : "") +
                                ", less than 8 (the BDW and one RDW)");
      return step::failed;
    }
    block_start = p.offset(cur);
    left = static_cast<std::uint64_t>(adjusted) - 4;
    cur += 4;
    return step::ok;
  }

  /// Read the RDW/SDW at cur; on success set its total length and segment control.
  step read_rdw(std::size_t& total, unsigned& control) {
    if (blocked && left < 4) {
      p.fail(p.offset(cur), p.where(p.offset(cur)) + ": the block at offset " + std::to_string(block_start) +
                                " has " + std::to_string(left) + " bytes left, too few for an RDW");
      return step::failed;
    }
    if (p.limit - cur < 4) {
      if (!p.at_eof) return step::need_more;
      p.fail(p.offset(cur), p.where(p.offset(cur)) + ": truncated RDW: only " +
                                std::to_string(p.limit - cur) + " bytes remain in the file" +
                                (blocked ? " but the block at offset " + std::to_string(block_start) +
                                               " has " + std::to_string(left) + " bytes left"
                                         : ""));
      return step::failed;
    }
    // RDWs form a chain the hardware prefetcher cannot follow; records are read in file
    // order, so fetching a little ahead hides most of the cache misses.
    __builtin_prefetch(p.buf + std::min(cur + prefetch_distance, p.limit));
    std::uint8_t w[4];
    load_word(p, cur, w, p.opt.rdw_big_endian);
    const long long adjusted = static_cast<long long>(std::size_t{w[0]} << 8 | w[1]) + p.opt.rdw_adjust;
    // Messages are built only on failure: this runs once per record.
    auto at = [&] { return p.where(p.offset(cur)) + ": RDW " + hex(cur); };
    if (adjusted < 0) {
      p.fail(p.offset(cur), at() + " gives a negative length (" + std::to_string(adjusted) +
                                ") after --rdw-adjust " + std::to_string(p.opt.rdw_adjust));
      return step::failed;
    }
    const auto len = static_cast<std::size_t>(adjusted);
    if (len == 0) {
      p.fail(p.offset(cur), at() + " has length 0");
      return step::failed;
    }
    if (p.opt.rdw_includes_header && len < 4) {
      p.fail(p.offset(cur), at() + " has length " + std::to_string(len) +
                                ", less than the 4 bytes of the RDW itself (does the length exclude the RDW?)");
      return step::failed;
    }
    if (len > max_rdw_length) {
      p.fail(p.offset(cur), at() + " has length " + std::to_string(len) + ", more than " +
                                std::to_string(max_rdw_length));
      return step::failed;
    }
    if (spanned) {
      if ((w[2] & 0xFC) != 0 || w[3] != 0) {
        p.fail(p.offset(cur), at() + " has reserved bits set in its segment control bytes");
        return step::failed;
      }
      control = w[2];
    } else {
      if (w[2] != 0 || w[3] != 0) {
        p.fail(p.offset(cur), at() + " has non-zero reserved bytes (a spanned segment? try --recfm VS or VBS)");
        return step::failed;
      }
      control = 0;
    }
    total = p.opt.rdw_includes_header ? len : len + 4;
    if (blocked && total > left) {
      p.fail(p.offset(cur), at() + " gives a length of " + std::to_string(total) + " but only " +
                                std::to_string(left) + " bytes are left in the block at offset " +
                                std::to_string(block_start));
      return step::failed;
    }
    if (p.limit - cur < total) {
      if (!p.at_eof) return step::need_more;
      p.fail(p.offset(cur), at() + ": truncated: the RDW gives " + std::to_string(total) + " bytes but only " +
                                std::to_string(p.limit - cur) + " remain in the file");
      return step::failed;
    }
    return step::ok;
  }
};

}  // namespace

std::size_t frame_variable(framing_pass& p, std::size_t pos) {
  const recfm f = p.opt.format;
  const bool blocked = f == recfm::vb || f == recfm::vbs;
  const bool spanned = f == recfm::vs || f == recfm::vbs;
  auto& segs = p.segments;
  for (;;) {
    scan s{p, blocked, spanned, pos, p.state.block_left, p.state.block_start};
    segs.clear();
    std::uint64_t record_at = 0;  // offset of the first segment's SDW
    step st = step::ok;
    for (;;) {
      if (blocked && s.left == 0) {
        if (segs.empty() && s.cur == p.limit && p.at_eof) return pos;  // clean end
        st = s.enter_block();
        if (st != step::ok) break;
      } else if (!blocked && segs.empty() && s.cur == p.limit) {
        return pos;  // clean end, or wait for more bytes
      } else if (!segs.empty() && s.cur == p.limit && p.at_eof) {
        p.fail(record_at, "record " + std::to_string(p.next_number) + " at offset " +
                              std::to_string(record_at) +
                              ": the file ends before the last segment of this spanned record");
        return pos;
      }
      std::size_t total = 0;
      unsigned control = 0;
      st = s.read_rdw(total, control);
      if (st != step::ok) break;
      const bool first = control == 0 || control == 1;
      if (first && !segs.empty()) {
        p.fail(p.offset(s.cur), p.where(record_at) + ": its last segment is missing: segment " +
                                    s.hex(s.cur) + " at offset " + std::to_string(p.offset(s.cur)) +
                                    " starts a new record");
        return pos;
      }
      if (!first && segs.empty()) {
        p.fail(p.offset(s.cur), p.where(p.offset(s.cur)) + ": orphan segment " + s.hex(s.cur) + " (" +
                                    (control == 2 ? "last" : "middle") +
                                    " segment with no first segment before it)");
        return pos;
      }
      if (segs.empty()) record_at = p.offset(s.cur);
      segs.emplace_back(s.cur + 4, total - 4);
      s.cur += total;
      if (blocked) s.left -= total;
      if (control == 0 || control == 2) break;  // whole record, or its last segment
    }
    if (st != step::ok) return pos;

    // Join the segments in place: each moves down over the descriptors before it.
    std::size_t size = segs[0].second;
    for (std::size_t i = 1; i < segs.size(); ++i) {
      std::memmove(p.buf + segs[0].first + size, p.buf + segs[i].first, segs[i].second);
      size += segs[i].second;
    }
    if (!p.emit(segs[0].first, size)) return pos;
    pos = s.cur;
    p.state.block_left = s.left;
    p.state.block_start = s.block_start;
  }
}

}  // namespace mfb::bridge::detail
