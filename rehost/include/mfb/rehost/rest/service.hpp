#pragma once
// The facade without HTTP: a request in, a response out. Routing, authentication, limits,
// problem+json errors and metrics all happen here, so every rule is testable in-process;
// the HTTP transport only moves bytes.

#include <memory>
#include <optional>
#include <string>

#include "mfb/bridge/io/outcome.hpp"
#include "mfb/rehost/rest/config.hpp"
#include "mfb/rehost/rest/http_types.hpp"
#include "mfb/rehost/rest/metrics.hpp"

namespace mfb::rehost {

/// The REST facade's request handler; thread-safe (one instance serves every thread).
class service {
 public:
  /// Serve `config`; with a `target` (sqlite:FILE, postgresql://...) the dataset routes too.
  /// What the server's operator should know (a failed health check, a request that failed
  /// with an exception, a dataset that did not open) goes to `log`, which must be
  /// thread-safe and outlive the service; null drops it.
  explicit service(server_config config, std::string target = {},
                   bridge::reporter* log = nullptr);
  ~service();
  service(const service&) = delete;
  service& operator=(const service&) = delete;

  /// Answer one request. Never throws: any failure becomes a problem+json answer whose
  /// text says nothing of the exception. Counts the request in metrics().
  http_response handle(const http_request& request) noexcept;

  /// Check what a request's headers alone decide (route, method, query, key and scope)
  /// before its body is read: the answer when the request is refused, nullopt when the body
  /// may be read. Never throws; a refusal is counted in metrics() like handle()'s answers.
  std::optional<http_response> authorize(const http_request& headers_only) noexcept;

  /// Answer 503 while the server drains on shutdown (counted like any other answer).
  http_response unavailable(const http_request& request) noexcept;

  /// What makes the config unusable with the target, found when the service was made ("" when
  /// nothing): a shared key naming a dataset or field the target lacks, or a path that
  /// overlaps another route. A server must not listen with it.
  const std::string& startup_error() const noexcept;
  const server_config& config() const noexcept;
  const metrics_registry& metrics() const noexcept;

  struct impl;

 private:
  std::unique_ptr<impl> impl_;
};

}  // namespace mfb::rehost
