// F/FB and text-line guesses. Fixed records repeat their layout every LRECL bytes: spaces,
// zones and record types fall in the same columns, so bytes match at that distance far
// more often than at the distance one byte shorter or longer. A file of one byte value
// repeats at every distance, and random bytes at none: both score zero.

#include <algorithm>

#include "io/framing_sniff_detail.hpp"

namespace mfb::bridge::detail {

double repeat_rate(std::span<const std::uint8_t> b, std::size_t lag, std::size_t from,
                   std::size_t to) {
  if (lag == 0 || b.size() <= lag) return 0;
  to = std::min(to, b.size() - lag);
  if (to <= from) return 0;
  std::size_t same = 0;
  for (std::size_t i = from; i < to; ++i) same += b[i] == b[i + lag];
  return static_cast<double>(same) / static_cast<double>(to - from);
}

namespace {

constexpr std::size_t search_window = std::size_t{16} << 10;  // bytes scanned per lag
constexpr std::size_t max_search_lag = 4096;                    // longest LRECL found without a copybook
constexpr std::size_t verify_window = std::size_t{256} << 10;   // bytes checked per candidate

// How much better bytes repeat at `lag` than at lag - 1 and lag + 1.
double contrast(std::span<const std::uint8_t> b, std::size_t lag, std::size_t from, std::size_t window) {
  const std::size_t to = from + window;
  const double at = repeat_rate(b, lag, from, to);
  const double near = std::max(lag > 1 ? repeat_rate(b, lag - 1, from, to) : 0.0,
                               repeat_rate(b, lag + 1, from, to));
  return at - near;
}

// The lag up to max_search_lag that stands out most; 0 when none does.
std::size_t strongest_period(std::span<const std::uint8_t> b) {
  const std::size_t window = std::min(b.size(), search_window);
  const std::size_t last = std::min(max_search_lag, window / 3);
  if (last < 2) return 0;
  std::vector<double> rate(last + 2, 0.0);
  for (std::size_t lag = 1; lag <= last + 1; ++lag) rate[lag] = repeat_rate(b, lag, 0, window);
  double best = 0;
  std::vector<double> c(last + 1, 0.0);
  for (std::size_t lag = 2; lag <= last; ++lag) {
    c[lag] = rate[lag] - std::max(rate[lag - 1], rate[lag + 1]);
    best = std::max(best, c[lag]);
  }
  if (best < 0.02) return 0;
  for (std::size_t lag = 2; lag <= last; ++lag)
    if (c[lag] >= 0.75 * best) return lag;  // the shortest: its multiples repeat as well
  return 0;
}

void add_fixed(const input_sample& s, std::size_t lrecl, std::vector<framing_guess>& out) {
  std::span<const std::uint8_t> head(s.head);
  const std::size_t size = s.file_size >= 0 ? static_cast<std::size_t>(s.file_size) : head.size();
  const std::size_t extra = s.file_size >= 0 ? size % lrecl : 0;
  const std::size_t records = size / lrecl;
  if (records < 2) return;
  const double c = contrast(head, lrecl, extra, std::min(head.size(), verify_window));
  double score = std::clamp(c / 0.05, 0.0, 1.0) * 0.95;
  if (records < 3) score *= 0.5;
  if (s.file_size < 0) score *= 0.9;  // the length of the file is not known
  std::string why = "bytes repeat every " + std::to_string(lrecl) + " bytes (" +
                    std::to_string(static_cast<int>(c * 100 + 0.5)) +
                    " points more often than 1 byte off)";
  auto add = [&](std::size_t head_bytes, std::size_t tail_bytes, double factor, std::string more) {
    framing_guess g;
    g.framing.format = recfm::fb;
    g.framing.lrecl = lrecl;
    g.framing.skip_head = head_bytes;
    g.framing.skip_tail = tail_bytes;
    g.score = score * factor;
    g.records = records;
    g.shortest = g.longest = lrecl;
    g.to_end = s.file_size >= 0;
    g.evidence = why + more;
    out.push_back(std::move(g));
  };
  if (extra == 0) {
    add(0, 0, 1.0, s.file_size >= 0 ? "; the file is " + std::to_string(records) + " records exactly" : "");
    return;
  }
  // Extra bytes: a header or a trailer. The odd bytes repeat worse than the records do;
  // odd bytes that repeat as well as records are the start of one: a truncated last record
  // (or a first record cut short), which no skip can mend.
  std::span<const std::uint8_t> end = s.whole() ? head : std::span<const std::uint8_t>(s.tail);
  const double typical = repeat_rate(head, lrecl, extra, std::min(head.size(), verify_window));
  const double front = repeat_rate(head, lrecl, 0, extra);
  const double back = end.size() >= extra + lrecl
                          ? repeat_rate(end, lrecl, end.size() - extra - lrecl, end.size() - lrecl)
                          : 1.0;
  auto factor = [&](double odd, double other) {
    if (odd >= 0.7 * typical) return 0.45;
    return odd <= other ? 0.85 : 0.7;
  };
  auto note = [&](double odd) {
    return odd >= 0.7 * typical ? " (they look like part of a record: is a record truncated?)" : "";
  };
  const std::string left = "; " + std::to_string(extra) + " bytes left over";
  add(extra, 0, factor(front, back), left + " at the start (a header?)" + note(front));
  add(0, extra, factor(back, front), left + " at the end (a trailer?)" + note(back));
}

bool utf8_continuation(std::uint8_t b) { return (b & 0xC0) == 0x80; }

// Bytes of printable ASCII, tabs, line ends and well-formed UTF-8 sequences.
std::size_t text_bytes(std::span<const std::uint8_t> b) {
  std::size_t good = 0;
  for (std::size_t i = 0; i < b.size();) {
    const std::uint8_t c = b[i];
    std::size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    bool ok = n == 1 ? (c >= 0x20 && c < 0x7F) || c == '\t' || c == '\r' || c == '\n' : n != 0;
    for (std::size_t k = 1; ok && k < n; ++k) ok = i + k < b.size() && utf8_continuation(b[i + k]);
    if (!ok) n = 1;
    else good += n;
    i += n;
  }
  return good;
}

}  // namespace

void add_fixed_guesses(const input_sample& s, const length_hint& lengths, std::vector<framing_guess>& out) {
  std::vector<std::size_t> lrecls = lengths.fixed;
  if (std::size_t p = strongest_period(s.head); p != 0) lrecls.push_back(p);
  std::sort(lrecls.begin(), lrecls.end());
  lrecls.erase(std::unique(lrecls.begin(), lrecls.end()), lrecls.end());
  for (std::size_t l : lrecls)
    if (l > 0 && l <= max_rdw_length) add_fixed(s, l, out);
}

void add_text_guesses(const input_sample& s, const length_hint& lengths, std::vector<framing_guess>& out) {
  std::span<const std::uint8_t> b(s.head);
  std::size_t lines = 0, fitting = 0, longest = 0, shortest = b.size();
  for (std::size_t at = 0; at < b.size();) {
    auto nl = std::find(b.begin() + static_cast<std::ptrdiff_t>(at), b.end(), std::uint8_t{'\n'});
    const auto stop = static_cast<std::size_t>(nl - b.begin());
    if (nl == b.end() && !s.whole()) break;  // the sample cuts this line
    std::size_t len = stop - at;
    if (len != 0 && b[stop - 1] == '\r') --len;
    ++lines;
    longest = std::max(longest, len);
    shortest = std::min(shortest, len);
    fitting += lengths.max == 0 || len <= lengths.max;
    at = stop + 1;
  }
  if (lines < 2 || std::find(b.begin(), b.end(), std::uint8_t{'\n'}) == b.end()) return;
  const double printable = static_cast<double>(text_bytes(b)) / static_cast<double>(b.size());
  if (printable < 0.9) return;
  framing_guess g;
  g.framing.format = recfm::text_lines;
  const double fit = static_cast<double>(fitting) / static_cast<double>(lines);
  g.score = (printable >= 0.99 ? 0.9 : 0.5) * fit * (lines >= 3 ? 1.0 : 0.5);
  g.records = lines;
  g.shortest = shortest;
  g.longest = longest;
  g.to_end = s.whole();
  g.evidence = std::to_string(lines) + " lines, " + std::to_string(static_cast<int>(printable * 100)) +
               "% printable ASCII or UTF-8" +
               (lengths.max != 0 ? ", " + std::to_string(fitting) + " no longer than the record" : "");
  out.push_back(std::move(g));
}

}  // namespace mfb::bridge::detail
