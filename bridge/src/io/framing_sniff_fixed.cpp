// F/FB and text-line guesses. Fixed records repeat their layout every LRECL bytes: spaces,
// zones and record types fall in the same columns, so bytes match at that distance far
// more often than at the distance one byte shorter or longer. A file of one byte value
// repeats at every distance, and random bytes at none: both score zero.

#include <algorithm>
#include <array>

#include "io/framing_sniff_detail.hpp"

namespace mfb::bridge::detail {

namespace {
constexpr std::size_t verify_window_bytes = std::size_t{256} << 10;  // bytes checked per candidate
}  // namespace

double repeat_rate(std::span<const std::uint8_t> b, std::size_t lag, std::size_t from,
                   std::size_t to, int pad) {
  if (lag == 0 || b.size() <= lag) return 0;
  to = std::min(to, b.size() - lag);
  if (to <= from) return 0;
  std::size_t same = 0, counted = 0;
  for (std::size_t i = from; i < to; ++i) {
    const bool padding = b[i] == pad;
    counted += !padding;
    same += !padding && b[i] == b[i + lag];
  }
  return counted == 0 ? 0 : static_cast<double>(same) / static_cast<double>(counted);
}

int padding_byte(std::span<const std::uint8_t> b) {
  std::array<std::size_t, 256> count{};
  for (std::size_t i = 0; i < std::min(b.size(), verify_window_bytes); ++i) ++count[b[i]];
  return static_cast<int>(std::max_element(count.begin(), count.end()) - count.begin());
}

namespace {

constexpr std::size_t search_window = std::size_t{16} << 10;  // bytes scanned per lag
constexpr std::size_t max_search_lag = 4096;                    // longest LRECL found without a copybook
// Shorter periods are byte patterns, not records (UTF-16 text repeats every 2 bytes).
constexpr std::size_t min_search_lag = 8;
constexpr std::size_t verify_window = verify_window_bytes;

// How much better bytes repeat at `lag` than at lag - 1 and lag + 1, the padding byte (the
// commonest, a space or X'00') left out: runs of it repeat at every distance.
double contrast(std::span<const std::uint8_t> b, std::size_t lag, std::size_t from, std::size_t window,
                int pad) {
  const std::size_t to = from + window;
  const double at = repeat_rate(b, lag, from, to, pad);
  const double near = std::max(lag > 1 ? repeat_rate(b, lag - 1, from, to, pad) : 0.0,
                               repeat_rate(b, lag + 1, from, to, pad));
  return at - near;
}

// The lag up to max_search_lag that stands out most; 0 when none does.
std::size_t strongest_period(std::span<const std::uint8_t> b, int pad) {
  const std::size_t window = std::min(b.size(), search_window);
  const std::size_t last = std::min(max_search_lag, window / 3);
  if (last < min_search_lag) return 0;
  std::vector<double> rate(last + 2, 0.0);
  for (std::size_t lag = min_search_lag - 1; lag <= last + 1; ++lag) rate[lag] = repeat_rate(b, lag, 0, window, pad);
  double best = 0;
  std::vector<double> c(last + 1, 0.0);
  for (std::size_t lag = min_search_lag; lag <= last; ++lag) {
    c[lag] = rate[lag] - std::max(rate[lag - 1], rate[lag + 1]);
    best = std::max(best, c[lag]);
  }
  if (best < 0.02) return 0;
  std::size_t lag = min_search_lag;
  while (lag <= last && c[lag] < 0.75 * best) ++lag;
  // Groups of records (ten employees to a page) repeat too: prefer a divisor of the
  // period that stands out nearly as well.
  for (std::size_t d = min_search_lag; d < lag; ++d)
    if (lag % d == 0 && c[d] >= 0.5 * best) return d;
  return lag <= last ? lag : 0;
}

void add_fixed(const input_sample& s, std::size_t lrecl, int pad, std::vector<framing_guess>& out) {
  std::span<const std::uint8_t> head(s.head);
  const std::size_t size = s.file_size >= 0 ? static_cast<std::size_t>(s.file_size) : head.size();
  const std::size_t extra = s.file_size >= 0 ? size % lrecl : 0;
  const std::size_t records = size / lrecl;
  if (records < 2) return;
  const double c = contrast(head, lrecl, extra, std::min(head.size(), verify_window), pad);
  double score = std::clamp(c / 0.05, 0.0, 1.0) * 0.95;
  // A few records show a period by chance as easily as by design.
  score *= std::min(1.0, static_cast<double>(records) / 8.0);
  if (s.file_size < 0) score *= 0.9;  // the length of the file is not known
  bool lines = true;
  for (std::size_t k = extra + lrecl; lines && k <= head.size() && k <= extra + 64 * lrecl; k += lrecl)
    lines = head[k - 1] == '\n';
  if (lines) score *= 0.5;  // every record ends in a line feed: text lines of one length
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
  const double typical = repeat_rate(head, lrecl, extra, std::min(head.size(), verify_window), pad);
  const double front = repeat_rate(head, lrecl, 0, extra, pad);
  const double back = end.size() >= extra + lrecl
                          ? repeat_rate(end, lrecl, end.size() - extra - lrecl, end.size() - lrecl, pad)
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
  const int pad = padding_byte(s.head);
  if (std::size_t p = strongest_period(s.head, pad); p != 0) lrecls.push_back(p);
  std::sort(lrecls.begin(), lrecls.end());
  lrecls.erase(std::unique(lrecls.begin(), lrecls.end()), lrecls.end());
  const std::size_t first = out.size();
  for (std::size_t l : lrecls)
    if (l > 0 && l <= max_rdw_length) add_fixed(s, l, pad, out);
  // A multiple of a length that frames as well repeats because its records do.
  for (std::size_t i = first; i < out.size(); ++i)
    for (std::size_t j = first; j < out.size(); ++j) {
      const std::size_t a = out[i].framing.lrecl, b = out[j].framing.lrecl;
      if (b < a && a % b == 0 && out[j].score >= 0.5 * out[i].score &&
          out[j].framing.skip_head == out[i].framing.skip_head) {
        out[i].score *= 0.8;
        break;
      }
    }
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
