#pragma once
// The bytes of a response's status line and header fields. A field whose name is not an
// RFC 9110 token, or whose value holds a control character (CR, LF, NUL, ...), is never
// written: handlers percent-encode user data that goes into a header (Location), and this
// is the last guard against response splitting should one forget.

#include <string>
#include <vector>

#include "mfb/rehost/rest/http_types.hpp"

namespace mfb::rehost::detail {

/// Return the status line and header fields of `r`, ending with the empty line; with `close`,
/// "Connection: close" unless the handler set Connection. The names of the fields left out
/// go to `dropped`.
std::string response_head(const http_response& r, bool close, std::vector<std::string>& dropped);

/// The handler asked to close the connection (a "Connection: close" field).
bool asks_to_close(const http_response& r);

/// The status has no body by definition (1xx, 204, 304).
bool bodiless_status(int status) noexcept;

}  // namespace mfb::rehost::detail
