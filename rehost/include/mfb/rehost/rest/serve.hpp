#pragma once
// `mfbridge serve`: load the config, start the facade, run until SIGTERM or SIGINT, drain.

#include <string>

#include "mfb/bridge/io/outcome.hpp"

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

/// Run the server until SIGTERM/SIGINT; report `listening on URL` and every later event to
/// `log`, which the serving threads share (it must be thread-safe). Return none after a
/// clean shutdown, usage for bad options or config, target when the target cannot be
/// opened or the address cannot be listened on.
bridge::failure_kind run_serve(const serve_options& opts, bridge::reporter& log);

}  // namespace mfb::rehost
