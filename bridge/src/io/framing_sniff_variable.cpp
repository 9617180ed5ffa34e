// RDW/BDW guesses: each of the 16 variable framings (V, VB, VS, VBS; big- or little-endian;
// length counting the RDW or not) is walked over the sample by the record reader, so a
// guess is exactly what a run with those flags would frame. Random bytes almost never
// chain: every RDW must have two zero bytes and a length that lands on the next RDW.

#include <algorithm>
#include <array>

#include "io/framing_sniff_detail.hpp"
#include "mfb/bridge/io/input_source.hpp"
#include "mfb/bridge/io/record_reader.hpp"

namespace mfb::bridge::detail {

namespace {

constexpr std::size_t max_header = 4096;     // header lengths tried when the chain fails at 0
constexpr std::size_t max_header_tries = 16;  // framings walked while looking for a header
constexpr std::size_t max_trailer = 4096;

struct chain {
  std::uint64_t records = 0;
  std::size_t shortest = 0, longest = 0;
  bool clean = false;       // framed the whole sample with no error
  std::uint64_t stop = 0;   // where the framing failed (file offset)
  bool valid = false;       // clean, or failed only where the sample is cut
};

chain walk(const input_sample& s, const framing_options& f) {
  chain c;
  auto src = input_source::from_memory(s.head.data(), s.head.size(), s.name, false);
  auto reader = record_reader::open(std::move(src), f);
  if (!reader) return c;
  record_batch batch;
  // Batches no bigger than the sample: a walk over a small file allocates little.
  while ((*reader)->next(batch, std::max<std::size_t>(s.head.size(), 1)))
    for (const auto& rec : batch) {
      c.shortest = c.records == 0 ? rec.size : std::min(c.shortest, rec.size);
      c.longest = std::max(c.longest, rec.size);
      ++c.records;
    }
  const framing_error* e = (*reader)->error();
  c.clean = e == nullptr;
  c.stop = e ? e->file_offset : s.head.size();
  // A sample that is not the whole file ends inside a record or block, at most one
  // block's length after the last whole record.
  c.valid = c.clean || (!s.whole() && c.stop + max_rdw_length + 8 >= s.head.size());
  return c;
}

// The score of a chain of n records. Every RDW must hold two zero bytes and land exactly
// on the next one, so even three records chaining to the very end of the file are strong
// evidence; one or two records prove little.
double chain_score(std::uint64_t n, bool to_end) {
  if (n < 3) return 0.25;
  if (to_end) return n >= 20 ? 0.95 : 0.85;
  return n >= 20 ? 0.9 : 0.6 + 0.015 * static_cast<double>(n);
}

framing_guess guess_of(const input_sample& s, const framing_options& f, const chain& c) {
  framing_guess g;
  g.framing = f;
  g.records = c.records;
  g.shortest = c.shortest;
  g.longest = c.longest;
  g.to_end = c.clean && s.whole();
  g.score = chain_score(c.records, g.to_end);
  g.evidence = std::string(f.format == recfm::vb || f.format == recfm::vbs ? "BDW and RDW" : "RDW") +
               " chain valid for " + std::to_string(c.records) + " record" +
               (c.records == 1 ? "" : "s") +
               (g.to_end ? " to the end of the file" : " over the first " + std::to_string(s.head.size()) + " bytes");
  return g;
}

// A chain that fails close to the end of a whole file: a trailer, or a truncated last record.
void try_trailer(const input_sample& s, framing_options f, const chain& c,
                 std::vector<framing_guess>& out) {
  if (!s.whole() || c.records < 3 || c.stop >= s.head.size()) return;
  const std::size_t left = s.head.size() - static_cast<std::size_t>(c.stop);
  if (left > max_trailer) return;
  // Bytes that start like a descriptor word of this framing are a record cut short, not a
  // trailer (try_truncated says so).
  const std::uint8_t* w = s.head.data() + c.stop;
  if (left >= 4 && (f.rdw_big_endian ? w[2] <= 3 && w[3] == 0 : w[1] <= 3 && w[0] == 0)) return;
  f.skip_tail = left;
  chain t = walk(s, f);
  if (!t.clean) return;
  framing_guess g = guess_of(s, f, t);
  g.score *= 0.9;
  g.evidence += ", then " + std::to_string(left) + " bytes that are no record (a trailer?)";
  out.push_back(std::move(g));
}

// A chain that holds up to its last record, which the file cuts short: the framing is
// right, but a run will fail at the end; say so with a middling score.
void try_truncated(const input_sample& s, const framing_options& f, const chain& c,
                   std::vector<framing_guess>& out) {
  if (!s.whole() || c.stop + max_rdw_length + 8 < s.head.size()) return;
  framing_guess g = guess_of(s, f, c);
  g.score *= 0.7;
  g.evidence += ", but the file ends inside the next record or block at offset " +
                std::to_string(c.stop) + " (truncated?)";
  out.push_back(std::move(g));
}

}  // namespace

void add_variable_guesses(const input_sample& s, std::vector<framing_guess>& out) {
  constexpr std::array<recfm, 4> formats{recfm::v, recfm::vb, recfm::vs, recfm::vbs};
  std::vector<framing_guess> found;
  std::size_t tries = 0;
  for (std::size_t head = 0; head <= std::min(max_header, s.head.size()); ++head) {
    for (bool big : {true, false}) {
      if (head != 0) {
        // Only a word with two zero bytes where the RDW keeps them can start a chain.
        if (s.head.size() < head + 8 || tries >= max_header_tries) continue;
        const std::uint8_t* w = s.head.data() + head;
        if (big ? (w[2] != 0 || w[3] != 0) : (w[0] != 0 || w[1] != 0)) continue;
        ++tries;
      }
      for (bool includes : {true, false})
        for (recfm fmt : formats) {
          framing_options f;
          f.format = fmt;
          f.rdw_big_endian = big;
          f.rdw_includes_header = includes;
          f.skip_head = head;
          f.detect_gzip = false;
          f.suggest_framing = false;  // the sniffer's own walks must not sniff again
          chain c = walk(s, f);
          if (!c.valid) {
            if (head == 0 && c.records >= 3) try_trailer(s, f, c, found);
            if (head == 0 && c.records >= 3) try_truncated(s, f, c, found);
            continue;
          }
          framing_guess g = guess_of(s, f, c);
          if (head != 0) {
            g.score *= 0.9;
            g.evidence += " after a " + std::to_string(head) + "-byte header";
          }
          found.push_back(std::move(g));
        }
    }
    if (!found.empty()) break;  // the shortest header that chains
  }
  // A VB file also chains as V (each block read as one record) and as VBS (no segment ever
  // spanned); a V file chains as VS. Keep the reading that explains most, as IBM writes it.
  auto demote = [&](recfm weaker, recfm stronger, bool same_count) {
    for (auto& w : found) {
      if (w.framing.format != weaker) continue;
      for (const auto& st : found)
        if (st.framing.format == stronger && st.framing.rdw_big_endian == w.framing.rdw_big_endian &&
            st.framing.rdw_includes_header == w.framing.rdw_includes_header &&
            st.framing.skip_tail == w.framing.skip_tail && (!same_count || st.records == w.records))
          w.score *= 0.5;
    }
  };
  demote(recfm::vbs, recfm::vb, true);
  demote(recfm::vs, recfm::v, true);
  demote(recfm::v, recfm::vb, false);
  demote(recfm::vs, recfm::vbs, false);
  for (auto& g : found) out.push_back(std::move(g));
}

}  // namespace mfb::bridge::detail
