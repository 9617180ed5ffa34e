#pragma once
// The people lookup: `GET {path}/{key}` for each shared key of the config answers every
// record whose key field holds the key, in each dataset the caller may read, grouped by
// dataset, each record with its own URL. A dataset the caller may not read is not
// queried and not named: the answer is the one it would be without that dataset.

#include <optional>
#include <string>
#include <vector>

#include "mfb/bridge/io/outcome.hpp"
#include "mfb/rehost/rest/config.hpp"
#include "rest/dataset_keys.hpp"
#include "rest/dataset_routes.hpp"
#include "rest/masked_records.hpp"
#include "rest/router.hpp"

namespace mfb::rehost::detail {

class people_routes {
 public:
  /// `config` and `datasets` outlive this; `log` (thread-safe) hears of indexes created.
  people_routes(const server_config& config, dataset_routes& datasets, bridge::reporter& log)
      : config_(config), datasets_(datasets), log_(log) {}

  /// Find each shared key's datasets and fields in the target and index every key field
  /// not yet indexed (logged). Return "" or the config error, naming the shared key, the
  /// dataset and the field. Call once, before add_to().
  std::string prepare();
  /// Add one route per shared key; "" or the reason a path would overlap a route of `r`.
  std::string add_to(router& r);

 private:
  /// One dataset of a shared key: its path name, the field as the config names it, and
  /// the column holding the key (as a one-part key_spec: check_value normalises a key the
  /// way the column stores it).
  struct source {
    dataset_ref ref;
    std::string field;
    key_spec column;
  };
  struct lookup {
    const shared_key* config = nullptr;
    std::vector<source> sources;
  };

  std::string resolve(db_pool::lease& db, const shared_key& key, const std::string& dataset,
                      const std::string& field, source& out);
  http_response answer(const lookup& l, request_context& ctx);
  /// A dataset the caller may read: `masked` is set when it reads it through the policy.
  struct readable {
    const source* s = nullptr;
    std::optional<masked_view> masked;
  };
  /// The datasets of `l` the key may read; a read-masked one only where the policy leaves
  /// its key and the looked-up field unmasked (else a hit would reveal an original value).
  std::vector<readable> readable_sources(const lookup& l, const std::vector<std::string>& scopes);
  /// The `records` and `next` members of one dataset's group; "" with `why` set when a
  /// record cannot be masked.
  std::string group(rehost::database& db, const lookup& l, readable& r, const std::string& key,
                    std::size_t limit, const std::string* cursor, bool strings, std::string& why);

  const server_config& config_;
  dataset_routes& datasets_;
  bridge::reporter& log_;
  std::vector<lookup> lookups_;
};

/// The key as the lookup compares it: spaces cut from both ends, then the shared key's
/// normalise steps (upper: ASCII letters upper-cased; no_spaces: every space dropped).
std::string normalise_key(std::string key, const shared_key& how);

/// "" when `key` may be looked up, else why not: empty, over 256 bytes, not UTF-8, or
/// holding a control character.
std::string check_key_text(const std::string& key);

}  // namespace mfb::rehost::detail
