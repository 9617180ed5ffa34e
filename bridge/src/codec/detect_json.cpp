// detect_result::to_json: the result for machines (`mfbridge detect --format json`).

#include <cstdio>

#include "mfb/bridge/codec/detect.hpp"
#include "mfb/bridge/codec/text/json_quote.hpp"

namespace mfb::bridge {

namespace {

struct json_object {
  std::string out = "{";
  void key(const char* k) {
    if (out.size() > 1 && out.back() != '{' && out.back() != '[') out += ',';
    text::json_quote(k, out);
    out += ':';
  }
  void str(const char* k, std::string_view v) {
    key(k);
    text::json_quote(v, out);
  }
  void num(const char* k, double v) {
    key(k);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3g", v);
    out += buf;
  }
  void integer(const char* k, long long v) {
    key(k);
    out += std::to_string(v);
  }
  void boolean(const char* k, bool v) {
    key(k);
    out += v ? "true" : "false";
  }
  void raw(const char* k, const std::string& v) {
    key(k);
    out += v;
  }
  std::string done() { return out + "}"; }
};

std::string framing_json(const framing_options& f) {
  json_object o;
  o.str("recfm", to_string(f.format));
  if (f.format == recfm::f || f.format == recfm::fb) o.integer("lrecl", static_cast<long long>(f.lrecl));
  if (f.format == recfm::v || f.format == recfm::vb || f.format == recfm::vs || f.format == recfm::vbs) {
    o.str("rdw_byte_order", f.rdw_big_endian ? "big-endian" : "little-endian");
    o.boolean("rdw_counts_itself", f.rdw_includes_header);
  }
  o.integer("skip_head", static_cast<long long>(f.skip_head));
  o.integer("skip_tail", static_cast<long long>(f.skip_tail));
  return o.done();
}

std::string candidate_json(const detect_candidate& c) {
  json_object o;
  o.raw("framing", framing_json(c.guess.framing));
  o.str("flags", framing_flags(c.guess.framing));
  o.num("score", c.score);
  o.num("byte_score", c.guess.score);
  o.str("evidence", c.guess.evidence);
  o.integer("records_framed", static_cast<long long>(c.guess.records));
  o.integer("shortest", static_cast<long long>(c.guess.shortest));
  o.integer("longest", static_cast<long long>(c.guess.longest));
  o.boolean("to_end_of_file", c.guess.to_end);
  o.integer("records_decoded", static_cast<long long>(c.fit.decoded));
  o.integer("records_checked", static_cast<long long>(c.fit.records));
  o.integer("records_length_ok", static_cast<long long>(c.fit.length_ok));
  if (!c.fit.first_error.empty()) o.str("first_error", c.fit.first_error);
  return o.done();
}

}  // namespace

std::string detect_result::to_json() const {
  json_object o;
  o.str("input", input);
  o.integer("file_size", file_size);
  o.integer("bytes_sampled", static_cast<long long>(bytes_sampled));
  o.str("verdict", verdict);
  o.num("confidence", confidence);
  o.str("flags", flags);
  o.integer("layout_min_length", static_cast<long long>(layout_min));
  o.integer("layout_max_length", static_cast<long long>(layout_max));
  json_object p;
  p.str("family", page.family);
  p.str("page", page.page);
  p.num("confidence", page.confidence);
  p.str("evidence", page.evidence);
  std::string equal = "[";
  for (const auto& e : page.equal) {
    if (equal.size() > 1) equal += ',';
    text::json_quote(e, equal);
  }
  p.raw("equal", equal + "]");
  o.raw("code_page", p.done());
  std::string list = "[";
  for (const auto& c : candidates) {
    if (list.size() > 1) list += ',';
    list += candidate_json(c);
  }
  o.raw("candidates", list + "]");
  return o.done();
}

}  // namespace mfb::bridge
