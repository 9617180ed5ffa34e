#pragma once
// The HTTP listener behind the facade (cpprestsdk, quarantined in src/http_adapter.cpp).
// It turns each HTTP exchange into an http_request for a handler and writes its answer.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "mfb/ebcdic/result.hpp"
#include "mfb/rehost/config.hpp"
#include "mfb/rehost/http_types.hpp"

namespace mfb::rehost {

/// Where and how to listen.
struct listen_options {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  ///< 0: pick a free port (see http_server::port)
  tls_config tls;
  std::size_t max_body_bytes = std::size_t{1} << 20;  ///< bodies past this are not read
};

/// Threads serving requests (cpprest's pool, sized by the first start in a process): two per
/// core, at least 4 (a handler blocks its thread while it waits for the database). Also the
/// cap on database connections. Measured on 2 cores: 40 threads (cpprest's default) served
/// a third of what 4 do, their time going to waking each other.
std::size_t default_threads() noexcept;

/// Parse "HOST:PORT" (or "[V6]:PORT"); false when malformed.
bool parse_listen(const std::string& text, listen_options& out);

/// Handlers the server calls: one for normal requests, one while it drains.
struct server_handlers {
  std::function<http_response(const http_request&)> handle;
  std::function<http_response(const http_request&)> unavailable;
};

/// A running HTTP(S) listener; stop() drains it.
class http_server {
 public:
  /// Start listening; fails when the address cannot be bound or the TLS files are bad.
  static result<std::unique_ptr<http_server>> start(const listen_options& opts,
                                                    server_handlers handlers);
  virtual ~http_server() = default;

  /// The port actually bound (useful with port 0).
  virtual std::uint16_t port() const noexcept = 0;
  /// "http://HOST:PORT" or "https://HOST:PORT".
  virtual std::string url() const = 0;
  /// Stop taking new work (later requests get the `unavailable` answer), wait up to `drain`
  /// for requests in flight to finish, then close the listener.
  virtual void stop(std::chrono::milliseconds drain) = 0;
};

}  // namespace mfb::rehost
