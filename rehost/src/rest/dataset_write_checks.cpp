// Checks of a dataset write: the URL's key, If-Match, and the record as stored.

#include "rest/dataset_write_checks.hpp"

#include <algorithm>

#include "rest/etag.hpp"
#include "mfb/copybook/layout.hpp"
#include "mfb/rehost/rest/problem.hpp"

namespace mfb::rehost::detail {

namespace {

// The item of `layout` holding byte `offset` (the smallest one), for a problem's field.
std::string field_at(const copybook::record_layout& layout, std::size_t offset) {
  const copybook::field* best = nullptr;
  for (const auto& f : layout.fields) {
    std::size_t span = f.is_occurs() ? f.stride * static_cast<std::size_t>(f.occurs_max) : f.length;
    if (f.path.empty() || offset < f.offset || offset >= f.offset + span) continue;
    if (best == nullptr || span <= best->length) best = &f;
  }
  return best != nullptr ? best->path : "body";
}

}  // namespace

// A value the target cannot hold exactly (cut, changed by the column or the driver) comes
// back different, so the record read back must encode to the bytes the request gave.

bool stored_exactly(const rehost::dataset& ds, std::size_t type, const std::vector<std::uint8_t>& sent,
                    const rehost::stored_record& after, http_response& problem) {
  std::vector<bridge::field_error> ferrors;
  auto back = rehost::record_bytes(ds, after, ferrors);
  const auto& layout = ds.json_plans()[type].layout();
  if (!back) {
    std::vector<problem_field> bad;
    for (const auto& e : ferrors) bad.push_back({e.path, "cannot be stored exactly: " + e.reason, ""});
    problem = make_problem(422, "the record cannot be stored exactly", bad);
    return false;
  }
  std::size_t n = std::min(sent.size(), back->size());
  for (std::size_t i = 0; i < n; ++i) {
    if (sent[i] == (*back)[i]) continue;
    problem = make_problem(422, "the record cannot be stored exactly",
                           {{field_at(layout, i), "the target does not keep this value as given (byte " +
                                                      std::to_string(i) + " of the record differs when read back)",
                             ""}});
    return false;
  }
  return true;
}


// The key in the URL, checked and written the way its columns store it.
bool path_key(const key_spec& key, const std::string& text, std::vector<std::string>& parts,
              int status, http_response& problem) {
  if (!split_key(text, key.columns.size(), parts) || parts.size() != key.columns.size()) {
    problem = make_problem(400, "the key has the wrong number of parts",
                           {{"key", "expected " + std::to_string(key.columns.size()) +
                                        " comma-separated values (a ',' or '%' inside a part as %2C or %25)",
                             shorten(text)}});
    return false;
  }
  std::size_t bad_part = 0;
  if (auto why = check_key_parts(key, parts, bad_part); !why.empty()) {
    problem = make_problem(status, "the key does not fit the dataset's key",
                           {{key.names[bad_part], why, shorten(parts[bad_part])}});
    return false;
  }
  return true;
}

// If-Match against the record as it is now (inside the write's transaction): 428 when the
// dataset requires it and it is missing, 412 when it names another version.
bool check_if_match(const server_config& config, const dataset_ref& ref, const http_request& req,
                    const std::string& method, const std::optional<std::string>& before_json,
                    http_response& problem) {
  if (method == "POST") return true;
  if (req.headers.count("if-match") == 0) {
    if (!config.if_match_required(ref.name) && !config.if_match_required(ref.ds->spec().name)) return true;
    problem = make_problem(428, "this dataset needs If-Match on " + method +
                                    ": GET the record and send its ETag");
    return false;
  }
  std::optional<std::string> current;
  if (before_json) current = record_etag(*before_json);
  if (if_match_allows(req.header("if-match"), current)) return true;
  problem = make_problem(412, current ? "the record changed since the ETag given in If-Match: GET it again"
                                      : "no record with this key: If-Match names a version that does not exist");
  if (current) problem.headers.emplace_back("ETag", *current);
  return false;
}


}  // namespace mfb::rehost::detail
