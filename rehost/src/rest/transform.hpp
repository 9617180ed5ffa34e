#pragma once
// POST /v1/transform/decode and /v1/transform/encode: legacy message payloads <-> canonical
// JSON records, by a copybook given inline (JSON body) or by a dataset's layout (its
// copybook, code page and select rules, from the target's catalog). Compiled
// layouts are cached by their full specification, so a client sending the same copybook
// each time pays the parse once.

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "mfb/rehost/db/dataset.hpp"
#include "mfb/bridge/codec/encode_plan.hpp"
#include "mfb/bridge/codec/record_selector.hpp"
#include "mfb/copybook/layout.hpp"
#include "mfb/rehost/rest/http_types.hpp"
#include "rest/dataset_keys.hpp"
#include "rest/router.hpp"

namespace mfb::rehost::detail {

/// What selects and compiles a layout (all of it is the cache key).
struct layout_spec {
  std::string copybook;  ///< copybook text
  std::string codepage = "cp037";
  std::string record;                ///< 01 record name (or empty: the only one)
  std::vector<std::string> select;   ///< FIELD=VALUE:RECORD rules (decode)
  std::vector<std::string> keep;     ///< REDEFINES alternatives that win (encode)
  bool keep_trailing_spaces = false;
  bool check_88 = false;
  std::string key() const;
};

/// A compiled layout: decode selector and encode plans over the same parse.
struct compiled_layout {
  std::vector<copybook::record_layout> records;
  std::unique_ptr<bridge::record_selector> selector;
  std::vector<bridge::encode_plan> encode_plans;
};

/// Finds a dataset by name for a request (checking the key's read scope), or returns
/// nullptr with the problem answer set.
using dataset_finder =
    std::function<dataset_ref(request_context& ctx, const std::string& name, http_response& problem)>;

class transform_engine {
 public:
  /// Handle POST /v1/transform/decode: a JSON body with an inline copybook or a "dataset",
  /// or raw bytes (application/octet-stream) with ?dataset=NAME.
  http_response decode(request_context& ctx);
  /// Handle POST /v1/transform/encode: a JSON body with an inline copybook or a "dataset".
  http_response encode(request_context& ctx);
  /// Let requests name a dataset (a server with a --target).
  void use_datasets(dataset_finder find) { find_dataset_ = std::move(find); }

 private:
  /// Return the compiled layout for `spec`, or a problem answer in `problem`.
  std::shared_ptr<const compiled_layout> compile(const layout_spec& spec, http_response& problem);

  /// The dataset `name`, or nullptr with `problem` set (no target, unknown, no scope).
  dataset_ref dataset(request_context& ctx, const std::string& name, http_response& problem);

  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const compiled_layout>> cache_;
  dataset_finder find_dataset_;
};

}  // namespace mfb::rehost::detail
