// The framing sniffer's scorer on files built here by IBM's rules (DFSMS "Using Data Sets",
// format-V: RDW = LL LL 00 00 counting itself, BDW the same for blocks; GnuCOBOL's
// variable files count only the data), and on hostile bytes that must prove nothing.

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "io/framing_sniff_detail.hpp"
#include "mfb/bridge/io/framing_sniff.hpp"

namespace mfb::bridge {
namespace {

using bytes = std::vector<std::uint8_t>;

input_sample whole(bytes b) {
  input_sample s;
  s.name = "<sniff test>";
  s.file_size = static_cast<long long>(b.size());
  s.head = std::move(b);
  return s;
}

// A pseudo-random number for record i (no period a framing could mistake for records).
std::size_t mix(std::size_t i) { return (i * 2654435761u) >> 7 & 0xFFFF; }

// Record i of a fixed layout, as COBOL programs write them: a record type 'D', a key of
// EBCDIC digits (F0-F9), one of several names padded with EBCDIC spaces (X'40'), a date
// and a packed amount (sign nibble C), `length` bytes in all.
bytes record(std::size_t i, std::size_t length) {
  static const std::vector<bytes> names{{0xE2, 0xD4, 0xC9, 0xE3, 0xC8},
                                        {0xD1, 0xD6, 0xD5, 0xC5, 0xE2, 0xE3, 0xD6, 0xD5},
                                        {0xC1, 0xC4, 0xC1, 0xD4, 0xE2},
                                        {0xD7, 0xC1, 0xE3, 0xC5, 0xD3}};
  bytes r(length, 0x40);
  r[0] = 0xC4;
  for (std::size_t k = 0; k < 6; ++k) r[1 + k] = static_cast<std::uint8_t>(0xF0 + (mix(i) >> k) % 10);
  const bytes& name = names[mix(i) % names.size()];
  for (std::size_t k = 0; k < name.size() && 8 + k < length; ++k) r[8 + k] = name[k];
  const std::uint8_t date[] = {0xF2, 0xF0, 0xF2, 0xF6, 0xF1, 0xF1, 0xF2, 0xF1};
  for (std::size_t k = 0; k < 8 && 20 + k < length; ++k) r[20 + k] = date[k];
  if (length > 32) {
    r[length - 3] = static_cast<std::uint8_t>(mix(i) % 10 << 4 | mix(i + 1) % 10);
    r[length - 2] = static_cast<std::uint8_t>(mix(i + 2) % 10 << 4 | mix(i + 3) % 10);
    r[length - 1] = 0x0C;
  }
  return r;
}

std::size_t variable_length(std::size_t i) { return 30 + mix(i) % 90; }

bytes rdw(std::size_t length, bool big, bool includes) {
  const std::size_t n = length + (includes ? 4 : 0);
  bytes w{static_cast<std::uint8_t>(n >> 8), static_cast<std::uint8_t>(n), 0, 0};
  if (!big) std::swap(w[0], w[3]), std::swap(w[1], w[2]);
  return w;
}

bytes fixed_file(std::size_t count, std::size_t lrecl) {
  bytes f;
  for (std::size_t i = 0; i < count; ++i) {
    bytes r = record(i, lrecl);
    f.insert(f.end(), r.begin(), r.end());
  }
  return f;
}

bytes v_file(std::size_t count, bool big, bool includes) {
  bytes f;
  for (std::size_t i = 0; i < count; ++i) {
    bytes r = record(i, variable_length(i)), w = rdw(r.size(), big, includes);
    f.insert(f.end(), w.begin(), w.end());
    f.insert(f.end(), r.begin(), r.end());
  }
  return f;
}

bytes vb_file(std::size_t count, std::size_t blksize) {
  bytes f, block;
  auto flush = [&] {
    bytes w = rdw(block.size(), true, true);  // a BDW is shaped like an RDW counting itself
    f.insert(f.end(), w.begin(), w.end());
    f.insert(f.end(), block.begin(), block.end());
    block.clear();
  };
  for (std::size_t i = 0; i < count; ++i) {
    bytes r = record(i, variable_length(i)), w = rdw(r.size(), true, true);
    if (!block.empty() && 4 + block.size() + w.size() + r.size() > blksize) flush();
    block.insert(block.end(), w.begin(), w.end());
    block.insert(block.end(), r.begin(), r.end());
  }
  if (!block.empty()) flush();
  return f;
}

// Spanned records: a record over 60 bytes is cut into a first (SDW control 1), middles (3)
// and a last segment (2) of at most 40 data bytes; shorter ones are whole (0). With
// `blksize`, the segments go into blocks behind BDWs (VBS), else they follow each other (VS).
bytes spanned_file(std::size_t count, std::size_t blksize) {
  bytes f, block;
  auto flush = [&] {
    if (blksize == 0 || block.empty()) return;
    bytes w = rdw(block.size(), true, true);
    f.insert(f.end(), w.begin(), w.end());
    f.insert(f.end(), block.begin(), block.end());
    block.clear();
  };
  for (std::size_t i = 0; i < count; ++i) {
    bytes r = record(i, variable_length(i));
    for (std::size_t at = 0; at < r.size();) {
      const std::size_t n = r.size() <= 60 ? r.size() : std::min<std::size_t>(40, r.size() - at);
      const bool first = at == 0, last = at + n == r.size();
      bytes w = rdw(n, true, true);
      w[2] = first && last ? 0 : first ? 1 : last ? 2 : 3;
      bytes& out = blksize ? block : f;
      if (blksize && 4 + block.size() + 4 + n > blksize) flush();
      out.insert(out.end(), w.begin(), w.end());
      out.insert(out.end(), r.begin() + static_cast<std::ptrdiff_t>(at), r.begin() + static_cast<std::ptrdiff_t>(at + n));
      at += n;
    }
  }
  flush();
  return f;
}

const framing_guess& best(const std::vector<framing_guess>& g) {
  EXPECT_FALSE(g.empty());
  return g.front();
}

TEST(FramingSniff, FixedRecordsGiveTheirLengthFromTheCopybookOrTheirPeriod) {
  auto s = whole(fixed_file(300, 80));
  auto with_copybook = sniff_framing(s, {80, 80, {80}});
  EXPECT_EQ(framing_flags(best(with_copybook).framing), "--recfm FB --lrecl 80");
  EXPECT_GE(best(with_copybook).score, sniff_confident_score);
  auto alone = sniff_framing(s, {});
  EXPECT_EQ(framing_flags(best(alone).framing), "--recfm FB --lrecl 80");
}

TEST(FramingSniff, AHeaderBeforeFixedRecordsIsSkipped) {
  bytes f(60, 0xC8);  // 60 bytes of EBCDIC 'H': no record's pattern
  bytes records = fixed_file(200, 120);
  f.insert(f.end(), records.begin(), records.end());
  auto g = sniff_framing(whole(f), {120, 120, {120}});
  EXPECT_EQ(framing_flags(best(g).framing), "--recfm FB --lrecl 120 --skip-head 60");
}

TEST(FramingSniff, RdwChainsInEveryByteOrderAndLengthRule) {
  for (bool big : {true, false})
    for (bool includes : {true, false}) {
      auto g = sniff_framing(whole(v_file(200, big, includes)), {30, 119, {}});
      std::string want = std::string("--recfm V") + (big ? "" : " --rdw-little-endian") +
                         (includes ? "" : " --rdw-excludes-header");
      EXPECT_EQ(framing_flags(best(g).framing), want);
      EXPECT_GE(best(g).score, sniff_confident_score) << want;
      EXPECT_EQ(best(g).records, 200u) << want;
      EXPECT_TRUE(best(g).to_end) << want;
    }
}

TEST(FramingSniff, BlockedFilesAreVBNotVReadingBlocksAsRecords) {
  auto g = sniff_framing(whole(vb_file(300, 2048)), {30, 119, {}});
  EXPECT_EQ(framing_flags(best(g).framing), "--recfm VB");
  EXPECT_EQ(best(g).records, 300u);
  EXPECT_EQ(describe_framing(best(g).framing), "RECFM=VB (RDW big-endian, counting itself)");
}

TEST(FramingSniff, SpannedRecordsAreVSOrVBS) {
  auto vs = sniff_framing(whole(spanned_file(200, 0)), {30, 119, {}});
  EXPECT_EQ(framing_flags(best(vs).framing), "--recfm VS");
  EXPECT_EQ(best(vs).records, 200u);
  auto vbs = sniff_framing(whole(spanned_file(200, 1024)), {30, 119, {}});
  EXPECT_EQ(framing_flags(best(vbs).framing), "--recfm VBS");
  EXPECT_EQ(best(vbs).records, 200u);
}

TEST(FramingSniff, HostileBytesProveNothing) {
  std::mt19937 rng(16);
  bytes random(1 << 16);
  for (auto& b : random) b = static_cast<std::uint8_t>(rng());
  const std::vector<bytes> hostile{{}, {0xC1}, bytes(100000, 0x40), random,
                                   bytes{0xFF, 0xFF, 0x00, 0x00, 0x40, 0x40}};
  for (const auto& h : hostile) {
    for (const auto& g : sniff_framing(whole(h), {80, 80, {80}}))
      EXPECT_LT(g.score, sniff_weak_score) << h.size() << " bytes: " << framing_flags(g.framing)
                                           << " " << g.evidence;
  }
}

TEST(FramingSniff, ATruncatedLastRecordIsNeverAConfidentTrailer) {
  bytes v = v_file(100, true, true);
  v.resize(v.size() - 10);
  auto g = sniff_framing(whole(v), {30, 119, {}});
  EXPECT_EQ(framing_flags(best(g).framing), "--recfm V");
  EXPECT_LT(best(g).score, sniff_confident_score);
  bytes f = fixed_file(100, 80);
  f.resize(f.size() - 30);
  for (const auto& guess : sniff_framing(whole(f), {80, 80, {80}}))
    EXPECT_LT(guess.score, sniff_confident_score) << framing_flags(guess.framing);
}

TEST(FramingSniff, TextLinesAreText) {
  std::string text;
  for (int i = 0; i < 50; ++i) text += "00" + std::to_string(100 + i) + " SMITH      LONDON\r\n";
  auto g = sniff_framing(whole(bytes(text.begin(), text.end())), {0, 30, {30}});
  EXPECT_EQ(framing_flags(best(g).framing), "--recfm TEXT");
}

TEST(FramingSniff, RepeatRateCountsEqualBytesAtALag) {
  const bytes b{1, 2, 1, 2, 1, 3};
  EXPECT_DOUBLE_EQ(detail::repeat_rate(b, 2, 0, 6), 3.0 / 4.0);  // (1,1) (2,2) (1,1) (2,3)
  EXPECT_DOUBLE_EQ(detail::repeat_rate(b, 6, 0, 6), 0.0);
}

TEST(FramingSniff, FlagsNameHeaderAndTrailer) {
  framing_options f;
  f.format = recfm::fb;
  f.lrecl = 369;
  f.skip_head = 10;
  f.skip_tail = 5;
  EXPECT_EQ(framing_flags(f), "--recfm FB --lrecl 369 --skip-head 10 --skip-tail 5");
  EXPECT_EQ(describe_framing(f), "RECFM=FB (LRECL 369), a 10-byte header, a 5-byte trailer");
}

}  // namespace
}  // namespace mfb::bridge
