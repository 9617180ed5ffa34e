#pragma once
// The route table: method + path template ("/v1/datasets/{ds}/records/{key}") -> handler,
// with what each route needs (public or a scope on the dataset named by a path parameter)
// and the query parameters it accepts. Path segments are percent-decoded one by one, so an
// encoded '/' or ',' inside a key never splits it.

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mfb/rehost/rest/auth.hpp"
#include "mfb/rehost/rest/config.hpp"
#include "mfb/rehost/rest/http_types.hpp"

namespace mfb::rehost::detail {

/// What a handler gets besides the request.
struct request_context {
  const http_request& request;
  std::map<std::string, std::string> params;  ///< decoded path parameters
  std::vector<std::pair<std::string, std::string>> query;
  const api_key* key = nullptr;  ///< the authenticated key (null on public routes)

  /// Return the query parameter `name`, or nullptr.
  const std::string* query_value(std::string_view name) const;
};

using handler_fn = std::function<http_response(request_context&)>;

struct route {
  std::string method;
  std::string pattern;
  handler_fn handler;
  bool is_public = false;       ///< no key needed (/healthz, /openapi.json, /metrics)
  access need = access::read;
  std::string dataset_param;    ///< path parameter naming the dataset for the scope check
  std::vector<std::string> query_params;  ///< accepted query parameter names
};

/// Outcome of matching a path.
struct route_match {
  const route* found = nullptr;
  std::map<std::string, std::string> params;
  std::vector<std::string> allowed;  ///< methods of routes whose path matched (for 405)
  bool bad_path = false;             ///< a malformed %-escape
};

class router {
 public:
  /// Add a route; routes are tried in the order added.
  void add(route r);
  /// Match `method` and the raw `path`.
  route_match find(std::string_view method, std::string_view path) const;
  const std::vector<route>& routes() const noexcept { return routes_; }

 private:
  std::vector<route> routes_;
};

}  // namespace mfb::rehost::detail
