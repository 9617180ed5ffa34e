// GET {path}/{key}: one answer per request, built as text (records are already canonical
// JSON). Only the datasets the key may read are queried, on one pooled connection; the
// key is a parameter ($1), each column compared through its own index.

#include <algorithm>

#include <nlohmann/json.hpp>

#include "mfb/rehost/db/record_store.hpp"
#include "mfb/rehost/rest/auth.hpp"
#include "mfb/rehost/rest/problem.hpp"
#include "rest/json_text.hpp"
#include "rest/people_routes.hpp"

namespace mfb::rehost::detail {

namespace {

std::string json_string(const std::string& s) { return nlohmann::json(s).dump(); }

// The datasets' names for a 400: only those this key may read.
std::string joined(const std::vector<std::string>& names) {
  std::string s;
  for (const auto& n : names) s += (s.empty() ? "" : ", ") + n;
  return s;
}

}  // namespace

std::vector<people_routes::readable> people_routes::readable_sources(const lookup& l,
                                                                     const std::vector<std::string>& scopes) {
  std::vector<readable> out;
  for (const auto& s : l.sources) {
    if (scope_allows(scopes, access::read, s.ref.name)) {
      out.push_back({&s, std::nullopt});
    } else if (scope_allows(scopes, access::read_masked, s.ref.name)) {
      http_response refused;
      auto view = open_masked_view(config_, s.ref.name, *s.ref.ds, refused, s.column.names);
      if (view) out.push_back({&s, std::move(view)});
    }
  }
  return out;
}

std::string people_routes::group(rehost::database& db, const lookup& l, readable& r, const std::string& key,
                                 std::size_t limit, const std::string* cursor, bool strings, std::string& why) {
  const source& s = *r.s;
  const rehost::dataset& ds = *s.ref.ds;
  key_spec record_key = key_of(ds, s.ref.type);
  std::string out = "\"records\":[";
  std::string value = key;
  std::vector<rehost::stored_record> recs;
  // A key that cannot be in the column (letters for a numeric field) finds nothing there.
  if (check_value(s.column, 0, value).empty()) {
    rehost::record_query q;
    q.type = s.ref.type;
    q.params.push_back(value);
    q.where = s.column.columns[0] + " = $1";
    std::string after;
    if (cursor != nullptr && cursor_condition(record_key, *cursor, q, after)) q.where += " AND " + after;
    // Key order, led by the (constant) key column: otherwise PostgreSQL, without statistics
    // on a freshly loaded table, may walk the primary key's index in order and filter it
    // row by row for a LIMIT, reading the whole table for a key held once.
    q.order_by = s.column.columns[0];
    for (const auto& c : record_key.columns) q.order_by += ", " + c;
    q.limit = static_cast<long long>(limit) + 1;  // one more tells whether a next page exists
    recs = rehost::read_records(db, ds, q);
  }
  bool more = recs.size() > limit;
  if (more) recs.resize(limit);
  std::string base = "/v1/datasets/" + percent_encode(s.ref.name) + "/records/";
  std::vector<std::uint8_t> bytes;
  for (std::size_t i = 0; i < recs.size(); ++i) {
    auto text = r.masked ? masked_answer(ds, recs[i], *r.masked, bytes, why) : record_answer(ds, recs[i]);
    if (!why.empty()) return {};
    out += i ? ",{\"href\":" : "{\"href\":";
    out += json_string(base + key_path(key_parts(record_key, recs[i]))) + ",\"record\":";
    out += (strings ? numbers_as_strings(text) : text) + "}";
  }
  out += "],\"next\":";
  if (!more) return out + "null";
  std::string next = l.config->path + "/" + percent_encode(key) + "?dataset=" + percent_encode(s.ref.name) +
                     "&limit=" + std::to_string(limit) + "&cursor=" +
                     cursor_encode(key_values(record_key, recs.back()));
  return out + json_string(next);
}

http_response people_routes::answer(const lookup& l, request_context& ctx) {
  const std::string& raw = ctx.params["key"];
  if (auto why = check_key_text(raw); !why.empty())
    return make_problem(400, why, {{"key", why, shorten(raw)}});
  std::string key = normalise_key(raw, *l.config);
  if (key.empty()) return make_problem(400, "the key is empty", {{"key", "holds only spaces", shorten(raw)}});
  // The datasets this key may read; the others are neither queried nor named.
  std::vector<readable> mine = readable_sources(l, ctx.key->scopes);
  std::vector<std::string> names;
  for (const auto& r : mine) names.push_back(r.s->ref.name);
  if (mine.empty()) return make_problem(403, "the API key may read none of the datasets of this lookup");
  std::size_t max = l.config->max_records ? l.config->max_records : config_.limits.default_page_size;
  std::size_t limit = max;
  std::vector<problem_field> errors;
  const std::string* only = ctx.query_value("dataset");
  const std::string* cursor = ctx.query_value("cursor");
  if (const std::string* v = ctx.query_value("limit"); v && !parse_page_size(*v, max, limit))
    errors.push_back({"limit", "must be 1 to " + std::to_string(max), shorten(*v)});
  if (const std::string* d = ctx.query_value("decimals"); d && *d != "string" && *d != "number")
    errors.push_back({"decimals", "must be number or string", shorten(*d)});
  if (only != nullptr && std::find(names.begin(), names.end(), *only) == names.end())
    errors.push_back({"dataset", "must be one of " + joined(names), shorten(*only)});
  if (cursor != nullptr && only == nullptr) errors.push_back({"cursor", "needs dataset=", shorten(*cursor)});
  if (cursor != nullptr && only != nullptr && errors.empty()) {
    const source& s = *mine[static_cast<std::size_t>(std::find(names.begin(), names.end(), *only) - names.begin())].s;
    rehost::record_query probe;
    std::string unused;
    if (!cursor_condition(key_of(*s.ref.ds, s.ref.type), *cursor, probe, unused))
      errors.push_back({"cursor", "is not a cursor this server issued", shorten(*cursor)});
  }
  if (!errors.empty()) return make_problem(400, "the query is invalid", errors);
  bool strings = wants_strings(ctx);
  auto db = datasets_.pool().acquire();
  std::string body = "{\"key\":" + json_string(key) + ",\"datasets\":[";
  bool first = true;
  for (readable& r : mine) {
    const source* s = r.s;
    if (only != nullptr && *only != s->ref.name) continue;
    body += first ? "{" : ",{";
    first = false;
    body += "\"dataset\":" + json_string(s->ref.name) + ",\"href\":" + json_string("/v1/datasets/" + percent_encode(s->ref.name)) +
            ",\"field\":" + json_string(s->field) + ",";
    std::string why;
    body += group(*db, l, r, key, limit, cursor, strings, why) + "}";
    if (!why.empty()) return make_problem(500, "a record of " + s->ref.name + " cannot be masked: " + why);
  }
  body += "]}";
  http_response r;
  r.body = std::move(body);
  return r;
}

}  // namespace mfb::rehost::detail
