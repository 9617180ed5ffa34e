// `mfbridge serve`: the REST facade. Only option parsing lives here; the work is
// mfb::rehost::run_serve.

#include <cstdio>
#include <memory>

#include "commands.hpp"
#include "mfb/rehost/rest/serve.hpp"

namespace mfb::cli {

void add_serve_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand(
      "serve", "Serve datasets and EBCDIC transforms over HTTP (REST, OpenAPI 3, API keys)");
  auto o = std::make_shared<rehost::serve_options>();
  cmd->add_option("--listen", o->listen,
                  "HOST:PORT to listen on; port 0 picks a free port (printed as 'listening on URL')")
      ->capture_default_str();
  cmd->add_option("--config", o->config_file,
                  "YAML config: api_keys [{name, sha256, scopes}], tls {certificate, "
                  "private_key}, limits {max_body_bytes, max_page_size, max_header_bytes, "
                  "max_header_count, max_connections, request_timeout_seconds, idle_timeout_seconds}");
  cmd->add_option("--target", o->target, "Database: sqlite:FILE or postgresql://...");
  cmd->add_option("--drain-ms", o->drain_ms,
                  "On SIGTERM, how long requests in flight may take to finish")
      ->capture_default_str();
  cmd->callback([o, &exit_code] {
    // Serving threads share this reporter: each message is one fprintf, which stdio locks.
    file_reporter log("serve", stderr);
    exit_code = exit_code_of(rehost::run_serve(*o, log));
  });
}

namespace {
const command_registration registered{80, add_serve_command};
}  // namespace

}  // namespace mfb::cli
