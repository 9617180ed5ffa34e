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

int run_serve(const serve_options& opts, std::FILE* log) {
  if (auto why = opts.validate(); !why.empty()) {
    std::fprintf(log, "mfbridge serve: %s\n", why.c_str());
    return 1;
  }
  server_config config = server_config::defaults();
  if (!opts.config_file.empty()) {
    auto loaded = load_config(opts.config_file);
    if (!loaded) {
      std::fprintf(log, "mfbridge serve: %s\n", loaded.err().message.c_str());
      return 1;
    }
    config = std::move(loaded).value();
  }
  if (config.api_keys.empty())
    std::fprintf(log, "mfbridge serve: no api_keys configured: every /v1 route answers 401\n");

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
      std::fprintf(log, "mfbridge serve: cannot open the target %s: %s\n",
                   rehost::redact_target(opts.target).c_str(), e.what());
      return 4;
    }
  }
  service svc(std::move(config), opts.target);
  server_handlers handlers{[&svc](const http_request& r) { return svc.handle(r); },
                           [&svc](const http_request& r) { return svc.unavailable(r); },
                           [&svc](const http_request& r) { return svc.authorize(r); }};
  auto server = http_server::start(lopts, std::move(handlers));
  if (!server) {
    std::fprintf(log, "mfbridge serve: %s\n", server.err().message.c_str());
    return 4;
  }
  std::fprintf(log, "mfbridge serve: listening on %s\n", (*server)->url().c_str());
  std::fflush(log);

  int sig = 0;
  sigwait(&signals, &sig);
  std::fprintf(log, "mfbridge serve: %s received, finishing requests in flight\n",
               sig == SIGTERM ? "SIGTERM" : "SIGINT");
  std::fflush(log);
  (*server)->stop(std::chrono::milliseconds(opts.drain_ms));
  std::fprintf(log, "mfbridge serve: stopped\n");
  return 0;
}

}  // namespace mfb::rehost
