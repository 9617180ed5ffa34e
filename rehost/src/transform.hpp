#pragma once
// POST /v1/transform/decode and /v1/transform/encode: legacy message payloads <-> canonical
// JSON records, by a copybook given inline (JSON body) or by a dataset's layout. Compiled
// layouts are cached by their full specification, so a client sending the same copybook
// each time pays the parse once.

#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "mfb/bridge/encode_plan.hpp"
#include "mfb/bridge/record_selector.hpp"
#include "mfb/copybook/layout.hpp"
#include "mfb/rehost/http_types.hpp"
#include "router.hpp"

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

class transform_engine {
 public:
  /// Handle POST /v1/transform/decode.
  http_response decode(request_context& ctx);
  /// Handle POST /v1/transform/encode.
  http_response encode(request_context& ctx);

 private:
  /// Return the compiled layout for `spec`, or a problem answer in `problem`.
  std::shared_ptr<const compiled_layout> compile(const layout_spec& spec, http_response& problem);

  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const compiled_layout>> cache_;
};

}  // namespace mfb::rehost::detail
