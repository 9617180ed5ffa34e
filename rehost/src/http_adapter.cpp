// The only file that includes cpprestsdk (DESIGN.md): it moves requests and answers
// between cpprest's listener and the plain http_request/http_response types, reads bodies
// up to the limit, and drains in-flight requests on stop.
//
// cpprest's listener cannot report the port it bound, so port 0 is resolved here first by
// binding a socket to port 0 and reading the port back; the socket is closed before the
// listener binds, which leaves a tiny window in which another process could take it (cpprest
// binds its own acceptor and keeps it private, so a socket bound here cannot be handed
// over); start() then tries another free port. Likewise a request line whose URI cpprest cannot parse, or whose path
// cannot be %-decoded, is answered 400 by cpprest itself (plain text or empty) before any
// handler runs: those are the only answers that are not problem+json.

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <thread>

#include <cpprest/http_listener.h>
#include <pplx/threadpool.h>

#include "mfb/rehost/server.hpp"

namespace mfb::rehost {

namespace {

namespace http = web::http;
using http::experimental::listener::http_listener;
using http::experimental::listener::http_listener_config;

// Bind a socket on host:0 and return the port the kernel chose (0 on failure).
std::uint16_t free_port(const std::string& host) {
  addrinfo hints{};
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_NUMERICSERV;
  addrinfo* res = nullptr;
  if (getaddrinfo(host.c_str(), "0", &hints, &res) != 0 || res == nullptr) return 0;
  std::uint16_t port = 0;
  int fd = ::socket(res->ai_family, res->ai_socktype, res->ai_protocol);
  if (fd >= 0 && ::bind(fd, res->ai_addr, res->ai_addrlen) == 0) {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    if (::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
      if (addr.ss_family == AF_INET)
        port = ntohs(reinterpret_cast<sockaddr_in*>(&addr)->sin_port);
      else if (addr.ss_family == AF_INET6)
        port = ntohs(reinterpret_cast<sockaddr_in6*>(&addr)->sin6_port);
    }
  }
  if (fd >= 0) ::close(fd);
  freeaddrinfo(res);
  return port;
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

class cpprest_server final : public http_server {
 public:
  cpprest_server(const listen_options& opts, server_handlers handlers, std::uint16_t port)
      : opts_(opts), handlers_(std::move(handlers)), port_(port) {
    std::string host = opts.host.find(':') != std::string::npos ? "[" + opts.host + "]" : opts.host;
    url_ = std::string(opts.tls.enabled() ? "https" : "http") + "://" + host + ":" +
           std::to_string(port);
  }

  ~cpprest_server() override { stop(std::chrono::milliseconds(0)); }

  result<bool> open() {
    http_listener_config cfg;
    if (opts_.tls.enabled()) {
      auto cert = opts_.tls.certificate, key = opts_.tls.private_key;
      cfg.set_ssl_context_callback([cert, key](boost::asio::ssl::context& ctx) {
        ctx.set_options(boost::asio::ssl::context::default_workarounds |
                        boost::asio::ssl::context::no_sslv2 | boost::asio::ssl::context::no_sslv3 |
                        boost::asio::ssl::context::no_tlsv1 | boost::asio::ssl::context::no_tlsv1_1);
        ctx.use_certificate_chain_file(cert);
        ctx.use_private_key_file(key, boost::asio::ssl::context::pem);
      });
    }
    try {
      listener_ = std::make_unique<http_listener>(web::uri(url_), cfg);
      listener_->support([this](http::http_request req) { serve(std::move(req)); });
      listener_->open().wait();
    } catch (const std::exception& e) {
      listener_.reset();
      return error{"cannot listen on " + url_ + ": " + e.what()};
    }
    return true;
  }

  std::uint16_t port() const noexcept override { return port_; }
  /// The handlers back, for another attempt after open() failed.
  server_handlers release_handlers() { return std::move(handlers_); }
  std::string url() const override { return url_; }

  void stop(std::chrono::milliseconds drain) override {
    draining_ = true;
    {
      std::unique_lock lock(mutex_);
      idle_.wait_for(lock, drain, [this] { return in_flight_ == 0; });
    }
    if (listener_) {
      try {
        listener_->close().wait();
      } catch (const std::exception&) {
        // Closing a listener whose connections already failed is not an error here.
      }
      listener_.reset();
    }
  }

 private:
  // Turn one cpprest request into ours, answer it, and reply. Nothing here waits on another
  // pool task: the pool is small (see start()), and a pool thread blocked on a task that
  // needs a pool thread would stall the server. Requests without a body (GET, DELETE) are
  // answered at once; bodies are read chunk by chunk in continuations.
  void serve(http::http_request req) {
    {
      std::lock_guard lock(mutex_);
      ++in_flight_;
    }
    // Decided on arrival: a request that came before stop() is served even if its body is
    // still arriving when stop() begins.
    bool late = draining_;
    try {
      auto st = std::make_shared<exchange>(std::move(req), late);
      if (!start_request(*st)) {
        answer(st);
        return;
      }
      read_body(st).then([this, st](pplx::task<void> t) {
        try {
          t.get();
        } catch (const std::exception&) {
          finish();  // the client went away or its body could not be read
          return;
        }
        answer(st);
      });
    } catch (const std::exception&) {
      finish();
    }
  }

  // One request on its way through: cpprest's request, ours, and the body's read buffer.
  struct exchange {
    exchange(http::http_request q, bool l) : req(std::move(q)), late(l) {}
    http::http_request req;
    bool late;
    http_request r;
    std::vector<std::uint8_t> chunk;
  };

  // Fill in method, path, query and headers; true when a body remains to be read.
  bool start_request(exchange& x) const {
    http_request& r = x.r;
    r.method = x.req.method();
    const auto& uri = x.req.request_uri();
    r.path = uri.path();
    r.query = uri.query();
    for (const auto& [name, value] : x.req.headers()) r.headers[lower(name)] = value;
    // A declared length past the limit is refused unread (content_length() of a request
    // without the header is not 0, so ask for the header itself). Without a length or a
    // transfer coding there is no body to read (RFC 9112 6.3).
    utility::size64_t declared = 0;
    if (x.req.headers().match(http::header_names::content_length, declared)) {
      if (declared > opts_.max_body_bytes) {
        r.body_too_large = true;  // not read: the limit protects memory
        return false;
      }
      return declared > 0;
    }
    return r.headers.count("transfer-encoding") != 0;
  }

  // Read the body in chunks up to the limit (a chunked body has no declared length).
  pplx::task<void> read_body(const std::shared_ptr<exchange>& st) const {
    if (st->chunk.empty()) st->chunk.resize(64 * 1024);
    auto sb = st->req.body().streambuf();
    return sb.getn(st->chunk.data(), st->chunk.size()).then([this, st](std::size_t n) {
      if (n == 0) return pplx::task_from_result();
      if (st->r.body.size() + n > opts_.max_body_bytes) {
        st->r.body_too_large = true;
        st->r.body.clear();
        return pplx::task_from_result();
      }
      st->r.body.append(reinterpret_cast<const char*>(st->chunk.data()), n);
      return read_body(st);
    });
  }

  // Run the handler and send its answer; the request counts as in flight until it is sent.
  void answer(const std::shared_ptr<exchange>& st) {
    try {
      http_response a = st->late ? handlers_.unavailable(st->r) : handlers_.handle(st->r);
      st->req.reply(to_cpprest(a)).then([this](pplx::task<void> t) {
        try {
          t.get();
        } catch (const std::exception&) {
          // The client went away before the answer was sent.
        }
        finish();
      });
    } catch (const std::exception&) {
      finish();
    }
  }

  void finish() {
    std::lock_guard lock(mutex_);
    if (--in_flight_ == 0) idle_.notify_all();
  }

  static http::http_response to_cpprest(const http_response& a) {
    http::http_response resp(static_cast<http::status_code>(a.status));
    std::vector<unsigned char> bytes(a.body.begin(), a.body.end());
    resp.set_body(std::move(bytes));
    resp.headers().set_content_type(a.content_type);
    for (const auto& [name, value] : a.headers) resp.headers().add(name, value);
    return resp;
  }

  listen_options opts_;
  server_handlers handlers_;
  std::uint16_t port_;
  std::string url_;
  std::unique_ptr<http_listener> listener_;
  std::atomic<bool> draining_{false};
  std::mutex mutex_;
  std::condition_variable idle_;
  std::size_t in_flight_ = 0;
};

// Load the TLS files once at start so a bad certificate fails `serve`, not each handshake.
std::string check_tls(const tls_config& tls) {
  if (!tls.enabled()) return {};
  try {
    boost::asio::ssl::context ctx(boost::asio::ssl::context::tls_server);
    ctx.use_certificate_chain_file(tls.certificate);
    ctx.use_private_key_file(tls.private_key, boost::asio::ssl::context::pem);
  } catch (const std::exception& e) {
    return "cannot load the TLS certificate " + tls.certificate + " or key " + tls.private_key +
           ": " + e.what();
  }
  return {};
}

}  // namespace

std::size_t default_threads() noexcept {
  return std::max<std::size_t>(4, 2 * std::thread::hardware_concurrency());
}

bool parse_listen(const std::string& text, listen_options& out) {
  auto colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) return false;
  std::string host = text.substr(0, colon);
  if (host.front() == '[') {
    if (host.back() != ']') return false;
    host = host.substr(1, host.size() - 2);
  }
  long port = 0;
  for (char c : text.substr(colon + 1)) {
    if (c < '0' || c > '9') return false;
    port = port * 10 + (c - '0');
    if (port > 65535) return false;
  }
  out.host = host;
  out.port = static_cast<std::uint16_t>(port);
  return true;
}

result<std::unique_ptr<http_server>> http_server::start(const listen_options& opts,
                                                        server_handlers handlers) {
  if (auto why = check_tls(opts.tls); !why.empty()) return error{why};
  // cpprest's pool defaults to 40 threads; on a small machine most of their time goes to
  // waking each other. The pool is process-wide and can be sized once, before first use.
  static std::once_flag sized;
  std::call_once(sized, [] {
    try {
      crossplat::threadpool::initialize_with_threads(default_threads());
    } catch (const std::exception&) {
      // Already in use (a listener started earlier in this process): keep its size.
    }
  });
  // Port 0: the port found free may be taken by another process before cpprest binds it;
  // then another free port is tried, so the race costs a retry, not a failed start.
  for (int attempt = 0;; ++attempt) {
    std::uint16_t port = opts.port;
    if (port == 0) {
      port = free_port(opts.host);
      if (port == 0) return error{"cannot find a free port on " + opts.host};
    }
    auto server = std::make_unique<cpprest_server>(opts, std::move(handlers), port);
    auto opened = server->open();
    if (opened) return std::unique_ptr<http_server>(std::move(server));
    if (opts.port != 0 || attempt == 4) return opened.err();
    handlers = server->release_handlers();
  }
}

}  // namespace mfb::rehost
