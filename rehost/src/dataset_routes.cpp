// Dataset routes. Every value from a client reaches SQL as a parameter ($n); identifiers
// come from the dataset's own table map (quote_ident), never from the request.

#include "dataset_routes.hpp"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <optional>

#include <nlohmann/json.hpp>

#include "body_reader.hpp"
#include "json_text.hpp"
#include "mfb/bridge/record_encoder.hpp"
#include "mfb/bridge/record_store.hpp"
#include "mfb/copybook/layout.hpp"
#include "mfb/rehost/auth.hpp"
#include "mfb/rehost/problem.hpp"

namespace mfb::rehost::detail {

db_pool::lease::~lease() {
  if (pool_ == nullptr || !db_) return;
  std::lock_guard lock(pool_->mutex_);
  pool_->idle_.push_back(std::move(db_));
}

db_pool::lease db_pool::acquire() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      auto db = std::move(idle_.back());
      idle_.pop_back();
      return lease(*this, std::move(db));
    }
  }
  return lease(*this, bridge::database::open(target_));
}

namespace {

// The key of a dataset's main record type: SQL columns and the names clients use.
struct key_spec {
  std::vector<std::string> columns;  ///< quoted identifiers
  std::vector<std::string> names;    ///< COBOL names (or mfb_record_no)
  std::vector<std::size_t> cells;    ///< flat cells; empty when keyed by record number
};

key_spec key_of(const bridge::dataset& ds) {
  key_spec k;
  const auto& map = ds.maps().front();
  const auto& main = map.main();
  if (map.key_cells().empty()) {
    k.columns.push_back(bridge::quote_ident(main.columns.front().name));
    k.names.emplace_back(bridge::record_no_column);
    return k;
  }
  const auto& layout = ds.json_plans().front().layout();
  for (std::size_t cell : map.key_cells()) {
    for (std::size_t j = 0; j < main.cells[0].size(); ++j) {
      if (main.cells[0][j] != cell) continue;
      const auto& col = main.columns[main.data_begin + j];
      k.columns.push_back(bridge::quote_ident(col.name));
      k.names.push_back(col.field >= 0 ? layout.fields[static_cast<std::size_t>(col.field)].name : col.name);
      k.cells.push_back(cell);
    }
  }
  return k;
}

std::vector<std::string> split_key(const std::string& key) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    auto comma = key.find(',', start);
    parts.push_back(key.substr(start, comma - start));
    if (comma == std::string::npos) return parts;
    start = comma + 1;
  }
}

std::string key_values(const key_spec& k, const bridge::stored_record& rec) {
  nlohmann::json a = nlohmann::json::array();
  if (k.cells.empty()) a.push_back(std::to_string(rec.record_no));
  for (std::size_t c : k.cells) a.push_back(rec.cells[c].value_or(""));
  return a.dump();
}

std::string cursor_encode(const std::string& text) {
  auto s = base64_encode(reinterpret_cast<const std::uint8_t*>(text.data()), text.size());
  for (auto& c : s) c = c == '+' ? '-' : c == '/' ? '_' : c;
  while (!s.empty() && s.back() == '=') s.pop_back();
  return s;
}

bool cursor_decode(std::string s, std::size_t parts, std::vector<std::string>& out) {
  for (auto& c : s) {
    if (c == '-') c = '+';
    else if (c == '_') c = '/';
    else if (c == '+' || c == '/') return false;
  }
  std::vector<std::uint8_t> bytes;
  if (!base64_decode(s, bytes)) return false;
  auto j = nlohmann::json::parse(bytes.begin(), bytes.end(), nullptr, false);
  if (!j.is_array() || j.size() != parts) return false;
  out.clear();
  for (const auto& v : j) {
    if (!v.is_string()) return false;
    out.push_back(v.get<std::string>());
  }
  return true;
}

std::string strip_newline(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}

bool wants_strings(const request_context& ctx) {
  const std::string* d = ctx.query_value("decimals");
  return d != nullptr && *d == "string";
}

std::string param(std::size_t n) { return "$" + std::to_string(n); }

}  // namespace

std::shared_ptr<const bridge::dataset> dataset_routes::find(db_pool::lease& db,
                                                             const std::string& name,
                                                             http_response& problem) {
  {
    std::lock_guard lock(mutex_);
    if (auto it = cache_.find(name); it != cache_.end()) return it->second;
  }
  auto names = bridge::dataset_names(*db);
  if (std::find(names.begin(), names.end(), name) == names.end()) {
    problem = make_problem(404, "no dataset named " + shorten(name));
    return nullptr;
  }
  auto opened = bridge::dataset::open(*db, name);
  if (!opened) {
    std::fprintf(stderr, "mfbridge serve: dataset %s: %s\n", name.c_str(), opened.err().message.c_str());
    problem = make_problem(500, "the dataset " + shorten(name) + " cannot be opened");
    return nullptr;
  }
  std::lock_guard lock(mutex_);
  cache_[name] = *opened;
  return *opened;
}

