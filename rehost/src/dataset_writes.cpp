// Writes to a dataset: the body is validated by the copybook's encoder (every bad field
// reported), the write and its audit row share one transaction, and the audit row holds
// who (the API key's name), when, what, and the record before and after.

#include <ctime>
#include <mutex>
#include <optional>

#include <nlohmann/json.hpp>

#include "body_reader.hpp"
#include "dataset_keys.hpp"
#include "dataset_routes.hpp"
#include "mfb/bridge/record_encoder.hpp"
#include "mfb/bridge/record_store.hpp"
#include "mfb/copybook/layout.hpp"
#include "mfb/rehost/problem.hpp"

namespace mfb::rehost::detail {

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
  std::size_t bad_part = 0;
  if (auto why = check_key_parts(key, parts, bad_part); !why.empty())
    return make_problem(method == "DELETE" ? 400 : 422, "the key does not fit the dataset's key",
                        {{key.names[bad_part], why, shorten(parts[bad_part])}});
  std::string key_text;
  for (const auto& p : parts) key_text += (key_text.empty() ? "" : ",") + p;
  bridge::record_query q;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    q.params.push_back(parts[i]);
    q.where += (i ? " AND " : "") + key.columns[i] + " = " + param(i + 1);
  }
  q.limit = 1;
  std::lock_guard serial(write_mutex_);
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

}  // namespace mfb::rehost::detail
