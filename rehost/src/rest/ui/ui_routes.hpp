#pragma once
// GET /ui, /ui/ and /ui/{file}: the web inspector's pages and scripts, served without a key
// (they hold no data: the page asks for a key and sends it on its own API calls) and with
// headers that keep the browser strict: a CSP that allows only the server's own scripts and
// styles (no inline script, no eval), nosniff, no framing, no referrer.

#include "rest/router.hpp"

namespace mfb::rehost::detail {

/// Add the /ui routes to `r`.
void add_ui_routes(router& r);

/// The Content-Security-Policy the pages are served with.
extern const char* const ui_content_security_policy;

}  // namespace mfb::rehost::detail
