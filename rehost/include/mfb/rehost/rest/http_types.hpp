#pragma once
// The facade's own request and response: plain data, so routing, auth, validation and the
// handlers are testable without a socket. Only the transport (src/http_adapter.cpp,
// src/request_reader.*, src/response_head.*) turns bytes on the wire into these and back.

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mfb::rehost {

/// One HTTP request as the handlers see it.
struct http_request {
  std::string method;                          ///< "GET", "POST", ...
  std::string path;                            ///< raw (still percent-encoded) path, no query
  std::string query;                           ///< raw query string, without '?'
  std::map<std::string, std::string> headers;  ///< names lower-cased
  std::string body;
  bool body_too_large = false;  ///< the adapter stopped reading past the body limit

  /// Return the header `lower_name` (lower-case), or "" when absent.
  std::string header(std::string_view lower_name) const;
};

/// One HTTP response.
struct http_response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  ///< extra headers
};

/// Decode %XX escapes (and '+' as space when `plus_is_space`); nullopt-like false on a bad
/// escape. The decoded text goes to `out`.
bool percent_decode(std::string_view text, bool plus_is_space, std::string& out);

/// Percent-encode every byte of `text` outside RFC 3986's unreserved set (A-Z a-z 0-9 - . _ ~),
/// so the result is safe as one path segment and in a response header: no '/', ',', space,
/// CR or LF survives. percent_decode gives `text` back.
std::string percent_encode(std::string_view text);

/// Split a raw query string into decoded name/value pairs; false on a bad escape.
bool parse_query(std::string_view query, std::vector<std::pair<std::string, std::string>>& out);

}  // namespace mfb::rehost
