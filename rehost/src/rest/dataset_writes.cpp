// Writes to a dataset: the body is validated by the copybook's encoder (every bad field
// reported), the write and its audit row share one transaction, and the audit row holds
// who (the API key's name), when, what, and the record before and after.

#include <ctime>
#include <mutex>
#include <optional>

#include <nlohmann/json.hpp>

#include "rest/body_reader.hpp"
#include "rest/dataset_keys.hpp"
#include "rest/dataset_routes.hpp"
#include "rest/dataset_write_checks.hpp"
#include "rest/etag.hpp"
#include "rest/json_text.hpp"
#include "mfb/bridge/codec/record_encoder.hpp"
#include "mfb/rehost/db/record_store.hpp"
#include "mfb/copybook/layout.hpp"
#include "mfb/rehost/rest/problem.hpp"

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

std::string audit_sql(rehost::sql_dialect d) {
  return std::string("CREATE TABLE IF NOT EXISTS mfbridge_audit (\n  id ") +
         (d == rehost::sql_dialect::postgresql ? "BIGSERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT") +
         ",\n  at TEXT NOT NULL,\n  who TEXT NOT NULL,\n  dataset TEXT NOT NULL,\n"
         "  action TEXT NOT NULL,\n  record_key TEXT NOT NULL,\n  before TEXT,\n  after TEXT)";
}

// A child record's parent: its table, key columns and the key values the body gave.
struct parent_link {
  std::string table;
  std::vector<std::string> columns;  ///< quoted
  std::vector<std::string> names;    ///< COBOL names
  std::vector<std::string> values;   ///< as the parent's columns store them
};

// Read "_parent" of `body` for a record of `main` (which has a parent table): every key
// field of the parent, numbers checked and written as the parent's columns store them.
bool parent_key(const rehost::dataset& ds, const rehost::sql_table& main, const nlohmann::json& body,
                parent_link& out, http_response& problem) {
  key_spec pk = key_of(ds, parent_type(ds, main));
  out.table = main.parent_table;
  out.columns = pk.columns;
  out.names = pk.names;
  auto it = body.find("_parent");
  if (it == body.end() || !it->is_object()) {
    problem = make_problem(422, "the record needs its parent's key",
                           {{"_parent", "an object with the " + main.parent_table + " key: " + filter_list(pk),
                             it == body.end() ? "" : shorten(it->dump())}});
    return false;
  }
  std::vector<problem_field> bad;
  for (std::size_t i = 0; i < pk.names.size(); ++i) {
    const nlohmann::json* v = nullptr;
    for (const auto& [k, value] : it->items())
      if (copybook::names_equal(k, pk.names[i])) v = &value;
    if (v == nullptr || !(v->is_string() || v->is_number())) {
      bad.push_back({"_parent." + pk.names[i], "is required (text or number)", v ? shorten(v->dump()) : ""});
      continue;
    }
    std::string text = v->is_string() ? v->get<std::string>() : v->dump();
    if (auto why = check_value(pk, i, text); !why.empty()) bad.push_back({"_parent." + pk.names[i], why, shorten(text)});
    out.values.push_back(std::move(text));
  }
  for (const auto& [k, value] : it->items()) {
    bool known = false;
    for (const auto& n : pk.names) known = known || copybook::names_equal(k, n);
    if (!known) bad.push_back({"_parent." + k, "is not a key field of " + main.parent_table, ""});
  }
  if (!bad.empty()) {
    problem = make_problem(422, "the parent key is invalid", bad);
    return false;
  }
  return true;
}

bool parent_exists(rehost::database& db, const parent_link& p) {
  std::string where;
  rehost::sql_params params;
  for (std::size_t i = 0; i < p.columns.size(); ++i) {
    params.push_back(p.values[i]);
    where += (i ? " AND " : "") + p.columns[i] + " = " + param(i + 1);
  }
  return !db.query("SELECT 1 FROM " + rehost::quote_ident(p.table) + " WHERE " + where, params).rows.empty();
}

