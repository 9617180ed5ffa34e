// The JSON reader over simdjson's On-Demand API: one forward pass builds a small tree of
// nodes. simdjson validates structure, strings and UTF-8; number tokens are kept as their
// text (checked against the RFC 8259 grammar here, since On-Demand checks a number only
// when asked to convert it, and converting would lose exact decimals).

#include "mfb/bridge/codec/text/json_reader.hpp"

#include <simdjson.h>

#include <utility>

namespace mfb::bridge::text {

namespace od = simdjson::ondemand;

struct json_doc::engine {
  od::parser parser;
  od::document doc;
  std::string padded;  // the input, copied with the spare bytes simdjson reads past the end
};

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The part of simdjson's error list a reader of our messages needs, in our words.
std::string reason_for(simdjson::error_code e) {
  switch (e) {
    case simdjson::UTF8_ERROR: return "invalid UTF-8";
    case simdjson::UNCLOSED_STRING: return "unterminated string";
    case simdjson::STRING_ERROR: return "bad escape";
    case simdjson::UNESCAPED_CHARS: return "control character in string";
    case simdjson::T_ATOM_ERROR:
    case simdjson::F_ATOM_ERROR:
    case simdjson::N_ATOM_ERROR: return "invalid JSON value";
    case simdjson::NUMBER_ERROR: return "invalid number";
    case simdjson::EMPTY: return "unexpected end of JSON";
    case simdjson::DEPTH_ERROR: return "JSON nested too deeply";
    case simdjson::TRAILING_CONTENT: return "text after the JSON value";
    case simdjson::TAPE_ERROR:
    case simdjson::INCORRECT_TYPE: return "malformed JSON";
    default: return simdjson::error_message(e);
  }
}

}  // namespace

struct json_doc::builder {
  json_doc& d;
  const char* base;  // the padded copy
  std::size_t size;
  std::string why;
  const char* where = nullptr;

  bool fail(std::string reason, const char* at) {
    why = std::move(reason);
    where = at;
    return false;
  }
  bool fail(simdjson::error_code e) {
    const char* at = nullptr;
    if (d.engine_->doc.current_location().get(at) != simdjson::SUCCESS) at = base + size;
    return fail(reason_for(e), at);
  }
  std::uint32_t offset(const char* p) const { return static_cast<std::uint32_t>(p - base); }

  // Where the value just consumed ends: before the white space ahead of the next token.
  std::uint32_t end_of_consumed() {
    const char* next = nullptr;
    if (d.engine_->doc.current_location().get(next) != simdjson::SUCCESS) next = base + size;
    while (next > base && is_space(next[-1])) --next;
    return offset(next);
  }

  std::uint32_t add_child(std::uint32_t parent, std::uint32_t& prev) {
    auto child = static_cast<std::uint32_t>(d.nodes_.size());
    d.nodes_.emplace_back();
    if (prev == json_none)
      d.nodes_[parent].first = child;
    else
      d.nodes_[prev].next = child;
    prev = child;
    ++d.nodes_[parent].count;
    return child;
  }

  template <class Value>
  bool object(Value& v, std::uint32_t self, int depth) {
    d.nodes_[self].kind = json_kind::object;
    od::object obj;
    if (auto e = v.get_object().get(obj)) return fail(e);
    std::uint32_t prev = json_none;
    for (auto member : obj) {
      std::string_view key;
      if (auto e = member.unescaped_key().get(key)) return fail(e);
      od::value inner;
      if (auto e = member.value().get(inner)) return fail(e);
      std::uint32_t child = add_child(self, prev);
      d.nodes_[child].key = key;
      if (!value(inner, child, depth + 1)) return false;
    }
    d.nodes_[self].raw_end = end_of_consumed();
    return true;
  }

  template <class Value>
  bool array(Value& v, std::uint32_t self, int depth) {
    d.nodes_[self].kind = json_kind::array;
    od::array arr;
    if (auto e = v.get_array().get(arr)) return fail(e);
    std::uint32_t prev = json_none;
    for (auto element : arr) {
      od::value inner;
      if (auto e = element.get(inner)) return fail(e);
      std::uint32_t child = add_child(self, prev);
      if (!value(inner, child, depth + 1)) return false;
    }
    d.nodes_[self].raw_end = end_of_consumed();
    return true;
  }

