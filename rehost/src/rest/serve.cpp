// `mfbridge serve`: config, service, listener, then wait for SIGTERM/SIGINT with the
// signals blocked in every thread (the listener's threads inherit the mask), so the
// main thread alone receives them through sigwait and can drain in order.

#include "mfb/rehost/rest/serve.hpp"

#include <csignal>
#include <pthread.h>

#include "mfb/rehost/db/database.hpp"
#include "mfb/rehost/rest/server.hpp"
#include "mfb/rehost/rest/service.hpp"

namespace mfb::rehost {

std::string serve_options::validate() const {
  listen_options l;
  if (!parse_listen(listen, l)) return "--listen expects HOST:PORT, got " + listen;
  if (!target.empty() && target.rfind("sqlite:", 0) != 0 && target.rfind("postgresql://", 0) != 0 &&
      target.rfind("postgres://", 0) != 0)
    return "--target expects sqlite:FILE or postgresql://..., got " + target;
  if (drain_ms < 0) return "--drain-ms must be 0 or more";
  return {};
}

bridge::failure_kind run_serve(const serve_options& opts, bridge::reporter& log) {
  using bridge::failure_kind;
  using bridge::severity;
  if (auto why = opts.validate(); !why.empty()) {
    log.message(severity::error, why);
    return failure_kind::usage;
  }
  server_config config = server_config::defaults();
  if (!opts.config_file.empty()) {
    auto loaded = load_config(opts.config_file);
    if (!loaded) {
      log.message(severity::error, loaded.err().message);
      return failure_kind::usage;
    }
    config = std::move(loaded).value();
  }
  if (config.api_keys.empty())
    log.message(severity::warning, "no api_keys configured: every /v1 route answers 401");

  listen_options lopts;
  parse_listen(opts.listen, lopts);
  lopts.tls = config.tls;
  lopts.limits = config.limits;

  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  if (!opts.target.empty()) {
    // Fail at start, not on the first request, when the target cannot be opened.
    try {
      rehost::database::open(opts.target);
    } catch (const std::exception& e) {
      log.message(severity::error, "cannot open the target " +
                                       rehost::redact_target(opts.target) + ": " + e.what());
      return failure_kind::target;
    }
  }
  service svc(std::move(config), opts.target, &log);
  if (!svc.startup_error().empty()) {
    log.message(severity::error, opts.config_file + ": " + svc.startup_error());
    return failure_kind::usage;
  }
  server_handlers handlers{[&svc](const http_request& r) { return svc.handle(r); },
                           [&svc](const http_request& r) { return svc.unavailable(r); },
                           [&svc](const http_request& r) { return svc.authorize(r); }, &log};
  auto server = http_server::start(lopts, std::move(handlers));
  if (!server) {
    log.message(severity::error, server.err().message);
    return failure_kind::target;
  }
  log.message(severity::info, "listening on " + (*server)->url());

  int sig = 0;
  sigwait(&signals, &sig);
  log.message(severity::info, std::string(sig == SIGTERM ? "SIGTERM" : "SIGINT") +
                                 " received, finishing requests in flight");
  (*server)->stop(std::chrono::milliseconds(opts.drain_ms));
  log.message(severity::info, "stopped");
  return failure_kind::none;
}

}  // namespace mfb::rehost
