// problem+json answers (RFC 7807). The `type` is a URN per kind of problem, so clients can
// branch on it without parsing the title.

#include "mfb/rehost/rest/problem.hpp"

#include <cctype>

#include <nlohmann/json.hpp>

namespace mfb::rehost {

std::string_view status_title(int status) {
  switch (status) {
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 409: return "Conflict";
    case 413: return "Payload Too Large";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Entity";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Error";
  }
}

namespace {
std::string type_slug(int status) {
  std::string slug;
  for (char c : status_title(status)) slug.push_back(c == ' ' ? '-' : static_cast<char>(std::tolower(c)));
  return "urn:mfbridge:problem:" + slug;
}
}  // namespace

std::string shorten(std::string_view value, std::size_t max) {
  if (value.size() <= max) return std::string(value);
  std::size_t cut = max;
  // Do not split a UTF-8 sequence: back up to a lead byte.
  while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;
  return std::string(value.substr(0, cut)) + "...";
}

http_response make_problem(int status, std::string_view detail,
                           const std::vector<problem_field>& errors) {
  nlohmann::json j;
  j["type"] = type_slug(status);
  j["title"] = status_title(status);
  j["status"] = status;
  j["detail"] = detail;
  if (!errors.empty()) {
    auto& list = j["errors"] = nlohmann::json::array();
    for (const auto& e : errors)
      list.push_back({{"field", e.field}, {"reason", e.reason}, {"value", e.value}});
  }
  http_response r;
  r.status = status;
  r.content_type = "application/problem+json";
  // Invalid UTF-8 from a client (echoed in `value`) is replaced, never a throw.
  r.body = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

}  // namespace mfb::rehost
