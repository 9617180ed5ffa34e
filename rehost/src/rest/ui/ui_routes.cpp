// Serving the embedded inspector files.

#include "rest/ui/ui_routes.hpp"

#include "mfb/rehost/rest/problem.hpp"
#include "rest/ui/ui_assets.hpp"

namespace mfb::rehost::detail {

const char* const ui_content_security_policy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'";

namespace {

const char* content_type_of(std::string_view name) {
  auto ends = [&](std::string_view ext) {
    return name.size() >= ext.size() && name.substr(name.size() - ext.size()) == ext;
  };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".js")) return "text/javascript; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".png")) return "image/png";
  return "application/octet-stream";
}

void harden(http_response& r) {
  r.headers.emplace_back("Content-Security-Policy", ui_content_security_policy);
  r.headers.emplace_back("X-Content-Type-Options", "nosniff");
  r.headers.emplace_back("X-Frame-Options", "DENY");
  r.headers.emplace_back("Referrer-Policy", "no-referrer");
  r.headers.emplace_back("Cache-Control", "no-cache");
}

http_response serve_file(std::string_view name) {
  for (const auto& a : ui_assets()) {
    if (a.name != name) continue;
    http_response r;
    r.content_type = content_type_of(name);
    r.body = std::string(a.bytes);
    harden(r);
    return r;
  }
  auto r = make_problem(404, "no such file");
  harden(r);
  return r;
}

route public_get(const char* pattern, handler_fn fn) {
  route rt;
  rt.method = "GET";
  rt.pattern = pattern;
  rt.handler = std::move(fn);
  rt.is_public = true;
  return rt;
}

}  // namespace

void add_ui_routes(router& r) {
  r.add(public_get("/ui", [](request_context&) {
    http_response moved;
    moved.status = 308;
    moved.content_type = "text/plain; charset=utf-8";
    moved.body = "/ui/\n";
    moved.headers.emplace_back("Location", "/ui/");
    return moved;
  }));
  r.add(public_get("/ui/", [](request_context&) { return serve_file("index.html"); }));
  r.add(public_get("/ui/{file}", [](request_context& ctx) { return serve_file(ctx.params["file"]); }));
}

}  // namespace mfb::rehost::detail