http_response key_exists_problem(const std::string& key_text) {
  return make_problem(409, "a record with key " + shorten(key_text) + " exists: PUT replaces it");
}

http_response missing_parent_problem(const parent_link& parent) {
  std::vector<problem_field> bad;
  for (std::size_t i = 0; i < parent.names.size(); ++i)
    bad.push_back({"_parent." + parent.names[i], "no " + parent.table + " record has this key", shorten(parent.values[i])});
  return make_problem(422, "the parent record does not exist", bad);
}

}  // namespace

namespace {

// The body of a POST or PUT as the record's bytes, and its key as the key columns would
// store it (so "A " and "A" are one key where the column trims). False with `problem`.
bool encode_body(const rehost::dataset& ds, std::size_t type, const key_spec& key, const std::string& body_text,
                 parent_link& parent, std::vector<std::uint8_t>& bytes, std::vector<std::string>& parts,
                 http_response& problem) {
  nlohmann::json body;
  if (!parse_json_object(body_text, body, problem)) return false;
  const rehost::sql_table& main = ds.maps()[type].main();
  std::string record_text = body_text;
  if (!main.parent_table.empty()) {
    // A child record type: its parent's key comes as "_parent" (as convert writes it).
    if (!parent_key(ds, main, body, parent, problem)) return false;
    record_text = without_member(record_text, "_parent");
  }
  bridge::record_encoder enc(ds.encoders()[type]);
  bridge::encoded_record out;
  std::vector<bridge::field_error> ferrors;
  if (!enc.encode(record_text, out, ferrors)) {
    std::vector<problem_field> bad;
    for (const auto& e : ferrors) bad.push_back({e.path.empty() ? "body" : e.path, e.reason, e.value});
    problem = make_problem(422, "the record does not fit the copybook", bad);
    return false;
  }
  bool fixed = ds.framing().format == bridge::recfm::f || ds.framing().format == bridge::recfm::fb;
  bytes = std::move(out.bytes);
  if (!fixed) bytes.resize(out.odo_length);
  std::vector<problem_field> bad;
  for (const auto& name : key.names)
    if (find_member(body, name) == nullptr) bad.push_back({name, "the key field is missing", ""});
  if (!bad.empty()) {
    problem = make_problem(422, "the record has no key", bad);
    return false;
  }
  auto stored = rehost::stored_key(ds, type, bytes);
  if (!stored) {
    problem = make_problem(422, "the record cannot be stored", {{"body", stored.err().message, ""}});
    return false;
  }
  parts = std::move(stored).value();
  return true;
}

}  // namespace

