// detect_input: the framing sniffer's guesses weighed by how well the copybook decodes the
// records each one frames, plus the code page. A framing the bytes support but the
// copybook does not fit loses to one both support; a copybook that fits nothing lowers
// the confidence instead of hiding it.

#include "mfb/bridge/codec/detect.hpp"

#include <algorithm>

#include "codec/detect_detail.hpp"
#include "mfb/bridge/codec/record_decoder.hpp"

namespace mfb::bridge {

namespace {

constexpr std::size_t max_candidates = 8;  // framings whose records are decoded

// The copybook side opened once per code page family: one decoder set per 01 record when
// no --record or --select picks one (a header, detail and trailer file decodes if any fits).
struct fit_tools {
  std::vector<opened_source> sources;
  std::string problem;
};

fit_tools open_fit(source_spec spec, bool ascii) {
  fit_tools t;
  spec.detect_framing = false;
  spec.framing = framing_options{};
  spec.length_field.clear();
  spec.odo_framing = false;
  spec.codepage = ascii ? "latin1" : (spec.codepage.empty() ? "cp037" : spec.codepage);
  if (ascii) spec.decode.zoned_charset = ebcdic::zoned_charset::ascii;
  spec.decode.format = output_format::jsonl;
  source_failure failed;
  if (auto src = open_source(spec, failed)) {
    t.sources.push_back(std::move(*src));
    return t;
  }
  if (!spec.selects.empty() || !spec.record_name.empty()) {
    t.problem = failed.message + (failed.diagnostics.empty() ? "" : ":\n" + failed.diagnostics);
    return t;
  }
  auto parsed = parse_copybooks(spec);
  for (const auto& layout : parsed.records) {
    spec.record_name = layout.name;
    if (auto src = open_source(spec, failed)) t.sources.push_back(std::move(*src));
  }
  if (t.sources.empty()) t.problem = failed.message + (failed.diagnostics.empty() ? "" : ":\n" + failed.diagnostics);
  return t;
}

length_hint lengths_of(const fit_tools& t) {
  length_hint h;
  for (const auto& src : t.sources)
    for (const auto& plan : src.selector.plans()) {
      const auto& l = plan.layout();
      h.min = h.min == 0 ? l.min_length : std::min(h.min, l.min_length);
      h.max = std::max(h.max, l.length);
      h.fixed.push_back(l.length);
    }
  return h;
}

// Decode `records` with every record layout in turn; the text fields of the records that
// decode are appended to `text` when given (the code page guess reads them).
fit_check fit_sample(const fit_tools& t, const std::vector<std::vector<std::uint8_t>>& records,
                     const std::string& file, bool fixed, std::vector<std::uint8_t>* text = nullptr) {
  fit_check fit;
  std::vector<record_error> errors;
  text_buffer out;
  for (const auto& bytes : records) {
    record_view rec{fit.records + 1, 0, bytes.data(), bytes.size()};
    ++fit.records;
    bool ok = false, length_ok = false;
    std::string first;
    for (const auto& src : t.sources) {
      const int which = src.selector.choose(rec);
      if (which < 0) continue;
      const decode_plan& plan = src.selector.plans()[static_cast<std::size_t>(which)];
      const auto& l = plan.layout();
      length_ok |= fixed ? rec.size >= l.length : rec.size >= l.min_length && rec.size <= l.length;
      record_decoder decoder(plan);
      errors.clear();
      out.clear();
      if (decoder.decode(rec, file, out, errors)) {
        ok = true;
        if (text) detail::append_text_bytes(l, bytes, *text);
        break;
      }
      if (first.empty() && !errors.empty()) first = errors.front().to_string();
    }
    fit.decoded += ok;
    fit.length_ok += length_ok;
    if (!ok && fit.first_error.empty()) fit.first_error = first;
  }
  return fit;
}

std::string verdict_of(double c) {
  return c >= sniff_confident_score ? "high" : c >= 0.55 ? "medium" : c >= sniff_weak_score ? "low" : "cannot tell";
}

// The text bytes the code page guess reads: text fields of records the copybook decodes,
// else the whole sample.
std::vector<std::uint8_t> text_of(const fit_tools& t, const input_sample& sample,
                                  const detect_candidate* best, std::size_t count) {
  std::vector<std::uint8_t> text;
  if (best && best->fit.rate() >= 0.5) {
    const bool fixed = best->guess.framing.format == recfm::f || best->guess.framing.format == recfm::fb;
    fit_sample(t, sample_records(sample, best->guess.framing, count), sample.name, fixed, &text);
    if (!text.empty()) return text;
  }
  return sample.head;
}

bool is_ascii(const code_page_guess& g) { return g.family == "ASCII" || g.family == "UTF-8"; }

// Decode the records of each plausible framing; best first by framing score times fit.
void rank(detect_result& r, const fit_tools& tools, const input_sample& sample,
          const std::vector<framing_guess>& guesses, std::size_t fit_records) {
  r.candidates.clear();
  for (const auto& g : guesses) {
    if (r.candidates.size() == max_candidates || g.score < sniff_weak_score / 2) break;
    detect_candidate c;
    const bool fixed = g.framing.format == recfm::f || g.framing.format == recfm::fb;
    c.fit = fit_sample(tools, sample_records(sample, g.framing, fit_records), sample.name, fixed);
    c.score = g.score * (0.3 + 0.7 * c.fit.rate());
    c.guess = g;
    r.candidates.push_back(std::move(c));
  }
  std::stable_sort(r.candidates.begin(), r.candidates.end(),
                   [](const auto& a, const auto& b) { return a.score > b.score; });
}

}  // namespace

length_hint copybook_lengths(const source_spec& spec) { return lengths_of(open_fit(spec, false)); }

detect_result detect_input(const detect_options& opts) {
  detect_result r;
  r.input = opts.input;
  auto sample = read_input_sample(opts.input);
  if (!sample) {
    r.failure = failure_kind::target;
    r.message = sample.err().message;
    return r;
  }
  r.bytes_sampled = sample->head.size() + sample->tail.size();
  r.file_size = sample->file_size;
  r.page = detail::code_page_family(sample->head);
  bool ascii = is_ascii(r.page);
  fit_tools tools = open_fit(opts.source, ascii);
  if (tools.sources.empty()) {
    r.failure = failure_kind::usage;
    r.message = tools.problem;
    return r;
  }
  const length_hint lengths = lengths_of(tools);
  r.layout_min = lengths.min;
  r.layout_max = lengths.max;
  const auto guesses = sniff_framing(*sample, lengths);
  rank(r, tools, *sample, guesses, opts.fit_records);
  // Binary, packed and NATIONAL bytes blur the family; the text fields of records the
  // copybook decodes show it plainly.
  const detect_candidate* best = r.candidates.empty() ? nullptr : &r.candidates.front();
  std::vector<std::uint8_t> text = text_of(tools, *sample, best, opts.fit_records);
  if (text.size() != sample->head.size()) {
    code_page_guess in_text = detail::code_page_family(text);
    if (!in_text.family.empty()) {
      in_text.evidence = "in the text fields: " + in_text.evidence;
      r.page = in_text;
      if (is_ascii(r.page) != ascii) {
        tools = open_fit(opts.source, !ascii);
        rank(r, tools, *sample, guesses, opts.fit_records);
        best = r.candidates.empty() ? nullptr : &r.candidates.front();
      }
    }
  }
  ascii = is_ascii(r.page);
  if (r.page.family == "EBCDIC")
    detail::choose_national_page(text, opts.codepage_given ? opts.source.codepage : "", r.page);
  double c = best ? best->score : 0;
  // A close second that frames differently means the bytes do not decide.
  if (r.candidates.size() > 1 && r.candidates[1].score > c - 0.1) c = std::min(c, 0.5);
  if (r.page.family.empty()) c = std::min(c, 0.5);
  r.confidence = c;
  r.verdict = verdict_of(c);
  if (best && c >= sniff_weak_score) {
    r.flags = framing_flags(best->guess.framing);
    if (!r.page.page.empty()) r.flags += " --codepage " + r.page.page;
    if (ascii) r.flags += " --zoned ascii";
  }
  return r;
}

std::string apply_detected_framing(source_spec& spec, const std::string& input, bool codepage_given,
                                   reporter& rep) {
  if (input == "-") return "--recfm auto needs a file: standard input cannot be read twice";
  detect_options o;
  o.source = spec;
  o.input = input;
  o.codepage_given = codepage_given;
  detect_result r = detect_input(o);
  if (r.failure != failure_kind::none) return r.message;
  if (!r.decided() || r.confidence < sniff_confident_score)
    return "--recfm auto cannot tell how " + input + " is framed (confidence " + r.verdict +
           "); run mfbridge detect on it and give --recfm yourself";
  const framing_guess& g = r.candidates.front().guess;
  spec.detect_framing = false;
  spec.framing.format = g.framing.format;
  spec.framing.lrecl = g.framing.lrecl;
  spec.framing.rdw_big_endian = g.framing.rdw_big_endian;
  spec.framing.rdw_includes_header = g.framing.rdw_includes_header;
  spec.framing.skip_head = g.framing.skip_head;
  spec.framing.skip_tail = g.framing.skip_tail;
  spec.decode.fixed_length_records = g.framing.format == recfm::f || g.framing.format == recfm::fb;
  std::string chose = "--recfm auto chose " + framing_flags(g.framing) + ": " + describe_framing(g.framing) +
                      ", " + g.evidence;
  if (!codepage_given && !r.page.page.empty()) {
    spec.codepage = r.page.page;
    chose += "; --codepage " + r.page.page;
    if (r.page.family != "EBCDIC") spec.decode.zoned_charset = ebcdic::zoned_charset::ascii;
  } else if (!r.page.page.empty() && r.page.page != spec.codepage &&
             std::find(r.page.equal.begin(), r.page.equal.end(), spec.codepage) == r.page.equal.end()) {
    chose += " (its text reads best as " + r.page.page + ", not " + spec.codepage + ")";
  }
  rep.message(severity::info, chose);
  return {};
}

}  // namespace mfb::bridge
