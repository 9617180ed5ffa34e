// Serialising a response's head, with the header-injection guard.

#include "rest/response_head.hpp"

#include <cctype>
#include <ostream>  // Beast 1.74's status.ipp prints a string_view without including it
#include <string_view>

#include <boost/beast/core/string.hpp>  // iequals: ASCII case-insensitive, as HTTP wants
#include <boost/beast/http/status.hpp>

namespace mfb::rehost::detail {

namespace {

// tchar of RFC 9110 5.6.2.
bool token(std::string_view s) {
  if (s.empty()) return false;
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    bool ok = std::isalnum(c) != 0 || std::string_view("!#$%&'*+-.^_`|~").find(ch) != std::string_view::npos;
    if (!ok) return false;
  }
  return true;
}

// field-value of RFC 9110 5.5: visible characters, space and tab, obs-text; no CR, LF, NUL.
bool field_value(std::string_view s) {
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if ((c < 0x20 && c != '\t') || c == 0x7f) return false;
  }
  return true;
}


void add_field(std::string& out, std::string_view name, std::string_view value,
               std::vector<std::string>& dropped) {
  if (!token(name) || !field_value(value)) {
    dropped.emplace_back(name);
    return;
  }
  out.append(name).append(": ").append(value).append("\r\n");
}

}  // namespace

bool bodiless_status(int status) noexcept { return status / 100 == 1 || status == 204 || status == 304; }

bool asks_to_close(const http_response& r) {
  for (const auto& [name, value] : r.headers)
    if (boost::beast::iequals(name, "connection") && boost::beast::iequals(value, "close")) return true;
  return false;
}

std::string response_head(const http_response& r, bool close, std::vector<std::string>& dropped) {
  std::string out;
  out.reserve(160 + r.headers.size() * 40);
  auto reason = boost::beast::http::obsolete_reason(boost::beast::http::int_to_status(static_cast<unsigned>(r.status)));
  out.append("HTTP/1.1 ").append(std::to_string(r.status)).append(" ").append(reason.data(), reason.size()).append("\r\n");
  if (!r.content_type.empty()) add_field(out, "Content-Type", r.content_type, dropped);
  if (!bodiless_status(r.status)) out.append("Content-Length: ").append(std::to_string(r.body.size())).append("\r\n");
  bool has_connection = false;
  for (const auto& [name, value] : r.headers) {
    has_connection = has_connection || boost::beast::iequals(name, "connection");
    add_field(out, name, value, dropped);
  }
  if (close && !has_connection) out.append("Connection: close\r\n");
  out.append("\r\n");
  return out;
}

}  // namespace mfb::rehost::detail