http_response dataset_routes::write(request_context& ctx, const std::string& method) {
  auto db = pool_.acquire();
  http_response problem;
  auto ref = find(db, ctx.params["ds"], problem);
  if (!ref) return problem;
  const rehost::dataset* ds = ref.ds.get();
  const std::size_t type = ref.type;
  const rehost::sql_table& main = ds->maps()[type].main();
  key_spec key = key_of(*ds, type);
  if (key.cells.empty())
    return make_problem(409, "the dataset is keyed by record number: load it with --key to write records");
  std::vector<std::string> parts;
  std::vector<std::uint8_t> bytes;
  parent_link parent;
  // From here on, one write at a time: stored_key and write_record split rows through the
  // dataset's shared table map buffers.
  std::lock_guard serial(write_mutex_);
  if (method != "DELETE" && !encode_body(*ds, type, key, ctx.request.body, parent, bytes, parts, problem))
    return problem;
  if (method != "POST") {
    std::vector<std::string> path_parts;
    if (!path_key(key, ctx.params["key"], path_parts, method == "DELETE" ? 400 : 422, problem)) return problem;
    if (method == "PUT" && path_parts != parts) {
      std::vector<problem_field> bad;
      for (std::size_t i = 0; i < parts.size(); ++i)
        if (parts[i] != path_parts[i]) bad.push_back({key.names[i], "differs from the key in the path", shorten(parts[i])});
      return make_problem(422, "the record's key differs from the URL's", bad);
    }
    parts = std::move(path_parts);
  }
  std::string key_text = join_key(parts);
  rehost::record_query q;
  q.type = type;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    q.params.push_back(parts[i]);
    q.where += (i ? " AND " : "") + key.columns[i] + " = " + param(i + 1);
  }
  q.limit = 1;
  db->execute(audit_sql(db->dialect()));
  db->begin();
  try {
    auto before = rehost::read_records(*db, *ds, q);
    bool existed = !before.empty();
    std::optional<std::string> before_json, after_json;
    if (existed) before_json = record_answer(*ds, before.front());
    int status = 200;
    if (method == "POST" && existed) {
      db->rollback();
      return key_exists_problem(key_text);
    }
    if (!check_if_match(config_, ref, ctx.request, method, before_json, problem)) {
      db->rollback();
      return problem;
    }
    if (!parent.values.empty() && !parent_exists(*db, parent)) {
      db->rollback();
      return missing_parent_problem(parent);
    }
    if (method == "DELETE") {
      if (!existed) {
        db->rollback();
        return make_problem(404, "no record with key " + shorten(key_text));
      }
      // Child rows go by ON DELETE CASCADE.
      db->query("DELETE FROM " + rehost::quote_ident(main.name) + " WHERE " + q.where, q.params);
      status = 204;
    } else {
      auto written = rehost::write_record(*db, *ds, type, bytes, true, -1,
                                          parent.values.empty() ? nullptr : &parent.values);
      if (!written) {
        db->rollback();
        return make_problem(422, "the record cannot be stored", {{"body", written.err().message, ""}});
      }
      auto after = rehost::read_records(*db, *ds, q);
      if (after.empty()) {
        // The key read back differs from the key written: never report a write that
        // cannot be found again (nor audit it without its after image).
        db->rollback();
        return make_problem(422, "the record's key cannot be stored exactly", {{key.names[0], "is not found again after the write", shorten(key_text)}});
      }
      if (!stored_exactly(*ds, type, bytes, after.front(), problem)) {
        db->rollback();
        return problem;
      }
      after_json = record_answer(*ds, after.front());
      status = existed ? 200 : 201;
    }
    std::string who = ctx.key != nullptr ? ctx.key->name : "";
    db->query("INSERT INTO mfbridge_audit (at, who, dataset, action, record_key, before, after) "
              "VALUES ($1, $2, $3, $4, $5, $6, $7)",
              {utc_now(), who, ref.name, method, key_text, before_json, after_json});
    db->commit();
    http_response r;
    r.status = status;
    if (status == 204) {
      r.content_type.clear();
      return r;
    }
    r.body = *after_json;
    r.headers.emplace_back("ETag", record_etag(*after_json));
    if (status == 201) {
      // A key may hold CR LF, which must not end the header (response splitting).
      r.headers.emplace_back("Location", "/v1/datasets/" + percent_encode(ref.name) +
                                             "/records/" + key_path(parts));
    }
    return r;
  } catch (const rehost::unstorable_value_error& e) {
    // A value the target cannot hold exactly (PostgreSQL text and a genuine U+2400): the
    // client's data, so a 422 naming the field, never a cut value or a 500.
    db->rollback();
    return make_problem(422, "a value cannot be stored exactly", {{e.field(), e.what(), ""}});
  } catch (const rehost::duplicate_key_error&) {
    // Another writer stored the key between the read above and this write (SQLSTATE 23505).
    db->rollback();
    return key_exists_problem(key_text);
  } catch (const rehost::foreign_key_error&) {
    // The parent went between the check above and this write (SQLSTATE 23503).
    db->rollback();
    if (parent.values.empty()) throw;
    return missing_parent_problem(parent);
  } catch (...) {
    db->rollback();
    throw;
  }
}

}  // namespace mfb::rehost::detail
