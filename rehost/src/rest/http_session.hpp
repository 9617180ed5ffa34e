#pragma once
// One connection of the HTTP/1.1 front end (see http_adapter.cpp for why it is ours): read a
// request with the limits of request_reader, ask the handlers, write the answer, and go on
// while the connection is kept alive. Everything of one connection runs on its strand.
//
// Order of checks for a request with a body: header limits (431), then the `authorize`
// handler (401/403/404/...), then the declared length (413), and only then is a body byte
// read; a chunked body fails with 413 as soon as its chunks pass the limit. An answer given
// before the body was read closes the connection after a short "lingering close" (the
// client's unread bytes are read and dropped for at most linger_time / linger_bytes, so the
// kernel does not reset the connection before the client has read the answer).
//
// Time limits, checked by one timer per connection against the current deadline: a
// connection waiting for a request's first byte is closed after the idle timeout; a
// request not fully received within the request timeout gets 408; a client that does not
// take its answer within the request timeout is dropped. No deadline while a handler runs.

#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>

#include "mfb/rehost/rest/problem.hpp"
#include "mfb/rehost/rest/server.hpp"
#include "rest/request_reader.hpp"
#include "rest/response_head.hpp"

namespace mfb::rehost::detail {

namespace net = boost::asio;
using tcp = net::ip::tcp;
using error_code = boost::system::error_code;

/// What the connections share with the server.
struct server_core {
  server_core(listen_options o, server_handlers h) : opts(std::move(o)), handlers(std::move(h)) {}
  listen_options opts;
  server_handlers handlers;
  std::atomic<bool> draining{false};
  std::atomic<std::size_t> connections{0};  ///< counted against limits.max_connections
  std::mutex mutex;
  std::condition_variable idle;
  std::size_t in_flight = 0;  ///< requests from their header until their answer is sent

  void request_started() {
    std::lock_guard lock(mutex);
    ++in_flight;
  }
  void request_finished() {
    std::lock_guard lock(mutex);
    if (--in_flight == 0) idle.notify_all();
  }
};

template <class Stream>
class http_session : public std::enable_shared_from_this<http_session<Stream>> {
 public:
  static constexpr bool is_tls = !std::is_same_v<Stream, tcp::socket>;
  static constexpr auto linger_time = std::chrono::seconds(2);
  static constexpr std::size_t linger_bytes = std::size_t{8} << 20;

  /// `counted`: the connection holds one of the max_connections places.
  template <class... StreamArgs>
  http_session(server_core& core, bool counted, StreamArgs&&... args)
      : core_(core), counted_(counted), stream_(std::forward<StreamArgs>(args)...),
        timer_(raw().get_executor()), reader_(core.opts.limits), buffer_(reader_.make_buffer()) {}

  ~http_session() {
    if (in_flight_) core_.request_finished();
    if (counted_) core_.connections.fetch_sub(1);
  }

  void start();
  /// Answer 503 at once and close: the server is at max_connections (plain HTTP only).
  void refuse_busy();

 private:
  enum class phase { handshake, idle, reading, handling, writing, lingering };
  using clock = std::chrono::steady_clock;

  tcp::socket& raw() {
    if constexpr (is_tls) return stream_.next_layer();
    else return stream_;
  }
  std::chrono::seconds request_timeout() const {
    return std::chrono::seconds(core_.opts.limits.request_timeout_seconds);
  }

  void next_request();
  void read_more();
  void on_read(error_code ec, std::size_t n);
  void parse();
  void header_in();
  void respond();
  void begin_request();
  http_response call(const std::function<http_response(const http_request&)>& handler);
  void send(http_response r, bool close, bool linger);
  void sent(error_code ec, bool close, bool linger);
  void write_continue();
  void linger(std::size_t dropped);
  void arm(phase p, clock::duration d);
  void on_timer(error_code ec);
  void close();

  server_core& core_;
  bool counted_;
  Stream stream_;
  net::steady_timer timer_;
  request_reader reader_;
  boost::beast::flat_buffer buffer_;
  http_response response_;
  std::string head_;
  phase phase_ = phase::idle;
  clock::time_point deadline_{};
  clock::time_point scheduled_{};
  bool timer_pending_ = false;
  bool timed_out_ = false;
  bool in_flight_ = false;
  bool late_ = false;
  bool closed_ = false;
};

using plain_session = http_session<tcp::socket>;
using tls_session = http_session<net::ssl::stream<tcp::socket>>;

}  // namespace mfb::rehost::detail
