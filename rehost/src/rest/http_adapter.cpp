// The HTTP/1.1 listener: an Asio acceptor, a pool of threads running one io_context, and a
// session per connection (http_session.hpp). It moved off cpprestsdk's http_listener,
// which cannot keep a server safe on a network: it reads headers into an unbounded buffer
// (no size or count limit), hands a request over after its headers but keeps reading the
// body into an unbounded producer/consumer buffer whether or not the handler wants it,
// sends no answer until the whole body has arrived (so a 401 cannot stop an upload), has
// no idle or request timeout and no connection cap, and cannot report the port it bound.
// Boost.Beast's parser (Boost is already a dependency) gives bounded headers, a body limit
// that counts chunked bodies as they arrive, and a stop after the header, before any body
// byte is read. Our own code is the loop around it; the request types stay the plain ones.
//
// Threads: default_threads() run the io_context; a handler blocks its thread while it waits
// for the database, as under cpprest. Connections past max_connections get a 503 (plain
// HTTP) or are closed (TLS, where an answer would cost a handshake) and the server goes on.

#include <algorithm>
#include <thread>
#include <vector>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/strand.hpp>

#include "rest/http_session.hpp"
#include "mfb/rehost/rest/server.hpp"

namespace mfb::rehost {

namespace {

namespace net = boost::asio;
namespace ssl = boost::asio::ssl;
using detail::error_code;
using detail::tcp;

class beast_server final : public http_server {
 public:
  beast_server(const listen_options& opts, server_handlers handlers)
      : core_(opts, std::move(handlers)), ioc_(static_cast<int>(default_threads())),
        work_(net::make_work_guard(ioc_)), acceptor_(net::make_strand(ioc_)),
        retry_(acceptor_.get_executor()) {}

  ~beast_server() override { stop(std::chrono::milliseconds(0)); }

  /// Load TLS, bind, listen and start the threads; "" or the reason it failed.
  std::string open();

  std::uint16_t port() const noexcept override { return port_; }
  std::string url() const override { return url_; }
  void stop(std::chrono::milliseconds drain) override;

 private:
  std::string load_tls();
  void accept();
  void admit(tcp::socket socket);
  std::string make_url(std::uint16_t port) const {
    const auto& h = core_.opts.host;
    return std::string(core_.opts.tls.enabled() ? "https" : "http") + "://" +
           (h.find(':') != std::string::npos ? "[" + h + "]" : h) + ":" + std::to_string(port);
  }

  // Declared in the order they must outlive each other: sessions, destroyed with the
  // io_context, use the core and the TLS context.
  detail::server_core core_;
  std::optional<ssl::context> tls_;
  net::io_context ioc_;
  net::executor_work_guard<net::io_context::executor_type> work_;
  tcp::acceptor acceptor_;
  net::steady_timer retry_;
  std::vector<std::thread> threads_;
  std::uint16_t port_ = 0;
  std::string url_;
  bool stopped_ = false;
};

// Load the TLS files once at start so a bad certificate fails `serve`, not each handshake.
std::string beast_server::load_tls() {
  const auto& tls = core_.opts.tls;
  if (!tls.enabled()) return {};
  try {
    tls_.emplace(ssl::context::tls_server);
    tls_->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                      ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1);
    tls_->use_certificate_chain_file(tls.certificate);
    tls_->use_private_key_file(tls.private_key, ssl::context::pem);
  } catch (const std::exception& e) {
    return "cannot load the TLS certificate " + tls.certificate + " or key " + tls.private_key + ": " + e.what();
  }
  return {};
}

std::string beast_server::open() {
  if (auto why = load_tls(); !why.empty()) return why;
  error_code ec;
  tcp::resolver resolver(ioc_);
  auto found = resolver.resolve(core_.opts.host, std::to_string(core_.opts.port),
                                tcp::resolver::passive | tcp::resolver::numeric_service, ec);
  if (!ec && found.empty()) ec = net::error::host_not_found;
  tcp::endpoint where;
  if (!ec) where = found.begin()->endpoint();
  if (!ec) acceptor_.open(where.protocol(), ec);
  if (!ec) acceptor_.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acceptor_.bind(where, ec);
  if (!ec) acceptor_.listen(net::socket_base::max_listen_connections, ec);
  if (!ec) port_ = acceptor_.local_endpoint(ec).port();
  if (ec) return "cannot listen on " + make_url(core_.opts.port) + ": " + ec.message();
  url_ = make_url(port_);
  accept();
  for (std::size_t i = 0; i < default_threads(); ++i)
    threads_.emplace_back([this] {
      while (true) {
        try {
          ioc_.run();
          return;
        } catch (const std::exception& e) {
          if (core_.handlers.log)
            core_.handlers.log->message(bridge::severity::warning,
                                        std::string("a connection failed: ") + e.what());
        }
      }
    });
  return {};
}

void beast_server::accept() {
  acceptor_.async_accept(net::make_strand(ioc_), [this](error_code ec, tcp::socket socket) {
    if (ec == net::error::operation_aborted || !acceptor_.is_open()) return;
    if (ec) {
      // Out of file descriptors, for instance: try again shortly instead of spinning.
      retry_.expires_after(std::chrono::milliseconds(50));
      retry_.async_wait([this](error_code e) {
        if (!e) accept();
      });
      return;
    }
    admit(std::move(socket));
    accept();
  });
}

void beast_server::admit(tcp::socket socket) {
  error_code ignored;
  socket.set_option(tcp::no_delay(true), ignored);
  if (core_.connections.fetch_add(1) >= core_.opts.limits.max_connections) {
    core_.connections.fetch_sub(1);
    if (tls_)
      socket.close(ignored);
    else
      std::make_shared<detail::plain_session>(core_, false, std::move(socket))->refuse_busy();
    return;
  }
  if (tls_)
    std::make_shared<detail::tls_session>(core_, true, std::move(socket), *tls_)->start();
  else
    std::make_shared<detail::plain_session>(core_, true, std::move(socket))->start();
}

void beast_server::stop(std::chrono::milliseconds drain) {
  if (stopped_) return;
  stopped_ = true;
  core_.draining = true;  // requests from now on get the `unavailable` answer
  {
    std::unique_lock lock(core_.mutex);
    core_.idle.wait_for(lock, drain, [this] { return core_.in_flight == 0; });
  }
  // Connections still open (idle keep-alive, or past the drain time) end with the threads.
  ioc_.stop();
  for (auto& t : threads_)
    if (t.joinable()) t.join();
  error_code ignored;
  acceptor_.close(ignored);
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
  auto server = std::make_unique<beast_server>(opts, std::move(handlers));
  if (auto why = server->open(); !why.empty()) return error{why};
  return std::unique_ptr<http_server>(std::move(server));
}

}  // namespace mfb::rehost