std::vector<std::shared_ptr<const bridge::dataset>> dataset_routes::all() {
  std::vector<std::shared_ptr<const bridge::dataset>> out;
  auto db = pool_.acquire();
  http_response ignored;
  for (const auto& name : bridge::dataset_names(*db))
    if (auto ds = find(db, name, ignored)) out.push_back(ds);
  return out;
}

http_response dataset_routes::list_datasets(request_context& ctx) {
  auto db = pool_.acquire();
  nlohmann::json list = nlohmann::json::array();
  for (const auto& name : bridge::dataset_names(*db))
    if (ctx.key != nullptr && scope_allows(ctx.key->scopes, access::read, name))
      list.push_back({{"name", name}, {"href", "/v1/datasets/" + name}});
  http_response r;
  r.body = nlohmann::json{{"datasets", list}}.dump();
  return r;
}

http_response dataset_routes::describe(request_context& ctx) {
  auto db = pool_.acquire();
  http_response problem;
  auto ds = find(db, ctx.params["ds"], problem);
  if (!ds) return problem;
  const auto& spec = ds->spec();
  auto key = key_of(*ds);
  nlohmann::json records = nlohmann::json::array();
  for (const auto& plan : ds->json_plans()) {
    const auto& l = plan.layout();
    records.push_back({{"name", l.name},
                       {"length", l.length},
                       {"schema", record_schema(l, wants_strings(ctx) ? decimal_form::string : decimal_form::number)}});
  }
  nlohmann::json j{{"name", spec.name},     {"codepage", spec.codepage}, {"recfm", spec.recfm},
                   {"lrecl", spec.lrecl},   {"key", key.names},          {"records", records}};
  http_response r;
  r.body = j.dump();
  return r;
}

