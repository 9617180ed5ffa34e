// The record routes of a dataset: a page of records (paged by key, filtered by key or
// indexed fields) and one record by its key, as JSON or as its mainframe bytes; a
// read-masked key gets both through the dataset's masking policy. Every value from a client
// reaches SQL as a parameter ($n).

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "mfb/bridge/codec/record_encoder.hpp"
#include "mfb/rehost/db/record_store.hpp"
#include "mfb/rehost/rest/auth.hpp"
#include "mfb/rehost/rest/problem.hpp"
#include "rest/dataset_keys.hpp"
#include "rest/dataset_routes.hpp"
#include "rest/etag.hpp"
#include "rest/json_text.hpp"
#include "rest/masked_records.hpp"

namespace mfb::rehost::detail {

bool wants_strings(const request_context& ctx) {
  const std::string* d = ctx.query_value("decimals");
  return d != nullptr && *d == "string";
}

namespace {

// A record and its OCCURS child rows come from two statements, each one round trip (on
// PostgreSQL, autocommit with prepared statements; see database_postgres.cpp).
std::vector<rehost::stored_record> read_page(rehost::database& db, const rehost::dataset& ds,
                                             const rehost::record_query& q) {
  return rehost::read_records(db, ds, q);
}

}  // namespace

dataset_ref dataset_routes::find_for_reading(db_pool::lease& db, request_context& ctx,
                                             std::optional<masked_view>& masked, http_response& problem) {
  auto ref = find(db, ctx.params["ds"], problem);
  if (ref && ctx.key != nullptr && reads_masked(ctx.key->scopes, ref.name) &&
      !(masked = open_masked_view(config_, ref.name, *ref.ds, problem)))
    return {};
  return ref;
}

http_response dataset_routes::list_records(request_context& ctx) {
  auto db = pool_.acquire();
  http_response problem;
  std::optional<masked_view> masked;
  auto ref = find_for_reading(db, ctx, masked, problem);
  if (!ref) return problem;
  const rehost::dataset* ds = ref.ds.get();
  key_spec key = key_of(*ds, ref.type);
  key_spec filters = filters_of(*ds, ref.type);
  std::vector<problem_field> errors;
  std::size_t limit = config_.limits.default_page_size;
  rehost::record_query q;
  std::vector<std::string> where;
  const std::string* cursor = nullptr;
  for (const auto& [name, value] : ctx.query) {
    if (name == "limit") {
      if (!parse_page_size(value, config_.limits.max_page_size, limit))
        errors.push_back({"limit", "must be 1 to " + std::to_string(config_.limits.max_page_size), shorten(value)});
    } else if (name == "cursor") {
      cursor = &value;
    } else if (name == "decimals") {
      if (value != "string" && value != "number")
        errors.push_back({"decimals", "must be number or string", shorten(value)});
    } else if (masked) {
      // A filter on an original value would tell a masked reader that the value exists.
      errors.push_back({name, "a read-masked key cannot filter records", shorten(value)});
    } else {
      // A filter: equality on a key or indexed field, by its COBOL name.
      std::size_t i = 0;
      while (i < filters.names.size() && !copybook::names_equal(filters.names[i], name)) ++i;
      if (i == filters.names.size()) {
        errors.push_back({name, "unknown query parameter (filters: " + filter_list(filters) + ")", shorten(value)});
        continue;
      }
      std::string v = value;
      if (auto why = check_value(filters, i, v); !why.empty()) {
        errors.push_back({name, why, shorten(value)});
        continue;
      }
      q.params.push_back(std::move(v));
      where.push_back(filters.columns[i] + " = " + param(q.params.size()));
    }
  }
  std::string after;
  if (cursor != nullptr) {
    if (!cursor_condition(key, *cursor, q, after))
      errors.push_back({"cursor", "is not a cursor this server issued", shorten(*cursor)});
    else
      where.push_back(after);
  }
  if (!errors.empty()) return make_problem(400, "the query is invalid", errors);
  for (const auto& w : where) q.where += (q.where.empty() ? "" : " AND ") + w;
  for (const auto& c : key.columns) q.order_by += (q.order_by.empty() ? "" : ", ") + c;
  q.type = ref.type;
  q.limit = static_cast<long long>(limit) + 1;  // one more tells whether a next page exists
  auto recs = read_page(*db, *ds, q);
  bool more = recs.size() > limit;
  if (more) recs.resize(limit);
  std::string body = "{\"records\":[";
  bool strings = wants_strings(ctx);
  for (std::size_t i = 0; i < recs.size(); ++i) {
    if (i) body += ',';
    std::string why;
    std::vector<std::uint8_t> bytes;
    auto text = masked ? masked_answer(*ds, recs[i], *masked, bytes, why) : record_answer(*ds, recs[i]);
    if (!why.empty()) return make_problem(500, "the record cannot be masked: " + why);
    body += strings ? numbers_as_strings(text) : text;
  }
  body += "],\"next\":";
  body += more ? "\"" + cursor_encode(key_values(key, recs.back())) + "\"" : std::string("null");
  body += '}';
  http_response r;
  r.body = std::move(body);
  return r;
}

http_response dataset_routes::get_record(request_context& ctx) {
  auto db = pool_.acquire();
  http_response problem;
  std::optional<masked_view> masked;
  auto ref = find_for_reading(db, ctx, masked, problem);
  if (!ref) return problem;
  const rehost::dataset* ds = ref.ds.get();
  key_spec key = key_of(*ds, ref.type);
  const std::string& key_text = ctx.params["key"];
  std::vector<std::string> parts;
  if (!split_key(key_text, key.columns.size(), parts))
    return make_problem(400, "the key has a malformed %-escape in a part",
                        {{"key", "a composite key's part writes ',' as %2C and '%' as %25", shorten(key_text)}});
  if (parts.size() != key.columns.size())
    return make_problem(400, "the key has " + std::to_string(parts.size()) + " parts; the dataset's key has " +
                                 std::to_string(key.columns.size()),
                        {{"key", "expected " + std::to_string(key.columns.size()) + " comma-separated values", shorten(key_text)}});
  std::size_t bad_part = 0;
  if (auto why = check_key_parts(key, parts, bad_part); !why.empty())
    return make_problem(400, "the key does not fit the dataset's key",
                        {{key.names[bad_part], why, shorten(parts[bad_part])}});
  const std::string* format = ctx.query_value("format");
  if (format != nullptr && *format != "json" && *format != "ebcdic")
    return make_problem(400, "the query is invalid", {{"format", "must be json or ebcdic", shorten(*format)}});
  rehost::record_query q;
  q.type = ref.type;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    q.params.push_back(parts[i]);
    q.where += (i ? " AND " : "") + key.columns[i] + " = " + param(i + 1);
  }
  q.limit = 1;
  auto recs = read_page(*db, *ds, q);
  if (recs.empty()) return make_problem(404, "no record with key " + shorten(key_text) + " in " + ref.name);
  bool ebcdic = (format != nullptr && *format == "ebcdic") ||
                (format == nullptr &&
                 ctx.request.header("accept").find("application/octet-stream") != std::string::npos);
  // One tag for both forms: it names the stored record, which If-Match compares.
  std::string why;
  std::vector<std::uint8_t> masked_bytes;
  auto text = masked ? masked_answer(*ds, recs.front(), *masked, masked_bytes, why) : record_answer(*ds, recs.front());
  if (!why.empty()) return make_problem(500, "the record cannot be masked: " + why);
  http_response r;
  r.headers.emplace_back("ETag", record_etag(text));
  if (ebcdic && masked) {
    r.content_type = "application/octet-stream";
    r.body.assign(reinterpret_cast<const char*>(masked_bytes.data()), masked_bytes.size());
    return r;
  }
  if (ebcdic) {
    std::vector<bridge::field_error> ferrors;
    auto bytes = rehost::record_bytes(*ds, recs.front(), ferrors);
    if (!bytes) {
      std::vector<problem_field> bad;
      for (const auto& e : ferrors) bad.push_back({e.path, e.reason, e.value});
      return make_problem(500, "the stored record cannot be encoded by its copybook", bad);
    }
    r.content_type = "application/octet-stream";
    r.body.assign(reinterpret_cast<const char*>(bytes->data()), bytes->size());
    return r;
  }
  r.body = wants_strings(ctx) ? numbers_as_strings(text) : text;
  return r;
}

}  // namespace mfb::rehost::detail
