// Record ETags and the If-Match list.

#include "rest/etag.hpp"

#include "mfb/rehost/rest/auth.hpp"

namespace mfb::rehost::detail {

std::string record_etag(std::string_view record_json) {
  return '"' + to_hex(sha256(record_json)) + '"';
}

namespace {

bool is_space(char c) { return c == ' ' || c == '\t'; }

}  // namespace

bool if_match_allows(std::string_view header, const std::optional<std::string>& current) {
  std::size_t i = 0;
  while (i < header.size()) {
    while (i < header.size() && (is_space(header[i]) || header[i] == ',')) ++i;
    if (i == header.size()) break;
    if (header[i] == '*') {
      if (current) return true;
      ++i;
      continue;
    }
    bool weak = header.compare(i, 2, "W/") == 0;
    if (weak) i += 2;
    if (i >= header.size() || header[i] != '"') return false;  // malformed: matches nothing
    std::size_t end = header.find('"', i + 1);
    if (end == std::string_view::npos) return false;
    std::string_view tag = header.substr(i, end - i + 1);
    if (!weak && current && tag == *current) return true;
    i = end + 1;
  }
  return false;
}

}  // namespace mfb::rehost::detail
