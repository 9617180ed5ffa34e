// Dataset routes. Every value from a client reaches SQL as a parameter ($n); identifiers
// come from the dataset's own table map (quote_ident), never from the request.

#include "rest/dataset_routes.hpp"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>

#include <unistd.h>
#include <optional>

#include <nlohmann/json.hpp>

#include "rest/dataset_keys.hpp"
#include "rest/etag.hpp"
#include "rest/json_text.hpp"
#include "rest/masked_records.hpp"
#include "mfb/bridge/codec/record_encoder.hpp"
#include "mfb/rehost/db/record_store.hpp"
#include "mfb/copybook/layout.hpp"
#include "mfb/rehost/rest/auth.hpp"
#include "mfb/rehost/rest/problem.hpp"

namespace mfb::rehost::detail {

db_pool::lease::~lease() {
  if (pool_ != nullptr && db_) pool_->give_back(std::move(db_));
}

void db_pool::give_back(std::unique_ptr<rehost::database> db) {
  {
    std::lock_guard lock(mutex_);
    if (db)
      idle_.push_back(std::move(db));
    else
      --open_;  // a connection that failed to open
  }
  freed_.notify_one();
}

db_pool::lease db_pool::acquire() {
  {
    std::unique_lock lock(mutex_);
    freed_.wait(lock, [this] { return !idle_.empty() || open_ < max_; });
    if (!idle_.empty()) {
      auto db = std::move(idle_.back());
      idle_.pop_back();
      return lease(*this, std::move(db));
    }
    ++open_;
  }
  try {
    return lease(*this, rehost::database::open(target_));
  } catch (...) {
    give_back(nullptr);
    throw;
  }
}

namespace {
bool wants_strings(const request_context& ctx) {
  const std::string* d = ctx.query_value("decimals");
  return d != nullptr && *d == "string";
}

// A record and its OCCURS child rows come from two statements, each one round trip (on
// PostgreSQL, autocommit with prepared statements; see database_postgres.cpp).
std::vector<rehost::stored_record> read_page(rehost::database& db, const rehost::dataset& ds,
                                             const rehost::record_query& q) {
  return rehost::read_records(db, ds, q);
}

}  // namespace

std::string dataset_routes::health() const {
  try {
    if (target_.rfind("sqlite:", 0) == 0) {
      // Opening would create a missing file: look first, without touching it.
      std::string file = target_.substr(7);
      std::error_code ec;
      if (!std::filesystem::is_regular_file(file, ec)) return "the SQLite file " + file + " is gone";
      if (::access(file.c_str(), R_OK | W_OK) != 0) return "the SQLite file " + file + " is not readable and writable";
      rehost::database::open(target_)->query("SELECT count(*) FROM sqlite_master");
    } else {
      rehost::database::open(target_)->query("SELECT 1");
    }
  } catch (const std::exception& e) {
    return e.what();
  }
  return {};
}

void dataset_routes::refresh(db_pool::lease& db) {
  auto names = rehost::dataset_names(*db);
  std::lock_guard lock(mutex_);
  index_.clear();
  failed_.clear();
  for (const auto& name : names) {
    auto& ds = opened_[name];
    if (!ds) {
      auto opened = rehost::dataset::open(*db, name);
      if (!opened) {
        log_.message(bridge::severity::error, "dataset " + name + ": " + opened.err().message);
        failed_.push_back(name);
        opened_.erase(name);
        continue;
      }
      ds = *opened;
    }
    // One record type: the dataset's name. Several: each type's main table is a dataset.
    const auto& maps = ds->maps();
    for (std::size_t t = 0; t < maps.size(); ++t) {
      std::string table = maps.size() == 1 ? name : maps[t].main().name;
      index_.push_back({ds, t, table});
    }
  }
}

dataset_ref dataset_routes::find(db_pool::lease& db, const std::string& name, http_response& problem) {
  for (int pass = 0; pass < 2; ++pass) {
    if (pass == 1) refresh(db);  // a dataset loaded since the last look
    std::lock_guard lock(mutex_);
    for (const auto& ref : index_)
      if (ref.name == name) return ref;
    if (pass == 1 && std::find(failed_.begin(), failed_.end(), name) != failed_.end()) {
      problem = make_problem(500, "the dataset " + shorten(name) + " cannot be opened");
      return {};
    }
  }
  if (auto file = multi_record(name))  // its records live under its record types' paths
    problem = make_problem(404, shorten(name) + " holds several record types: use " +
                                    record_type_paths(*file));
  else
    problem = make_problem(404, "no dataset named " + shorten(name));
  return {};
}

dataset_ref dataset_routes::readable(request_context& ctx, const std::string& name, http_response& problem) {
  if (ctx.key == nullptr || !scope_allows(ctx.key->scopes, access::read, name)) {
    problem = make_problem(403, "the API key has no read scope for the dataset " + shorten(name));
    return {};
  }
  auto db = pool_.acquire();
  return find(db, name, problem);
}

std::vector<dataset_ref> dataset_routes::all() {
  auto db = pool_.acquire();
  refresh(db);
  std::lock_guard lock(mutex_);
  return index_;
}

http_response dataset_routes::list_datasets(request_context& ctx) {
  nlohmann::json list = nlohmann::json::array();
  // A read-masked key sees the datasets it may read masked, marked so.
  for (const auto& ref : all()) {
    if (ctx.key == nullptr || !scope_allows(ctx.key->scopes, access::read_masked, ref.name)) continue;
    list.push_back({{"name", ref.name}, {"href", "/v1/datasets/" + ref.name}});
    if (reads_masked(ctx.key->scopes, ref.name)) list.back()["masked"] = true;
  }
  http_response r;
  r.body = nlohmann::json{{"datasets", list}}.dump();
  return r;
}

http_response dataset_routes::describe(request_context& ctx) {
  auto db = pool_.acquire();
  http_response problem;
  auto ref = find(db, ctx.params["ds"], problem);
  if (!ref) {
    if (auto file = multi_record(ctx.params["ds"])) return describe_file(*file);
    return problem;
  }
  const auto& spec = ref.ds->spec();
  auto key = key_of(*ref.ds, ref.type);
  const auto& l = ref.ds->json_plans()[ref.type].layout();
  nlohmann::json records = nlohmann::json::array();
  auto form = wants_strings(ctx) ? decimal_form::string : decimal_form::number;
  auto schema = record_schema(l, form);
  mark_raw_fields(schema, l, spec.raw);
  if (auto parent = parent_fields(*ref.ds, ref.type); !parent.empty()) add_parent_member(schema, parent, form);
  records.push_back({{"name", l.name}, {"length", l.length}, {"schema", std::move(schema)}});
  const auto& src = spec.source;
  nlohmann::json j{{"name", ref.name}, {"codepage", src.codepage},     {"recfm", spec.recfm},
                   {"lrecl", lrecl_of(*ref.ds)}, {"key", key.names}, {"records", records}};
  if (ref.name != spec.name) j["loaded_as"] = spec.name;  // one record type of a multi-record file
  if (const auto& parent = ref.ds->maps()[ref.type].main().parent_table; !parent.empty())
    j["parent"] = parent;
  http_response r;
  r.body = j.dump();
  return r;
}

http_response dataset_routes::list_records(request_context& ctx) {
  auto db = pool_.acquire();
  http_response problem;
  auto ref = find(db, ctx.params["ds"], problem);
  if (!ref) return problem;
  const rehost::dataset* ds = ref.ds.get();
  std::optional<masked_view> masked;
  if (ctx.key != nullptr && reads_masked(ctx.key->scopes, ref.name) &&
      !(masked = open_masked_view(config_, ref.name, *ds, problem)))
    return problem;
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
  auto ref = find(db, ctx.params["ds"], problem);
  if (!ref) return problem;
  const rehost::dataset* ds = ref.ds.get();
  std::optional<masked_view> masked;
  if (ctx.key != nullptr && reads_masked(ctx.key->scopes, ref.name) &&
      !(masked = open_masked_view(config_, ref.name, *ds, problem)))
    return problem;
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

void dataset_routes::add_to(router& r) {
  auto add = [&](const char* pattern, handler_fn fn, access need, const char* ds,
                 std::vector<std::string> query, const char* method = "GET") {
    route rt;
    rt.method = method;
    rt.pattern = pattern;
    rt.handler = std::move(fn);
    rt.need = need;
    rt.dataset_param = ds;
    rt.query_params = std::move(query);
    r.add(std::move(rt));
  };
  add("/v1/datasets", [this](request_context& c) { return list_datasets(c); }, access::any, "", {});
  add("/v1/datasets/{ds}", [this](request_context& c) { return describe(c); }, access::read_masked, "ds",
      {"decimals"});
  // Filters are named by the dataset's key and indexed fields: the handler checks them.
  // A read-masked key reads records through the dataset's masking policy.
  add("/v1/datasets/{ds}/records", [this](request_context& c) { return list_records(c); },
      access::read_masked, "ds", {"*"});
  add("/v1/datasets/{ds}/records/{key}", [this](request_context& c) { return get_record(c); },
      access::read_masked, "ds", {"format", "decimals"});
  add("/v1/datasets/{ds}/records", [this](request_context& c) { return write(c, "POST"); },
      access::write, "ds", {}, "POST");
  add("/v1/datasets/{ds}/records/{key}", [this](request_context& c) { return write(c, "PUT"); },
      access::write, "ds", {}, "PUT");
  add("/v1/datasets/{ds}/records/{key}", [this](request_context& c) { return write(c, "DELETE"); },
      access::write, "ds", {}, "DELETE");
}

}  // namespace mfb::rehost::detail
