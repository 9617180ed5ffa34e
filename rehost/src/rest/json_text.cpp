// Member cutting and number quoting over the one JSON reader (bridge codec/text), and base64.

#include "rest/json_text.hpp"

#include "mfb/bridge/codec/text/json_reader.hpp"

namespace mfb::rehost::detail {

namespace {

using bridge::text::json_doc;
using bridge::text::json_kind;
using bridge::text::json_none;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The body parsed by the one JSON reader; the parser is kept from call to call.
const json_doc* parsed(std::string_view json) {
  thread_local json_doc doc;
  std::string why;
  return doc.parse(json, why) ? &doc : nullptr;
}

bool is_object(const json_doc* doc) {
  return doc != nullptr && doc->node(doc->root()).kind == json_kind::object;
}

// Index of the first character at or after `i` that is not white space.
std::size_t skip_space(std::string_view json, std::size_t i) {
  while (i < json.size() && is_space(json[i])) ++i;
  return i;
}

}  // namespace

std::optional<std::string_view> raw_member(std::string_view json, std::string_view key) {
  const json_doc* doc = parsed(json);
  if (!is_object(doc)) return std::nullopt;
  std::uint32_t m = doc->member(doc->root(), key);
  if (m == json_none) return std::nullopt;
  return doc->raw(doc->node(m));
}

std::string without_member(std::string_view json, std::string_view key) {
  const json_doc* doc = parsed(json);
  if (!is_object(doc)) return std::string(json);
  std::uint32_t prev = json_none;
  for (std::uint32_t m = doc->node(doc->root()).first; m != json_none;
       prev = m, m = doc->node(m).next) {
    if (doc->node(m).key != key) continue;
    // The member starts at its name, after the object's '{' or the comma before it.
    std::size_t before = prev == json_none ? json.find('{', doc->node(doc->root()).raw_begin)
                                           : json.find(',', doc->node(prev).raw_end);
    std::size_t start = skip_space(json, before + 1);
    std::size_t end = doc->node(m).raw_end;
    // Cut the member with one of its commas: the one after it, or, when last, the one before.
    if (doc->node(m).next != json_none)
      return std::string(json.substr(0, start)) + std::string(json.substr(json.find(',', end) + 1));
    if (prev != json_none) return std::string(json.substr(0, before)) + std::string(json.substr(end));
    return std::string(json.substr(0, start)) + std::string(json.substr(end));
  }
  return std::string(json);
}

std::string numbers_as_strings(std::string_view json) {
  const json_doc* doc = parsed(json);
  if (doc == nullptr) return std::string(json);
  std::string out;
  out.reserve(json.size() + 64);
  std::size_t copied = 0;
  // Nodes are numbered in the order their text appears.
  for (std::uint32_t i = 0; i < doc->size(); ++i) {
    const auto& n = doc->node(i);
    if (n.kind != json_kind::number) continue;
    out.append(json.substr(copied, n.raw_begin - copied));
    out.push_back('"');
    out.append(doc->raw(n));
    out.push_back('"');
    copied = n.raw_end;
  }
  out.append(json.substr(copied));
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
