// One connection of the HTTP/1.1 front end: the request/answer loop, lingering close and
// the deadline timer (the rules are in http_session.hpp).

#include "rest/http_session.hpp"

#include <algorithm>

namespace mfb::rehost::detail {

template <class Stream>
void http_session<Stream>::start() {
  if constexpr (is_tls) {
    arm(phase::handshake, request_timeout());
    stream_.async_handshake(net::ssl::stream_base::server,
                            [self = this->shared_from_this()](error_code ec) {
                              if (ec || self->closed_) return self->close();
                              self->next_request();
                            });
  } else {
    next_request();
  }
}

template <class Stream>
void http_session<Stream>::refuse_busy() {
  auto r = make_problem(503, "the server has too many connections open; retry later");
  r.headers.emplace_back("Retry-After", "1");
  send(std::move(r), true, true);
}

template <class Stream>
void http_session<Stream>::next_request() {
  reader_.reset();
  if (buffer_.size() == 0) {
    arm(phase::idle, std::chrono::seconds(core_.opts.limits.idle_timeout_seconds));
    return read_more();
  }
  arm(phase::reading, request_timeout());  // pipelined bytes are already here
  parse();
}

template <class Stream>
void http_session<Stream>::read_more() {
  std::size_t room = buffer_.max_size() - buffer_.size();
  if (room == 0) {
    reader_.overflow();
    return send(make_problem(reader_.failure_status(), reader_.failure_detail()), true, true);
  }
  stream_.async_read_some(buffer_.prepare(std::min<std::size_t>(room, 64 * 1024)),
                          [self = this->shared_from_this()](error_code ec, std::size_t n) {
                            self->on_read(ec, n);
                          });
}

template <class Stream>
void http_session<Stream>::on_read(error_code ec, std::size_t n) {
  if (timed_out_) {
    timed_out_ = false;
    return send(make_problem(408, "the request did not arrive within " +
                                      std::to_string(request_timeout().count()) + " seconds"),
                true, true);
  }
  if (ec || closed_) return close();  // the client left (a partial request has no one to answer)
  buffer_.commit(n);
  if (phase_ == phase::idle) arm(phase::reading, request_timeout());
  parse();
}

template <class Stream>
void http_session<Stream>::parse() {
  switch (reader_.feed(buffer_)) {
    case read_stage::need_more: return read_more();
    case read_stage::header_done: return header_in();
    case read_stage::complete: return respond();
    case read_stage::failed:
      return send(make_problem(reader_.failure_status(), reader_.failure_detail()), true, true);
  }
}

// A body follows the header: everything that can refuse the request does so now, unread.
template <class Stream>
void http_session<Stream>::header_in() {
  begin_request();
  http_request& req = reader_.request();
  if (late_) return send(call(core_.handlers.unavailable), true, true);
  if (core_.handlers.authorize) {
    std::optional<http_response> refusal;
    try {
      refusal = core_.handlers.authorize(req);
    } catch (...) {
      refusal = make_problem(500, "the server could not answer this request");
    }
    if (refusal) return send(std::move(*refusal), true, true);
  }
  if (reader_.declared_too_large()) {
    req.body_too_large = true;
    return send(call(core_.handlers.handle), true, true);
  }
  reader_.read_body();
  if (reader_.expects_continue()) return write_continue();
  parse();
}

template <class Stream>
void http_session<Stream>::write_continue() {
  static constexpr char interim[] = "HTTP/1.1 100 Continue\r\n\r\n";
  net::async_write(stream_, net::buffer(interim, sizeof interim - 1),
                   [self = this->shared_from_this()](error_code ec, std::size_t) {
                     if (self->timed_out_) return self->on_read(ec, 0);
                     if (ec || self->closed_) return self->close();
                     self->parse();
                   });
}

template <class Stream>
void http_session<Stream>::begin_request() {
  if (in_flight_) return;
  in_flight_ = true;
  core_.request_started();
  late_ = core_.draining.load();  // decided on arrival: a request before stop() is served
}

template <class Stream>
http_response http_session<Stream>::call(const std::function<http_response(const http_request&)>& handler) {
  try {
    return handler(reader_.request());
  } catch (...) {
    return make_problem(500, "the server could not answer this request");
  }
}

template <class Stream>
void http_session<Stream>::respond() {
  begin_request();
  phase_ = phase::handling;  // the handler may wait for the database: no deadline
  http_response r = call(late_ ? core_.handlers.unavailable : core_.handlers.handle);
  bool close = late_ || !reader_.keep_alive() || asks_to_close(r);
  send(std::move(r), close, false);
}

template <class Stream>
void http_session<Stream>::send(http_response r, bool close, bool linger) {
  response_ = std::move(r);
  std::vector<std::string> dropped;
  head_ = response_head(response_, close, dropped);
  for (const auto& name : dropped)
    if (core_.handlers.log)
      core_.handlers.log->message(bridge::severity::warning,
                                  "a " + std::to_string(response_.status) +
                                      " answer's header field " + name +
                                      " was not sent: it holds a control character");
  bool body = reader_.request().method != "HEAD" && !bodiless_status(response_.status);
  std::array<net::const_buffer, 2> parts{net::buffer(head_),
                                         body ? net::buffer(response_.body) : net::const_buffer()};
  arm(phase::writing, request_timeout());
  net::async_write(stream_, parts,
                   [self = this->shared_from_this(), close, linger](error_code ec, std::size_t) {
                     self->sent(ec, close, linger);
                   });
}

template <class Stream>
void http_session<Stream>::sent(error_code ec, bool close, bool linger) {
  if (in_flight_) {
    in_flight_ = false;
    core_.request_finished();
  }
  if (ec || closed_) return this->close();
  if (!close) return next_request();
  error_code ignored;
  raw().shutdown(tcp::socket::shutdown_send, ignored);
  if (!linger) return this->close();
  arm(phase::lingering, linger_time);
  buffer_.clear();
  this->linger(0);
}

// Read and drop what the client still sends, until it closes or the bounds are reached.
template <class Stream>
void http_session<Stream>::linger(std::size_t dropped) {
  if (dropped > linger_bytes) return close();
  raw().async_read_some(buffer_.prepare(std::min<std::size_t>(buffer_.max_size(), 16 * 1024)),
                        [self = this->shared_from_this(), dropped](error_code ec, std::size_t n) {
                          if (ec || self->closed_) return self->close();
                          self->linger(dropped + n);
                        });
}

// One timer per connection: it fires at the earliest deadline set, and checks the current one.
template <class Stream>
void http_session<Stream>::arm(phase p, clock::duration d) {
  phase_ = p;
  deadline_ = clock::now() + d;
  if (timer_pending_ && scheduled_ <= deadline_) return;
  timer_pending_ = true;
  scheduled_ = deadline_;
  timer_.expires_at(deadline_);  // a wait pending for later ends with operation_aborted
  timer_.async_wait([self = this->shared_from_this()](error_code ec) { self->on_timer(ec); });
}

template <class Stream>
void http_session<Stream>::on_timer(error_code ec) {
  if (ec == net::error::operation_aborted) return;  // re-armed earlier, or closed
  timer_pending_ = false;
  if (closed_ || phase_ == phase::handling) return;
  if (clock::now() < deadline_) {
    arm(phase_, deadline_ - clock::now());
    return;
  }
  if (phase_ == phase::reading) {
    // Ends the pending read or write with operation_aborted; its handler answers 408.
    timed_out_ = true;
    error_code ignored;
    raw().cancel(ignored);
    return;
  }
  close();
}

template <class Stream>
void http_session<Stream>::close() {
  if (closed_) return;
  closed_ = true;
  timer_.cancel();
  error_code ignored;
  raw().close(ignored);
}

template class http_session<tcp::socket>;
template class http_session<net::ssl::stream<tcp::socket>>;

}  // namespace mfb::rehost::detail