http_response dataset_routes::list_records(request_context& ctx) {
  auto db = pool_.acquire();
  http_response problem;
  auto ds = find(db, ctx.params["ds"], problem);
  if (!ds) return problem;
  key_spec key = key_of(*ds);
  std::vector<problem_field> errors;
  std::size_t limit = config_.limits.default_page_size;
  bridge::record_query q;
  std::vector<std::string> where;
  const std::string* cursor = nullptr;
  for (const auto& [name, value] : ctx.query) {
    if (name == "limit") {
      bool digits = !value.empty() && value.size() < 10 &&
                    value.find_first_not_of("0123456789") == std::string::npos;
      std::size_t n = digits ? std::stoul(value) : 0;
      if (n == 0 || n > config_.limits.max_page_size)
        errors.push_back({"limit", "must be 1 to " + std::to_string(config_.limits.max_page_size), shorten(value)});
      else
        limit = n;
    } else if (name == "cursor") {
      cursor = &value;
    } else if (name == "decimals") {
      if (value != "string" && value != "number")
        errors.push_back({"decimals", "must be number or string", shorten(value)});
    } else {
      // A filter: equality on a key field, by its COBOL name.
      bool found = false;
      for (std::size_t i = 0; i < key.names.size() && !found; ++i) {
        if (!copybook::names_equal(key.names[i], name)) continue;
        found = true;
        q.params.push_back(value);
        where.push_back(key.columns[i] + " = " + param(q.params.size()));
      }
      if (!found)
        errors.push_back({name, "unknown query parameter (filters: the key fields)", shorten(value)});
    }
  }
  if (cursor != nullptr) {
    std::vector<std::string> after;
    if (!cursor_decode(*cursor, key.columns.size(), after)) {
      errors.push_back({"cursor", "is not a cursor this server issued", shorten(*cursor)});
    } else {
      std::string lhs, rhs;
      for (std::size_t i = 0; i < after.size(); ++i) {
        q.params.push_back(after[i]);
        lhs += (i ? ", " : "") + key.columns[i];
        rhs += (i ? ", " : "") + param(q.params.size());
      }
      where.push_back(after.size() == 1 ? lhs + " > " + rhs : "(" + lhs + ") > (" + rhs + ")");
    }
  }
  if (!errors.empty()) return make_problem(400, "the query is invalid", errors);
  for (const auto& w : where) q.where += (q.where.empty() ? "" : " AND ") + w;
  for (const auto& c : key.columns) q.order_by += (q.order_by.empty() ? "" : ", ") + c;
  q.limit = static_cast<long long>(limit) + 1;  // one more tells whether a next page exists
  auto recs = bridge::read_records(*db, *ds, q);
  bool more = recs.size() > limit;
  if (more) recs.resize(limit);
  std::string body = "{\"records\":[";
  bool strings = wants_strings(ctx);
  for (std::size_t i = 0; i < recs.size(); ++i) {
    if (i) body += ',';
    auto text = strip_newline(bridge::record_json(*ds, recs[i]));
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
  auto ds = find(db, ctx.params["ds"], problem);
  if (!ds) return problem;
  key_spec key = key_of(*ds);
  const std::string& key_text = ctx.params["key"];
  auto parts = split_key(key_text);
  if (parts.size() != key.columns.size())
    return make_problem(400, "the key has " + std::to_string(parts.size()) + " parts; the dataset's key has " +
                                 std::to_string(key.columns.size()),
                        {{"key", "expected " + std::to_string(key.columns.size()) + " comma-separated values", shorten(key_text)}});
  const std::string* format = ctx.query_value("format");
  if (format != nullptr && *format != "json" && *format != "ebcdic")
    return make_problem(400, "the query is invalid", {{"format", "must be json or ebcdic", shorten(*format)}});
  bridge::record_query q;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    q.params.push_back(parts[i]);
    q.where += (i ? " AND " : "") + key.columns[i] + " = " + param(i + 1);
  }
  q.limit = 1;
  auto recs = bridge::read_records(*db, *ds, q);
  if (recs.empty()) return make_problem(404, "no record with key " + shorten(key_text) + " in " + ds->spec().name);
  bool ebcdic = (format != nullptr && *format == "ebcdic") ||
                (format == nullptr &&
                 ctx.request.header("accept").find("application/octet-stream") != std::string::npos);
  http_response r;
  if (ebcdic) {
    std::vector<bridge::field_error> ferrors;
    auto bytes = bridge::record_bytes(*ds, recs.front(), ferrors);
    if (!bytes) {
      std::vector<problem_field> bad;
      for (const auto& e : ferrors) bad.push_back({e.path, e.reason, e.value});
      return make_problem(500, "the stored record cannot be encoded by its copybook", bad);
    }
    r.content_type = "application/octet-stream";
    r.body.assign(reinterpret_cast<const char*>(bytes->data()), bytes->size());
    return r;
  }
  auto text = strip_newline(bridge::record_json(*ds, recs.front()));
  r.body = wants_strings(ctx) ? numbers_as_strings(text) : text;
  return r;
}

namespace {

// The first member named `name` (COBOL names compare case-insensitively), depth first.
const nlohmann::json* find_member(const nlohmann::json& j, const std::string& name) {
  if (j.is_object()) {
    for (const auto& [k, v] : j.items())
      if (copybook::names_equal(k, name)) return &v;
    for (const auto& [k, v] : j.items())
      if (auto* f = find_member(v, name)) return f;
  }
  return nullptr;
}

std::string utc_now() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string audit_sql(bridge::sql_dialect d) {
  return std::string("CREATE TABLE IF NOT EXISTS mfbridge_audit (\n  id ") +
         (d == bridge::sql_dialect::postgresql ? "BIGSERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT") +
         ",\n  at TEXT NOT NULL,\n  who TEXT NOT NULL,\n  dataset TEXT NOT NULL,\n"
         "  action TEXT NOT NULL,\n  record_key TEXT NOT NULL,\n  before TEXT,\n  after TEXT)";
}

}  // namespace

