// The facade's dispatch: match the route, authenticate, check limits, run the handler, and
// turn anything unexpected into a 500 problem that says nothing of its cause. Every answer
// is counted in the metrics under its route template.

#include "mfb/rehost/rest/service.hpp"

#include <chrono>
#include <exception>
#include <optional>
#include <type_traits>

#include "mfb/rehost/rest/auth.hpp"
#include "mfb/rehost/rest/openapi.hpp"
#include "mfb/rehost/rest/problem.hpp"
#include "rest/dataset_keys.hpp"
#include "rest/dataset_routes.hpp"
#include "rest/openapi_people.hpp"
#include "rest/people_routes.hpp"
#include "rest/router.hpp"
#include "rest/transform.hpp"
#include "rest/ui/inspector_routes.hpp"
#include "rest/ui/ui_routes.hpp"

namespace mfb::rehost {

struct service::impl {
  bridge::reporter& log;
  server_config config;
  metrics_registry metrics;
  detail::router routes;
  detail::transform_engine transform;
  std::unique_ptr<detail::dataset_routes> datasets;  ///< null without a target
  std::unique_ptr<detail::inspector_routes> inspector;  ///< the web inspector's JSON (a target)
  std::unique_ptr<detail::people_routes> people;  ///< the shared keys' lookups (a target)
  std::string startup_error;  ///< a config the target contradicts ("" when none)

  impl(server_config c, std::string target, bridge::reporter& log);
  http_response openapi(const detail::request_context& ctx);
  http_response healthz();
  std::string start_people();
  std::optional<http_response> admit(const http_request& req, detail::route_match& m,
                                     std::vector<std::pair<std::string, std::string>>& query,
                                     const api_key*& key, std::string& route_name);
  http_response dispatch(const http_request& req, std::string& route_name);
  template <class Answer>
  auto answer(const http_request& request, Answer&& run) noexcept;
};

namespace {

http_response text(std::string body, const char* type) {
  http_response r;
  r.content_type = type;
  r.body = std::move(body);
  return r;
}

http_response unauthorized(std::string_view detail) {
  auto r = make_problem(401, detail);
  r.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"mfbridge\"");
  return r;
}

detail::route make_route(const char* method, const char* pattern, detail::handler_fn handler,
                         bool is_public, access need = access::read) {
  detail::route r;
  r.method = method;
  r.pattern = pattern;
  r.handler = std::move(handler);
  r.is_public = is_public;
  r.need = need;
  return r;
}

}  // namespace

// A dataset's record schema is shown only to a key that may read it (unless the config
// says everyone): its field names and sizes are the dataset's own. Without a key the
// document has the generic routes.
http_response service::impl::openapi(const detail::request_context& ctx) {
  auto caller = rehost::authorize(config, ctx.request.header("authorization"), access::any, "");
  const api_key* key = caller.status == auth_status::ok ? caller.key : nullptr;
  std::vector<detail::dataset_ref> open;
  if (datasets && (key != nullptr || config.public_schemas)) open = datasets->all();
  std::vector<openapi_dataset> list;
  for (const auto& ref : open) {
    if (!config.public_schemas && (key == nullptr || !scope_allows(key->scopes, access::read, ref.name))) continue;
    std::vector<openapi_filter> filters;
    auto f = detail::filters_of(*ref.ds, ref.type);
    for (std::size_t i = 0; i < f.names.size(); ++i) filters.push_back({f.names[i], f.numeric[i]});
    list.push_back({ref.name, &ref.ds->json_plans()[ref.type].layout(), std::move(filters),
                    detail::parent_fields(*ref.ds, ref.type), ref.ds->spec().raw});
  }
  auto doc = openapi_document(list, datasets != nullptr);
  if (people) {
    doc["paths"].update(detail::people_paths(config));
    doc["tags"].push_back({{"name", "people"}});
  }
  auto r = text(doc.dump(2), "application/json");
  r.headers.emplace_back("Vary", "Authorization");
  return r;
}

http_response service::impl::healthz() {
  if (datasets) {
    if (auto why = datasets->health(); !why.empty()) {
      log.message(bridge::severity::error, "health check: " + why);
      return make_problem(503, "the database cannot be reached");
    }
  }
  return text("{\"status\":\"ok\"}", "application/json");
}

service::impl::impl(server_config c, std::string target, bridge::reporter& l)
    : log(l), config(std::move(c)) {
  using detail::request_context;
  routes.add(make_route("GET", "/healthz", [this](request_context&) { return healthz(); }, true));
  routes.add(make_route("GET", "/metrics",
              [this](request_context&) {
                return text(metrics.render(), "text/plain; version=0.0.4; charset=utf-8");
              },
              true));
  routes.add(make_route("GET", "/openapi.json",
              [this](request_context& ctx) { return openapi(ctx); },
              true));
  auto decode = make_route("POST", "/v1/transform/decode",
                           [this](request_context& ctx) { return transform.decode(ctx); }, false,
                           access::transform);
  decode.query_params = {"dataset", "decimals"};  // raw bytes: the layout and number form
  routes.add(std::move(decode));
  detail::add_ui_routes(routes);
  routes.add(make_route("POST", "/v1/transform/encode",
              [this](request_context& ctx) { return transform.encode(ctx); }, false,
              access::transform));
  if (!target.empty()) {
    datasets = std::make_unique<detail::dataset_routes>(target, config, log);
    datasets->add_to(routes);
    transform.use_datasets([this](request_context& ctx, const std::string& name, http_response& problem) {
      return datasets->readable(ctx, name, problem);
    });
    inspector = std::make_unique<detail::inspector_routes>(
        target, [this](request_context& ctx, const std::string& name, http_response& problem) {
          return datasets->readable(ctx, name, problem);
        });
    inspector->add_to(routes);
  }
  startup_error = start_people();
}

