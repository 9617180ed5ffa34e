// Percent-decoding and query parsing for the plain request type.

#include "mfb/rehost/rest/http_types.hpp"

#include "mfb/ebcdic/hex.hpp"

namespace mfb::rehost {

std::string http_request::header(std::string_view lower_name) const {
  auto it = headers.find(std::string(lower_name));
  return it == headers.end() ? std::string() : it->second;
}

bool percent_decode(std::string_view text, bool plus_is_space, std::string& out) {
  out.clear();
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) return false;
      int hi = ebcdic::hex_digit(text[i + 1]);
      int lo = ebcdic::hex_digit(text[i + 2]);
      if (hi < 0 || lo < 0) return false;
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return true;
}

std::string percent_encode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    auto b = static_cast<unsigned char>(c);
    bool unreserved = (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') ||
                      b == '-' || b == '.' || b == '_' || b == '~';
    if (unreserved) {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(ebcdic::hex_upper[b >> 4]);
      out.push_back(ebcdic::hex_upper[b & 15]);
    }
  }
  return out;
}

bool parse_query(std::string_view query, std::vector<std::pair<std::string, std::string>>& out) {
  out.clear();
  while (!query.empty()) {
    auto amp = query.find('&');
    std::string_view part = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (part.empty()) continue;
    auto eq = part.find('=');
    std::string name, value;
    if (!percent_decode(part.substr(0, eq), true, name)) return false;
    if (eq != std::string_view::npos && !percent_decode(part.substr(eq + 1), true, value))
      return false;
    out.emplace_back(std::move(name), std::move(value));
  }
  return true;
}

}  // namespace mfb::rehost