http_response dataset_routes::write(request_context& ctx, const std::string& method) {
  auto db = pool_.acquire();
  http_response problem;
  auto ds = find(db, ctx.params["ds"], problem);
  if (!ds) return problem;
  key_spec key = key_of(*ds);
  if (key.cells.empty())
    return make_problem(409, "the dataset is keyed by record number: load it with --key to write records");
  std::vector<std::string> parts;
  std::vector<std::uint8_t> bytes;
  if (method != "DELETE") {
    nlohmann::json body;
    if (!parse_json_object(ctx.request.body, body, problem)) return problem;
    bridge::record_encoder enc(ds->encoders().front());
    bridge::encoded_record out;
    std::vector<bridge::field_error> ferrors;
    if (!enc.encode(ctx.request.body, out, ferrors)) {
      std::vector<problem_field> bad;
      for (const auto& e : ferrors) bad.push_back({e.path.empty() ? "body" : e.path, e.reason, e.value});
      return make_problem(422, "the record does not fit the copybook", bad);
    }
    bool fixed = ds->framing().format == bridge::recfm::f || ds->framing().format == bridge::recfm::fb;
    bytes = std::move(out.bytes);
    if (!fixed) bytes.resize(out.odo_length);
    std::vector<problem_field> bad;
    for (const auto& name : key.names) {
      const nlohmann::json* v = find_member(body, name);
      if (v == nullptr) bad.push_back({name, "the key field is missing", ""});
      else parts.push_back(v->is_string() ? v->get<std::string>() : v->dump());
    }
    if (!bad.empty()) return make_problem(422, "the record has no key", bad);
  }
  if (method != "POST") {
    auto path_parts = split_key(ctx.params["key"]);
    if (path_parts.size() != key.columns.size())
      return make_problem(400, "the key has the wrong number of parts",
                          {{"key", "expected " + std::to_string(key.columns.size()) + " comma-separated values",
                            shorten(ctx.params["key"])}});
    if (method == "PUT" && path_parts != parts) {
      std::vector<problem_field> bad;
      for (std::size_t i = 0; i < parts.size(); ++i)
        if (parts[i] != path_parts[i]) bad.push_back({key.names[i], "differs from the key in the path", shorten(parts[i])});
      return make_problem(422, "the record's key differs from the URL's", bad);
    }
    parts = path_parts;
  }
  std::string key_text;
  for (const auto& p : parts) key_text += (key_text.empty() ? "" : ",") + p;
  bridge::record_query q;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    q.params.push_back(parts[i]);
    q.where += (i ? " AND " : "") + key.columns[i] + " = " + param(i + 1);
  }
  q.limit = 1;
  db->execute(audit_sql(db->dialect()));
  db->begin();
  try {
    auto before = bridge::read_records(*db, *ds, q);
    bool existed = !before.empty();
    std::optional<std::string> before_json, after_json;
    if (existed) before_json = strip_newline(bridge::record_json(*ds, before.front()));
    int status = 200;
    if (method == "POST" && existed) {
      db->rollback();
      return make_problem(409, "a record with key " + shorten(key_text) + " exists: PUT replaces it");
    }
    if (method == "DELETE") {
      if (!existed) {
        db->rollback();
        return make_problem(404, "no record with key " + shorten(key_text));
      }
      const auto& main = ds->maps().front().main();
      // Child rows go by ON DELETE CASCADE.
      db->query("DELETE FROM " + bridge::quote_ident(main.name) + " WHERE " + q.where, q.params);
      status = 204;
    } else {
      auto written = bridge::write_record(*db, *ds, 0, bytes, true);
      if (!written) {
        db->rollback();
        return make_problem(422, "the record cannot be stored", {{"body", written.err().message, ""}});
      }
      auto after = bridge::read_records(*db, *ds, q);
      if (!after.empty()) after_json = strip_newline(bridge::record_json(*ds, after.front()));
      status = existed ? 200 : 201;
    }
    std::string who = ctx.key != nullptr ? ctx.key->name : "";
    db->query("INSERT INTO mfbridge_audit (at, who, dataset, action, record_key, before, after) "
              "VALUES ($1, $2, $3, $4, $5, $6, $7)",
              {utc_now(), who, ds->spec().name, method, key_text, before_json, after_json});
    db->commit();
    http_response r;
    r.status = status;
    if (status == 204) {
      r.content_type.clear();
      return r;
    }
    r.body = after_json.value_or("{}");
    if (status == 201)
      r.headers.emplace_back("Location", "/v1/datasets/" + ds->spec().name + "/records/" + key_text);
    return r;
  } catch (...) {
    db->rollback();
    throw;
  }
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
  add("/v1/datasets/{ds}", [this](request_context& c) { return describe(c); }, access::read, "ds",
      {"decimals"});
  // Filters are named by the dataset's key fields: the handler checks its own parameters.
  add("/v1/datasets/{ds}/records", [this](request_context& c) { return list_records(c); },
      access::read, "ds", {"*"});
  add("/v1/datasets/{ds}/records/{key}", [this](request_context& c) { return get_record(c); },
      access::read, "ds", {"format", "decimals"});
  add("/v1/datasets/{ds}/records", [this](request_context& c) { return write(c, "POST"); },
      access::write, "ds", {}, "POST");
  add("/v1/datasets/{ds}/records/{key}", [this](request_context& c) { return write(c, "PUT"); },
      access::write, "ds", {}, "PUT");
  add("/v1/datasets/{ds}/records/{key}", [this](request_context& c) { return write(c, "DELETE"); },
      access::write, "ds", {}, "DELETE");
}

}  // namespace mfb::rehost::detail
