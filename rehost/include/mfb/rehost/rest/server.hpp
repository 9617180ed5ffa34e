#pragma once
// The HTTP/1.1 listener behind the facade (Boost.Beast over Asio, in src/http_adapter.cpp
// and src/http_session.hpp). It turns each HTTP exchange into an http_request for a handler
// and writes its answer; header, body, time and connection limits hold before handlers run.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "mfb/bridge/io/outcome.hpp"
#include "mfb/ebcdic/result.hpp"
#include "mfb/rehost/rest/config.hpp"
#include "mfb/rehost/rest/http_types.hpp"

namespace mfb::rehost {

/// Where and how to listen.
struct listen_options {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  ///< 0: pick a free port (see http_server::port)
  tls_config tls;
  server_limits limits;  ///< body, header, connection and time limits (page sizes unused here)
};

/// Threads serving requests: two per core, at least 4 (a handler blocks its thread while it
/// waits for the database). Also the cap on database connections. Measured on 2 cores with
/// cpprest's listener: 40 threads (its default) served a third of what 4 do, their time
/// going to waking each other.
std::size_t default_threads() noexcept;

/// Parse "HOST:PORT" (or "[V6]:PORT"); false when malformed.
bool parse_listen(const std::string& text, listen_options& out);

/// Handlers the server calls: one for normal requests, one while it drains, and one that
/// sees a request with a body once its headers are in, before any body byte is read: an
/// answer from it (401, 403, 404, ...) is sent at once and the connection is closed, so an
/// unauthenticated client cannot make the server read (or hold) its body. All noexcept.
struct server_handlers {
  std::function<http_response(const http_request&)> handle;
  std::function<http_response(const http_request&)> unavailable;
  std::function<std::optional<http_response>(const http_request& headers_only)> authorize;
  /// Where the listener's own messages go (a connection that failed, a header field that
  /// was not sent); called from any serving thread, so it must be thread-safe. Null: dropped.
  bridge::reporter* log = nullptr;
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
