#pragma once
// `mfbridge serve`: load the config, start the facade, run until SIGTERM or SIGINT, drain.

#include <cstdio>
#include <string>

namespace mfb::rehost {

/// What `mfbridge serve` was given; plain data.
struct serve_options {
  std::string listen = "127.0.0.1:8080";  ///< HOST:PORT; port 0 picks a free one
  std::string config_file;                 ///< YAML; empty: no keys, no TLS, default limits
  std::string target;                      ///< sqlite:FILE or postgresql://...; may be empty
  long long drain_ms = 10000;              ///< how long in-flight requests may take at stop

  /// Check the options; return "" when valid, otherwise the reason.
  std::string validate() const;
};

/// Run the server until SIGTERM/SIGINT; print `listening on URL` to `log`. Return an exit
/// code of DESIGN.md: 0 after a clean shutdown, 1 for a bad config, 4 when it cannot listen.
int run_serve(const serve_options& opts, std::FILE* log);

}  // namespace mfb::rehost