// The shared keys need the target's datasets: resolved (and indexed) now, so that a config
// naming a dataset or field that is not there stops the server before it listens.
std::string service::impl::start_people() {
  if (config.shared_keys.empty()) return {};
  if (!datasets) return "shared_keys need a --target";
  auto p = std::make_unique<detail::people_routes>(config, *datasets, log);
  try {
    if (auto why = p->prepare(); !why.empty()) return why;
  } catch (const std::exception& e) {
    return std::string("shared_keys: the target failed: ") + e.what();
  }
  if (auto why = p->add_to(routes); !why.empty()) return why;
  people = std::move(p);
  return {};
}

// What the headers alone decide: the route, its method, the query's names, the key and its
// scope. Runs before the body is read (service::authorize) and again in dispatch.
std::optional<http_response> service::impl::admit(const http_request& req, detail::route_match& m,
                                                  std::vector<std::pair<std::string, std::string>>& query,
                                                  const api_key*& key, std::string& route_name) {
  if (!parse_query(req.query, query))
    return make_problem(400, "the query string has a malformed %-escape");
  m = routes.find(req.method, req.path);
  if (m.bad_path) return make_problem(400, "the path has a malformed %-escape");
  if (m.found == nullptr) {
    if (m.allowed.empty()) return make_problem(404, "no such resource");
    std::string allow;
    for (const auto& a : m.allowed) allow += (allow.empty() ? "" : ", ") + a;
    auto r = make_problem(405, "the resource does not support " + req.method + " (allowed: " + allow + ")");
    r.headers.emplace_back("Allow", allow);
    return r;
  }
  const detail::route& rt = *m.found;
  route_name = rt.pattern;
  if (!rt.is_public) {
    std::string dataset;
    if (!rt.dataset_param.empty())
      if (auto it = m.params.find(rt.dataset_param); it != m.params.end()) dataset = it->second;
    auto auth = rehost::authorize(config, req.header("authorization"), rt.need, dataset);
    switch (auth.status) {
      case auth_status::missing: return unauthorized("send an API key: Authorization: Bearer KEY");
      case auth_status::invalid: return unauthorized("the API key is not valid");
      case auth_status::forbidden:
        return make_problem(403, "the API key has no scope for this request");
      case auth_status::ok: break;
    }
    key = auth.key;
  }
  std::vector<problem_field> unknown;
  for (const auto& [name, value] : query) {
    bool known = false;
    for (const auto& q : rt.query_params) known = known || q == name || q == "*";
    if (!known) unknown.push_back({name, "unknown query parameter", shorten(value)});
  }
  if (!unknown.empty()) return make_problem(400, "the query has unknown parameters", unknown);
  return std::nullopt;
}

http_response service::impl::dispatch(const http_request& req, std::string& route_name) {
  detail::route_match m;
  std::vector<std::pair<std::string, std::string>> query;
  const api_key* key = nullptr;
  if (auto refused = admit(req, m, query, key, route_name)) return std::move(*refused);
  if (req.body_too_large || req.body.size() > config.limits.max_body_bytes)
    return make_problem(413, "the body exceeds " + std::to_string(config.limits.max_body_bytes) + " bytes");
  detail::request_context ctx{req, std::move(m.params), std::move(query), key};
  return m.found->handler(ctx);
}

// Run `run` (which sets the route's name), turning any exception into a 500 that says
// nothing of its cause, and count the answer in the metrics.
template <class Answer>
auto service::impl::answer(const http_request& request, Answer&& run) noexcept {
  auto t0 = std::chrono::steady_clock::now();
  std::string route_name = "unmatched";
  decltype(run(route_name)) r;
  try {
    r = run(route_name);
  } catch (const std::exception& e) {
    // The cause goes to the server's log, never to the client.
    log.message(bridge::severity::error,
                request.method + " " + route_name + " failed: " + e.what());
    r = make_problem(500, "the server could not answer this request");
  } catch (...) {
    r = make_problem(500, "the server could not answer this request");
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  try {
    if constexpr (std::is_same_v<decltype(r), http_response>) metrics.observe(request.method, route_name, r.status, seconds);
    else if (r) metrics.observe(request.method, route_name, r->status, seconds);
  } catch (...) {
    // Metrics must never turn an answer into a failure.
  }
  return r;
}

namespace {
bridge::null_reporter no_log;  // stateless: safe to share between threads and services
}  // namespace

service::service(server_config config, std::string target, bridge::reporter* log)
    : impl_(std::make_unique<impl>(std::move(config), std::move(target), log ? *log : no_log)) {}
service::~service() = default;

http_response service::handle(const http_request& request) noexcept {
  return impl_->answer(request, [&](std::string& route) { return impl_->dispatch(request, route); });
}

std::optional<http_response> service::authorize(const http_request& headers_only) noexcept {
  return impl_->answer(headers_only, [&](std::string& route) {
    detail::route_match m;
    std::vector<std::pair<std::string, std::string>> query;
    const api_key* key = nullptr;
    return impl_->admit(headers_only, m, query, key, route);
  });
}

http_response service::unavailable(const http_request& request) noexcept {
  http_response r;
  try {
    r = make_problem(503, "the server is shutting down");
    r.headers.emplace_back("Connection", "close");
    impl_->metrics.observe(request.method, "unmatched", 503, 0.0);
  } catch (...) {
    r.status = 503;
  }
  return r;
}

const server_config& service::config() const noexcept { return impl_->config; }
const std::string& service::startup_error() const noexcept { return impl_->startup_error; }
const metrics_registry& service::metrics() const noexcept { return impl_->metrics; }

}  // namespace mfb::rehost
