// `check` steps, run inside mfbridge run (no shell, no child): file_exists, file_size and
// record_count. A check's failure has a code like a command's: a missing file or a read
// error is 4, a count or size outside its bounds is 3 (a control total that does not
// reconcile), a file that cannot be framed is 2, a bad check definition is 1.

#include "jobs/job_check.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <system_error>

#include "mfb/bridge/io/layout_framing.hpp"
#include "mfb/bridge/io/record_reader.hpp"
#include "mfb/bridge/codec/source_spec.hpp"
#include "mfb/copybook/parse.hpp"

namespace mfb::rehost::detail {

namespace {

const std::set<std::string> count_keys = {"input",
                                          "copybook",
                                          "include",
                                          "recfm",
                                          "lrecl",
                                          "record",
                                          "rdw-little-endian",
                                          "rdw-excludes-header",
                                          "length-field",
                                          "length-adjust",
                                          "zoned",
                                          "trunc",
                                          "cobrix",
                                          "skip-head",
                                          "skip-tail",
                                          "record-start-offset",
                                          "record-end-offset",
                                          "min",
                                          "max"};
const std::set<std::string> size_keys = {"path", "min", "max"};

struct check_failure {
  int code;
  std::string message;
};

std::vector<std::string> all(const resolved_check& c, const std::string& key) {
  for (const auto& [k, v] : c.args)
    if (k == key) return v;
  return {};
}

std::optional<std::uint64_t> number(const resolved_check& c, const std::string& key) {
  const std::string* v = c.get(key);
  if (!v) {
    if (!all(c, key).empty()) throw check_failure{1, key + " takes one number"};
    return std::nullopt;
  }
  std::size_t used = 0;
  unsigned long long n = 0;
  try {
    n = std::stoull(*v, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != v->size() || v->empty() || (*v)[0] == '-')
    throw check_failure{1, key + " must be a whole number, not '" + *v + "'"};
  return n;
}

bool flag(const resolved_check& c, const std::string& key) {
  const std::string* v = c.get(key);
  return v && *v == "true";
}

void require_keys(const resolved_check& c, const std::set<std::string>& allowed) {
  for (const auto& [k, v] : c.args)
    if (!allowed.count(k)) throw check_failure{1, c.what + " has no option " + k};
}

// Compare `value` with min/max; fill the summary.
void bounds(const resolved_check& c, std::uint64_t value, const std::string& what,
            nlohmann::json& summary) {
  auto lo = number(c, "min");
  auto hi = number(c, "max");
  if (!lo && !hi) throw check_failure{1, c.what + " needs min:, max: or both"};
  if (lo) summary["min"] = *lo;
  if (hi) summary["max"] = *hi;
  if ((lo && value < *lo) || (hi && value > *hi)) {
    std::string range = lo && hi ? std::to_string(*lo) + ".." + std::to_string(*hi)
                        : lo     ? "at least " + std::to_string(*lo)
                                 : "at most " + std::to_string(*hi);
    throw check_failure{3, what + " is " + std::to_string(value) + ", expected " + range};
  }
}

void check_exists(const resolved_check& c, nlohmann::json& summary) {
  for (const auto& p : all(c, "path")) {
    std::error_code ec;
    if (!std::filesystem::exists(p, ec)) throw check_failure{4, p + " does not exist"};
    summary["files"].push_back(p);
  }
}

void check_size(const resolved_check& c, nlohmann::json& summary) {
  require_keys(c, size_keys);
  const std::string* p = c.get("path");
  if (!p) throw check_failure{1, "file_size needs path:"};
  std::error_code ec;
  auto size = std::filesystem::file_size(*p, ec);
  if (ec) throw check_failure{4, *p + ": " + ec.message()};
  summary["path"] = *p;
  summary["bytes"] = size;
  bounds(c, size, *p + " size", summary);
}

// The framing a record_count asks for, resolving copybook-derived parts like convert does.
bridge::framing_options count_framing(const resolved_check& c) {
  bridge::framing_options f;
  std::string recfm_text = c.get("recfm") ? *c.get("recfm") : "FB";
  bool odo = recfm_text == "ODO" || recfm_text == "odo";
  if (!odo) {
    auto r = bridge::parse_recfm(recfm_text);
    if (!r || *r == bridge::recfm::custom) throw check_failure{1, "unknown recfm " + recfm_text};
    f.format = *r;
  }
  f.lrecl = number(c, "lrecl").value_or(0);
  f.rdw_big_endian = !flag(c, "rdw-little-endian");
  f.rdw_includes_header = !flag(c, "rdw-excludes-header");
  f.skip_head = number(c, "skip-head").value_or(0);
  f.skip_tail = number(c, "skip-tail").value_or(0);
  f.record_start_offset = number(c, "record-start-offset").value_or(0);
  f.record_end_offset = number(c, "record-end-offset").value_or(0);
  const std::string* length_field = c.get("length-field");
  bool fixed = f.format == bridge::recfm::f || f.format == bridge::recfm::fb;
  if (!odo && !length_field && !(fixed && f.lrecl == 0)) return f;

  auto copybooks = all(c, "copybook");
  if (copybooks.empty())
    throw check_failure{1, "record_count needs copybook: (or lrecl: for F/FB)"};
  bridge::source_spec src;
  src.copybooks.assign(copybooks.begin(), copybooks.end());
  for (const auto& d : all(c, "include")) src.include_dirs.emplace_back(d);
  src.cobrix_extensions = flag(c, "cobrix");
  auto parsed = bridge::parse_copybooks(src);
  if (!parsed.ok())
    throw check_failure{1, "the copybook has errors:\n" + copybook::to_string(parsed.diagnostics)};
  std::vector<const copybook::record_layout*> layouts;
  const std::string* name = c.get("record");
  for (const auto& r : parsed.records)
    if (!name || copybook::names_equal(r.name, *name)) layouts.push_back(&r);
  if (layouts.empty())
    throw check_failure{
        1, "no record named " + (name ? *name : std::string("?")) + " in the copybook"};
  auto zoned = c.get("zoned") && *c.get("zoned") == "ascii" ? ebcdic::zoned_charset::ascii
                                                            : ebcdic::zoned_charset::ebcdic;
  auto trunc = c.get("trunc") && *c.get("trunc") == "bin" ? ebcdic::truncation::binary
                                                          : ebcdic::truncation::standard;
  if (odo || length_field) {
    if (layouts.size() != 1)
      throw check_failure{1, "length-field and recfm ODO need one record (record:)"};
    std::string why;
    if (odo) {
      why = set_odo_framing(f, *layouts.front(), zoned, trunc);
    } else {
      f.length_adjust = std::stoll(c.get("length-adjust") ? *c.get("length-adjust") : "0");
      why = set_length_field(f, *layouts.front(), *length_field, zoned);
    }
    if (!why.empty()) throw check_failure{1, why};
  } else {
    for (const auto* l : layouts) f.lrecl = std::max(f.lrecl, l->length);
  }
  return f;
}

void check_count(const resolved_check& c, nlohmann::json& summary) {
  require_keys(c, count_keys);
  const std::string* input = c.get("input");
  if (!input) throw check_failure{1, "record_count needs input:"};
  bridge::framing_options f = count_framing(c);
  if (auto why = f.validate(); !why.empty()) throw check_failure{1, why};
  std::error_code ec;
  if (*input != "-" && !std::filesystem::exists(*input, ec))
    throw check_failure{4, *input + " does not exist"};
  auto reader = bridge::record_reader::open(*input, f);
  if (!reader) throw check_failure{4, reader.err().message};
  bridge::record_batch batch;
  std::uint64_t count = 0;
  while ((*reader)->next(batch)) count += batch.size();
  if (const bridge::framing_error* e = (*reader)->error())
    throw check_failure{e->what == bridge::framing_error::kind::io ? 4 : 2, e->to_string()};
  summary["input"] = *input;
  summary["records"] = count;
  bounds(c, count, *input + " record count", summary);
}

}  // namespace

check_outcome run_checks(const planned_step& step) {
  check_outcome out;
  nlohmann::json results = nlohmann::json::array();
  for (const auto& c : step.checks) {
    nlohmann::json summary;
    summary["check"] = c.what;
    try {
      if (c.what == "file_exists") {
        check_exists(c, summary);
      } else if (c.what == "file_size") {
        check_size(c, summary);
      } else {
        check_count(c, summary);
      }
      summary["ok"] = true;
    } catch (const check_failure& f) {
      summary["ok"] = false;
      summary["message"] = f.message;
      out.exit_code = std::max(out.exit_code, f.code);
      if (!out.message.empty()) out.message += "; ";
      out.message += c.what + ": " + f.message;
    }
    results.push_back(summary);
  }
  nlohmann::json all_results;
  all_results["checks"] = results;
  out.summary_json = all_results.dump();
  return out;
}

}  // namespace mfb::rehost::detail
