// The framing sniffer's frame: reading the bounded sample, ranking the guesses, the flags
// and words for a framing, and the suggestion added to framing failures.

#include "mfb/bridge/io/framing_sniff.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "io/framing_sniff_detail.hpp"
#include "mfb/bridge/io/input_source.hpp"
#include "mfb/bridge/io/record_reader.hpp"

namespace mfb::bridge {

mfb::result<input_sample> read_input_sample(const std::string& path, std::size_t head,
                                            std::size_t tail) {
  if (path == "-") return mfb::error{"the sample is read from a file, not standard input"};
  auto src = input_source::open(path, true);
  if (!src) return src.err();
  input_sample s;
  s.name = (*src)->name();
  s.head.resize(head);
  std::size_t got = 0;
  while (got < head) {
    auto n = (*src)->read(s.head.data() + got, head - got);
    if (!n) return n.err();
    if (*n == 0) break;
    got += *n;
  }
  s.head.resize(got);
  if (got < head) {
    s.file_size = static_cast<long long>(got);  // the whole input is in the head
    return s;
  }
  if ((*src)->compressed()) return s;  // the size of a gzip stream is not known in advance
  s.file_size = (*src)->known_size();
  if (s.file_size < 0 || static_cast<std::size_t>(s.file_size) <= got) {
    if (s.file_size >= 0) s.file_size = static_cast<long long>(got);
    return s;
  }
  // Only the tail is read from the rest of the file: the sample stays bounded.
  const auto size = static_cast<std::size_t>(s.file_size);
  const std::size_t from = std::max(got, size - std::min(size, tail));
  std::ifstream in(path, std::ios::binary);
  in.seekg(static_cast<std::streamoff>(from));
  s.tail.resize(size - from);
  if (!in.read(reinterpret_cast<char*>(s.tail.data()), static_cast<std::streamsize>(s.tail.size())))
    return mfb::error{path + ": cannot read the last " + std::to_string(s.tail.size()) + " bytes"};
  return s;
}

length_hint layout_length_hint(const framing_options& framing) {
  length_hint h;
  h.fixed = framing.layout_lengths;
  if (!h.fixed.empty()) {
    h.min = *std::min_element(h.fixed.begin(), h.fixed.end());
    h.max = *std::max_element(h.fixed.begin(), h.fixed.end());
  }
  return h;
}

std::vector<framing_guess> sniff_framing(const input_sample& sample, const length_hint& lengths) {
  std::vector<framing_guess> out;
  if (sample.head.empty()) return out;
  detail::add_variable_guesses(sample, out);
  detail::add_fixed_guesses(sample, lengths, out);
  detail::add_text_guesses(sample, lengths, out);
  std::stable_sort(out.begin(), out.end(),
                   [](const framing_guess& a, const framing_guess& b) { return a.score > b.score; });
  return out;
}

std::vector<std::vector<std::uint8_t>> sample_records(const input_sample& sample,
                                                      const framing_options& framing,
                                                      std::size_t max_records) {
  std::vector<std::vector<std::uint8_t>> out;
  framing_options f = framing;
  f.suggest_framing = false;
  if (!sample.whole()) f.skip_tail = 0;  // the trailer lies beyond the head
  auto src = input_source::from_memory(sample.head.data(), sample.head.size(), sample.name, false);
  auto reader = record_reader::open(std::move(src), f);
  if (!reader) return out;
  record_batch batch;
  while (out.size() < max_records && (*reader)->next(batch, std::max<std::size_t>(sample.head.size(), 1)))
    for (const auto& rec : batch) {
      if (out.size() == max_records) break;
      out.emplace_back(rec.data, rec.data + rec.size);
    }
  return out;
}

std::string framing_flags(const framing_options& f) {
  std::string s = "--recfm " + std::string(to_string(f.format));
  if ((f.format == recfm::f || f.format == recfm::fb) && f.lrecl != 0)
    s += " --lrecl " + std::to_string(f.lrecl);
  const bool rdw = f.format == recfm::v || f.format == recfm::vb || f.format == recfm::vs ||
                   f.format == recfm::vbs;
  if (rdw && !f.rdw_big_endian) s += " --rdw-little-endian";
  if (rdw && !f.rdw_includes_header) s += " --rdw-excludes-header";
  if (f.skip_head != 0) s += " --skip-head " + std::to_string(f.skip_head);
  if (f.skip_tail != 0) s += " --skip-tail " + std::to_string(f.skip_tail);
  return s;
}

std::string describe_framing(const framing_options& f) {
  std::string s = "RECFM=" + std::string(to_string(f.format));
  switch (f.format) {
    case recfm::f:
    case recfm::fb:
      s += " (LRECL " + std::to_string(f.lrecl) + ")";
      break;
    case recfm::v:
    case recfm::vb:
    case recfm::vs:
    case recfm::vbs:
      s += std::string(" (RDW ") + (f.rdw_big_endian ? "big-endian" : "little-endian") +
           (f.rdw_includes_header ? ", counting itself" : ", not counting itself") + ")";
      break;
    default:
      break;
  }
  if (f.skip_head != 0) s += ", a " + std::to_string(f.skip_head) + "-byte header";
  if (f.skip_tail != 0) s += ", a " + std::to_string(f.skip_tail) + "-byte trailer";
  return s;
}

namespace {
// Whether two framings cut a file alike (the user's own offsets are not compared).
bool same_framing(const framing_options& a, const framing_options& b) {
  auto fixed = [](recfm f) { return f == recfm::f || f == recfm::fb; };
  if (fixed(a.format) && fixed(b.format)) return a.lrecl == b.lrecl && a.skip_head == b.skip_head;
  if (a.format != b.format) return false;
  return a.rdw_big_endian == b.rdw_big_endian && a.rdw_includes_header == b.rdw_includes_header;
}
}  // namespace

std::string framing_suggestion(const std::string& path, const framing_options& used,
                               const length_hint& lengths) {
  std::error_code ec;
  if (path == "-" || !std::filesystem::is_regular_file(path, ec)) return {};
  auto sample = read_input_sample(path);
  if (!sample) return {};
  // Without a copybook a period can be a pattern inside records (a filler of ABCDEFGHIJ
  // repeats every 10 bytes): an LRECL is suggested only when a record layout has it.
  for (const auto& g : sniff_framing(*sample, lengths)) {
    if (g.score < sniff_confident_score) break;
    const bool fixed = g.framing.format == recfm::f || g.framing.format == recfm::fb;
    if (fixed && std::find(lengths.fixed.begin(), lengths.fixed.end(), g.framing.lrecl) == lengths.fixed.end())
      continue;
    if (same_framing(g.framing, used)) return {};
    return "this looks like " + describe_framing(g.framing) + ": " + g.evidence + "; try " +
           framing_flags(g.framing) + " (mfbridge detect tells more)";
  }
  return {};
}

}  // namespace mfb::bridge
