// Dataset routes. Every value from a client reaches SQL as a parameter ($n); identifiers
// come from the dataset's own table map (quote_ident), never from the request.

#include "rest/dataset_routes.hpp"

#include <algorithm>
#include <filesystem>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "rest/dataset_keys.hpp"
#include "rest/json_text.hpp"
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
