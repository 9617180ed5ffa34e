#pragma once
// The dataset routes (GET /v1/datasets, /v1/datasets/{ds}, /records, /records/{key}) over
// the bridge's catalog and record store, on SQLite or PostgreSQL. Connections come from a
// small pool (a database object serves one thread at a time); opened datasets are cached
// by name for the server's life, and the catalog is read again for a name not yet known.

#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "mfb/bridge/io/outcome.hpp"
#include "mfb/rehost/db/database.hpp"
#include "mfb/rehost/db/dataset.hpp"
#include "rest/dataset_keys.hpp"
#include "mfb/rehost/rest/config.hpp"
#include "mfb/rehost/rest/http_types.hpp"
#include "mfb/rehost/rest/openapi.hpp"
#include "mfb/rehost/rest/server.hpp"
#include "rest/masked_records.hpp"
#include "rest/router.hpp"

namespace mfb::rehost::detail {

/// Connections to one target, reused across requests; at most `max` are open, and a request
/// waits for a free one (more connections than request threads only add backends that
/// compete for the same cores).
class db_pool {
 public:
  db_pool(std::string target, std::size_t max) : target_(std::move(target)), max_(max) {}

  /// A connection handed back to the pool when destroyed.
  class lease {
   public:
    lease(db_pool& pool, std::unique_ptr<rehost::database> db) : pool_(&pool), db_(std::move(db)) {}
    lease(lease&&) noexcept = default;
    lease& operator=(lease&&) noexcept = default;
    ~lease();
    rehost::database& operator*() const { return *db_; }
    rehost::database* operator->() const { return db_.get(); }

   private:
    db_pool* pool_;
    std::unique_ptr<rehost::database> db_;
  };

  /// Take an idle connection, open one below the cap, or wait for one (throws
  /// rehost::db_error when a connection cannot be opened).
  lease acquire();

 private:
  void give_back(std::unique_ptr<rehost::database> db);

  std::string target_;
  std::size_t max_;
  std::size_t open_ = 0;  ///< connections open (idle or leased)
  std::mutex mutex_;
  std::condition_variable freed_;
  std::vector<std::unique_ptr<rehost::database>> idle_;
};

/// The LRECL a dataset is read with, as z/OS counts it: F/FB the record length (given, or
/// the longest record), V/VB/VS/VBS the longest record plus its 4-byte RDW, other framings
/// the longest record.
std::size_t lrecl_of(const rehost::dataset& ds);
/// The record types' paths of a multi-record dataset, "/v1/datasets/a, /v1/datasets/b".
std::string record_type_paths(const rehost::dataset& ds);

/// Whether the request asks `?decimals=string` (decimals as JSON strings).
bool wants_strings(const request_context& ctx);

class dataset_routes {
 public:
  /// `log` (thread-safe) hears of catalog entries that do not open.
  dataset_routes(std::string target, const server_config& config, bridge::reporter& log)
      : target_(target), pool_(std::move(target), default_threads()), config_(config), log_(log) {}

  /// Whether the target answers now, on a connection of its own (a pooled one may be
  /// broken, and an open SQLite handle still reads a file that was removed): "" when it
  /// does, else the reason (for the server's log, not the client).
  std::string health() const;

  /// Add the dataset routes to `r`.
  void add_to(router& r);
  /// The dataset `name` for a request whose key may read it, or nullptr with `problem` set
  /// (403 without the read scope, 404 when there is none by that name).
  dataset_ref readable(request_context& ctx, const std::string& name, http_response& problem);
  /// Every dataset path, read afresh from the catalog (listing, OpenAPI document).
  std::vector<dataset_ref> all();
  /// The connection pool, for routes that read several datasets on one connection.
  db_pool& pool() noexcept { return pool_; }
  /// The dataset path `name` whatever the caller's scopes, or an empty ref with `problem`
  /// set (404, 500): for routes that check the scopes themselves (the people lookup).
  dataset_ref named(db_pool::lease& db, const std::string& name, http_response& problem) {
    return find(db, name, problem);
  }

 private:
  http_response list_datasets(request_context& ctx);
  http_response describe(request_context& ctx);
  http_response list_records(request_context& ctx);
  http_response get_record(request_context& ctx);
  /// POST (create), PUT (create or replace), DELETE: validated, transactional, audited.
  http_response write(request_context& ctx, const std::string& method);
  /// The dataset named by the path, or an empty ref with `problem` set (404).
  dataset_ref find(db_pool::lease& db, const std::string& name, http_response& problem);
  /// The dataset the path names and, for a read-masked key, its masked view in `masked`;
  /// an empty ref with `problem` set (404, or 403 when it cannot be read masked).
  dataset_ref find_for_reading(db_pool::lease& db, request_context& ctx, std::optional<masked_view>& masked,
                               http_response& problem);
  /// Re-read the catalog's names into index_ (datasets already open are kept).
  void refresh(db_pool::lease& db);
  /// The open dataset loaded as `name` when it has several record types (each one served
  /// under its main table's name), else nullptr. Defined in dataset_describe.cpp.
  std::shared_ptr<const rehost::dataset> multi_record(const std::string& name);
  /// GET /v1/datasets/{ds} for such a dataset: its framing and its record types' paths.
  http_response describe_file(const rehost::dataset& ds);

  std::string target_;
  db_pool pool_;
  const server_config& config_;
  bridge::reporter& log_;
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const rehost::dataset>> opened_;  ///< by catalog name
  std::vector<dataset_ref> index_;   ///< every dataset path
  std::vector<std::string> failed_;  ///< catalog names that did not open
  /// Writes run one at a time per server: a new record's number is MAX(mfb_record_no)+1,
  /// which two concurrent PostgreSQL transactions would both take (READ COMMITTED).
  std::mutex write_mutex_;
};

}  // namespace mfb::rehost::detail
