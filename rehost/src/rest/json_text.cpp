// Text-level JSON scanning over already validated JSON, and base64.

#include "rest/json_text.hpp"

namespace mfb::rehost::detail {

namespace {

// Skip a string starting at json[i] == '"'; return the index after its closing quote.
std::size_t skip_string(std::string_view json, std::size_t i) {
  for (++i; i < json.size(); ++i) {
    if (json[i] == '\\') {
      ++i;
    } else if (json[i] == '"') {
      return i + 1;
    }
  }
  return json.size();
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Skip one value starting at json[i]; return the index after it.
std::size_t skip_value(std::string_view json, std::size_t i) {
  if (i >= json.size()) return i;
  if (json[i] == '"') return skip_string(json, i);
  if (json[i] == '{' || json[i] == '[') {
    int depth = 0;
    while (i < json.size()) {
      char c = json[i];
      if (c == '"') {
        i = skip_string(json, i);
        continue;
      }
      if (c == '{' || c == '[') ++depth;
      if (c == '}' || c == ']') {
        if (--depth == 0) return i + 1;
      }
      ++i;
    }
    return i;
  }
  while (i < json.size() && json[i] != ',' && json[i] != '}' && json[i] != ']' && !is_space(json[i]))
    ++i;
  return i;
}

std::size_t skip_space(std::string_view json, std::size_t i) {
  while (i < json.size() && is_space(json[i])) ++i;
  return i;
}

}  // namespace

std::optional<std::string_view> raw_member(std::string_view json, std::string_view key) {
  std::size_t i = skip_space(json, 0);
  if (i >= json.size() || json[i] != '{') return std::nullopt;
  ++i;
  while (true) {
    i = skip_space(json, i);
    if (i >= json.size() || json[i] != '"') return std::nullopt;
    std::size_t end = skip_string(json, i);
    // Keys with escapes never equal our plain member names, so compare the raw text.
    std::string_view name = json.substr(i + 1, end - i - 2);
    i = skip_space(json, end);
    if (i >= json.size() || json[i] != ':') return std::nullopt;
    i = skip_space(json, i + 1);
    std::size_t vend = skip_value(json, i);
    if (name == key) return json.substr(i, vend - i);
    i = skip_space(json, vend);
    if (i >= json.size() || json[i] != ',') return std::nullopt;
    ++i;
  }
}

std::string without_member(std::string_view json, std::string_view key) {
  std::size_t i = skip_space(json, 0);
  if (i >= json.size() || json[i] != '{') return std::string(json);
  std::size_t prev_comma = std::string_view::npos;
  ++i;
  while (true) {
    i = skip_space(json, i);
    if (i >= json.size() || json[i] != '"') return std::string(json);
    std::size_t start = i;
    std::size_t end = skip_string(json, i);
    std::string_view name = json.substr(i + 1, end - i - 2);
    i = skip_space(json, end);
    if (i >= json.size() || json[i] != ':') return std::string(json);
    std::size_t vend = skip_value(json, skip_space(json, i + 1));
    std::size_t next = skip_space(json, vend);
    bool more = next < json.size() && json[next] == ',';
    if (name == key) {
      // Cut the member with one of its commas: the one after it, or, when last, the one before.
      if (more) return std::string(json.substr(0, start)) + std::string(json.substr(next + 1));
      if (prev_comma != std::string_view::npos)
        return std::string(json.substr(0, prev_comma)) + std::string(json.substr(vend));
      return std::string(json.substr(0, start)) + std::string(json.substr(vend));
    }
    if (!more) return std::string(json);
    prev_comma = next;
    i = next + 1;
  }
}

std::string numbers_as_strings(std::string_view json) {
  std::string out;
  out.reserve(json.size() + 64);
  std::size_t i = 0;
  while (i < json.size()) {
    char c = json[i];
    if (c == '"') {
      std::size_t end = skip_string(json, i);
      out.append(json.substr(i, end - i));
      i = end;
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      std::size_t end = i;
      while (end < json.size() && (json[end] == '-' || json[end] == '+' || json[end] == '.' ||
                                   json[end] == 'e' || json[end] == 'E' ||
                                   (json[end] >= '0' && json[end] <= '9')))
        ++end;
      out.push_back('"');
      out.append(json.substr(i, end - i));
      out.push_back('"');
      i = end;
    } else {
      out.push_back(c);
      ++i;
    }
  }
  return out;
}

namespace {
constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int symbol_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}
}  // namespace

std::string base64_encode(const std::uint8_t* data, std::size_t size) {
  std::string out;
  out.reserve((size + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < size; i += 3) {
    unsigned v = unsigned{data[i]} << 16 | unsigned{data[i + 1]} << 8 | data[i + 2];
    out.push_back(alphabet[v >> 18]);
    out.push_back(alphabet[(v >> 12) & 63]);
    out.push_back(alphabet[(v >> 6) & 63]);
    out.push_back(alphabet[v & 63]);
  }
  if (size - i == 1) {
    unsigned v = unsigned{data[i]} << 16;
    out.push_back(alphabet[v >> 18]);
    out.push_back(alphabet[(v >> 12) & 63]);
    out += "==";
  } else if (size - i == 2) {
    unsigned v = unsigned{data[i]} << 16 | unsigned{data[i + 1]} << 8;
    out.push_back(alphabet[v >> 18]);
    out.push_back(alphabet[(v >> 12) & 63]);
    out.push_back(alphabet[(v >> 6) & 63]);
    out.push_back('=');
  }
  return out;
}

bool base64_decode(std::string_view text, std::vector<std::uint8_t>& out) {
  out.clear();
  unsigned acc = 0;
  int bits = 0;
  std::size_t symbols = 0, pad = 0;
  for (char c : text) {
    if (is_space(c)) continue;
    if (c == '=') {
      ++pad;
      continue;
    }
    if (pad > 0) return false;  // data after padding
    int v = symbol_value(c);
    if (v < 0) return false;
    ++symbols;
    acc = (acc << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<std::uint8_t>((acc >> bits) & 0xFF));
    }
  }
  if (symbols % 4 == 1 || pad > 2) return false;
  if (pad > 0 && (symbols + pad) % 4 != 0) return false;
  // Leftover bits must be zero (canonical encoding).
  return (acc & ((1u << bits) - 1)) == 0;
}

}  // namespace mfb::rehost::detail