  template <class Value>
  bool scalar(Value& v, od::json_type type, std::string_view token, json_node& n) {
    while (!token.empty() && is_space(token.back())) token.remove_suffix(1);
    n.raw_end = offset(token.data() + token.size());
    switch (type) {
      case od::json_type::string: {
        n.kind = json_kind::string;
        if (auto e = v.get_string().get(n.text)) return fail(e);
        return true;
      }
      case od::json_type::number:
        n.kind = json_kind::number;
        n.text = token;
        return is_json_number(token) || fail("invalid number", token.data());
      case od::json_type::boolean:
        n.kind = json_kind::boolean;
        if (auto e = v.get_bool().get(n.truth)) return fail(e);
        return true;
      default: {
        bool null = false;
        if (auto e = v.is_null().get(null)) return fail(e);
        return null || fail("invalid JSON value", token.data());
      }
    }
  }

  template <class Value>
  bool value(Value& v, std::uint32_t self, int depth) {
    std::string_view token;  // a document gives a result, a value the text itself
    simdjson::simdjson_result<std::string_view> raw(v.raw_json_token());
    if (auto e = std::move(raw).get(token)) return fail(e);
    d.nodes_[self].raw_begin = offset(token.data());
    od::json_type type;
    if (auto e = v.type().get(type)) return fail(e);
    if (type == od::json_type::object || type == od::json_type::array) {
      if (depth >= max_depth) return fail("JSON nested too deeply", token.data());
      return type == od::json_type::object ? object(v, self, depth) : array(v, self, depth);
    }
    return scalar(v, type, token, d.nodes_[self]);
  }
};

json_doc::json_doc() : engine_(std::make_unique<engine>()) {}
json_doc::~json_doc() = default;
json_doc::json_doc(json_doc&&) noexcept = default;
json_doc& json_doc::operator=(json_doc&&) noexcept = default;

bool json_doc::parse(std::string_view text, std::string& error) {
  nodes_.clear();
  nodes_.emplace_back();
  input_ = text;
  engine& e = *engine_;
  e.padded.reserve(text.size() + simdjson::SIMDJSON_PADDING);
  e.padded.assign(text.data(), text.size());
  builder b{*this, e.padded.data(), e.padded.size(), {}, nullptr};
  if (auto code = e.parser.iterate(e.padded.data(), e.padded.size(), e.padded.capacity()).get(e.doc)) {
    // Found while indexing the whole text, before any position is known.
    error = reason_for(code);
    return false;
  }
  bool ok = b.value(e.doc, 0, 0);
  const char* after = nullptr;  // a token after the value (none: OUT_OF_BOUNDS)
  if (ok && e.doc.current_location().get(after) == simdjson::SUCCESS)
    ok = b.fail("text after the JSON value", after);
  if (!ok) error = b.why + " at column " + std::to_string(b.offset(b.where) + 1);
  return ok;
}

std::uint32_t json_doc::member(std::uint32_t object, std::string_view key) const noexcept {
  for (std::uint32_t m = nodes_[object].first; m != json_none; m = nodes_[m].next)
    if (nodes_[m].key == key) return m;
  return json_none;
}

bool is_json_number(std::string_view s) noexcept {
  std::size_t pos = 0;
  auto digits = [&] {
    std::size_t from = pos;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
    return pos - from;
  };
  if (pos < s.size() && s[pos] == '-') ++pos;
  std::size_t int_start = pos;
  std::size_t n = digits();
  if (n == 0 || (n > 1 && s[int_start] == '0')) return false;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    if (digits() == 0) return false;
  }
  if (pos < s.size() && (s[pos] == 'e' || s[pos] == 'E')) {
    ++pos;
    if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) ++pos;
    if (digits() == 0) return false;
  }
  return pos == s.size();
}

std::string json_excerpt(const json_doc& doc, std::uint32_t index, std::size_t limit) {
  const json_node& n = doc.node(index);
  std::string s;
  switch (n.kind) {
    case json_kind::null: s = "null"; break;
    case json_kind::boolean: s = n.truth ? "true" : "false"; break;
    case json_kind::number: s = std::string(n.text); break;
    case json_kind::string: {
      s = '"';
      for (char c : n.text) {
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

}  // namespace mfb::bridge::text
