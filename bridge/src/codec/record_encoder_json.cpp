// The encoder's exact JSON reader: a recursive-descent parser (RFC 8259) that keeps number
// text as written, so "1234.50" reaches the packed encoder as 123450 scale 2, never a double.

#include "codec/record_encoder_json.hpp"

namespace mfb::bridge::detail {

namespace {
constexpr int max_depth = 64;
}

struct json_doc::cursor {
  json_doc& doc;
  std::string_view s;
  std::size_t pos = 0;
  std::string error;

  bool fail(const std::string& why) {
    if (error.empty()) error = why + " at column " + std::to_string(pos + 1);
    return false;
  }
  void ws() {
    while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t' || s[pos] == '\n' || s[pos] == '\r'))
      ++pos;
  }
  bool literal(std::string_view word) {
    if (s.substr(pos, word.size()) != word) return fail("invalid JSON value");
    pos += word.size();
    return true;
  }
  static int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }
  bool hex4(std::uint32_t& v) {
    if (pos + 4 > s.size()) return fail("truncated \\u escape");
    v = 0;
    for (int i = 0; i < 4; ++i) {
      int h = hex(s[pos++]);
      if (h < 0) return fail("bad \\u escape");
      v = v << 4 | static_cast<std::uint32_t>(h);
    }
    return true;
  }
  void put_utf8(std::uint32_t cp) {
    std::string& o = doc.pool_;
    if (cp < 0x80) {
      o += static_cast<char>(cp);
    } else if (cp < 0x800) {
      o += static_cast<char>(0xC0 | (cp >> 6));
      o += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      o += static_cast<char>(0xE0 | (cp >> 12));
      o += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      o += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      o += static_cast<char>(0xF0 | (cp >> 18));
      o += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      o += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      o += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  // Read a string at pos (on the quote) into the pool; return its begin/length.
  bool string(std::uint32_t& begin, std::uint32_t& length) {
    ++pos;
    begin = static_cast<std::uint32_t>(doc.pool_.size());
    while (true) {
      std::size_t run = pos;
      while (pos < s.size() && s[pos] != '"' && s[pos] != '\\' &&
             static_cast<unsigned char>(s[pos]) >= 0x20)
        ++pos;
      doc.pool_.append(s.data() + run, pos - run);
      if (pos >= s.size()) return fail("unterminated string");
      char c = s[pos];
      if (c == '"') break;
      if (c != '\\') return fail("control character in string");
      if (++pos >= s.size()) return fail("unterminated string");
      char e = s[pos++];
      switch (e) {
        case '"': doc.pool_ += '"'; break;
        case '\\': doc.pool_ += '\\'; break;
        case '/': doc.pool_ += '/'; break;
        case 'b': doc.pool_ += '\b'; break;
        case 'f': doc.pool_ += '\f'; break;
        case 'n': doc.pool_ += '\n'; break;
        case 'r': doc.pool_ += '\r'; break;
        case 't': doc.pool_ += '\t'; break;
        case 'u': {
          std::uint32_t cp = 0;
          if (!hex4(cp)) return false;
          if (cp >= 0xD800 && cp < 0xDC00) {
            std::uint32_t lo = 0;
            if (s.substr(pos, 2) != "\\u") return fail("lone surrogate in \\u escape");
            pos += 2;
            if (!hex4(lo)) return false;
            if (lo < 0xDC00 || lo > 0xDFFF) return fail("lone surrogate in \\u escape");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return fail("lone surrogate in \\u escape");
          }
          put_utf8(cp);
          break;
        }
        default:
          return fail("bad escape");
      }
    }
    ++pos;
    length = static_cast<std::uint32_t>(doc.pool_.size() - begin);
    return true;
  }
  bool number(json_node& n) {
    std::size_t start = pos;
    if (pos < s.size() && s[pos] == '-') ++pos;
    auto digits = [&] {
      std::size_t b = pos;
      while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
      return pos - b;
    };
    std::size_t int_start = pos;
    std::size_t nd = digits();
    if (nd == 0) return fail("invalid number");
    if (nd > 1 && s[int_start] == '0') return fail("leading zero in number");
    if (pos < s.size() && s[pos] == '.') {
      ++pos;
      if (digits() == 0) return fail("invalid number");
    }
    if (pos < s.size() && (s[pos] == 'e' || s[pos] == 'E')) {
      ++pos;
      if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) ++pos;
      if (digits() == 0) return fail("invalid number");
    }
    n.kind = json_kind::number;
    n.text_begin = static_cast<std::uint32_t>(doc.pool_.size());
    n.text_length = static_cast<std::uint32_t>(pos - start);
    doc.pool_.append(s.data() + start, pos - start);
    return true;
  }

  // Parse a value into node `self` (already allocated).
  bool value(std::uint32_t self, int depth) {
    ws();
    if (pos >= s.size()) return fail("unexpected end of JSON");
    doc.nodes_[self].where = pos;
    char c = s[pos];
    if (c == '{' || c == '[') {
      if (depth >= max_depth) return fail("JSON nested too deeply");
      bool obj = c == '{';
      doc.nodes_[self].kind = obj ? json_kind::object : json_kind::array;
      ++pos;
      ws();
      char close = obj ? '}' : ']';
      if (pos < s.size() && s[pos] == close) {
        ++pos;
        return true;
      }
      std::uint32_t prev = json_none;
      while (true) {
        ws();
        std::uint32_t kb = 0, kl = 0;
        if (obj) {
          if (pos >= s.size() || s[pos] != '"') return fail("expected a member name");
          if (!string(kb, kl)) return false;
          ws();
          if (pos >= s.size() || s[pos] != ':') return fail("expected ':'");
          ++pos;
        }
        auto child = static_cast<std::uint32_t>(doc.nodes_.size());
        doc.nodes_.emplace_back();
        doc.nodes_[child].key_begin = kb;
        doc.nodes_[child].key_length = kl;
        if (!value(child, depth + 1)) return false;
        if (prev == json_none)
          doc.nodes_[self].first = child;
        else
          doc.nodes_[prev].next = child;
        prev = child;
        ++doc.nodes_[self].count;
        ws();
        if (pos < s.size() && s[pos] == ',') {
          ++pos;
          continue;
        }
        if (pos < s.size() && s[pos] == close) {
          ++pos;
          return true;
        }
        return fail(obj ? "expected ',' or '}'" : "expected ',' or ']'");
      }
    }
    json_node& n = doc.nodes_[self];
    if (c == '"') {
      n.kind = json_kind::string;
      std::uint32_t b = 0, l = 0;
      if (!string(b, l)) return false;
      doc.nodes_[self].text_begin = b;
      doc.nodes_[self].text_length = l;
      return true;
    }
    if (c == 't') {
      n.kind = json_kind::boolean;
      n.truth = true;
      return literal("true");
    }
    if (c == 'f') {
      n.kind = json_kind::boolean;
      return literal("false");
    }
    if (c == 'n') {
      n.kind = json_kind::null;
      return literal("null");
    }
    return number(n);
  }
};

bool json_doc::parse(std::string_view text, std::string& error) {
  nodes_.clear();
  pool_.clear();
  nodes_.emplace_back();
  cursor c{*this, text, 0, {}};
  bool ok = c.value(0, 0);
  if (ok) {
    c.ws();
    if (c.pos != text.size()) ok = c.fail("text after the JSON value");
  }
  if (!ok) error = c.error;
  return ok;
}

std::string json_excerpt(const json_doc& doc, std::uint32_t index, std::size_t limit) {
  const json_node& n = doc.node(index);
  std::string s;
  switch (n.kind) {
    case json_kind::null: s = "null"; break;
    case json_kind::boolean: s = n.truth ? "true" : "false"; break;
    case json_kind::number: s = std::string(doc.text(n)); break;
    case json_kind::string: {
      s = '"';
      for (char c : doc.text(n)) {
        if (c == '"' || c == '\\') s += '\\';
        if (static_cast<unsigned char>(c) < 0x20) {
          s += ' ';
          continue;
        }
        s += c;
      }
      s += '"';
      break;
    }
    case json_kind::array: s = "[" + std::to_string(n.count) + " elements]"; break;
    case json_kind::object: s = "{" + std::to_string(n.count) + " members}"; break;
  }
  if (s.size() > limit) s = s.substr(0, limit) + "...";
  return s;
}

}  // namespace mfb::bridge::detail
