// JSON request bodies: typed member access with collected errors.

#include "rest/body_reader.hpp"

#include <algorithm>

namespace mfb::rehost::detail {

namespace {
std::string type_name(const nlohmann::json& v) { return v.type_name(); }
}  // namespace

std::optional<std::string> body_reader::string(const char* name, bool required) {
  auto it = body_.find(name);
  if (it == body_.end()) {
    if (required) errors_.push_back({name, "is required", ""});
    return std::nullopt;
  }
  if (!it->is_string()) {
    errors_.push_back({name, "must be a string, not " + type_name(*it), shorten(it->dump())});
    return std::nullopt;
  }
  return it->get<std::string>();
}

bool body_reader::boolean(const char* name, bool fallback) {
  auto it = body_.find(name);
  if (it == body_.end()) return fallback;
  if (!it->is_boolean()) {
    errors_.push_back({name, "must be true or false, not " + type_name(*it), shorten(it->dump())});
    return fallback;
  }
  return it->get<bool>();
}

std::vector<std::string> body_reader::strings(const char* name) {
  std::vector<std::string> out;
  auto it = body_.find(name);
  if (it == body_.end()) return out;
  if (!it->is_array()) {
    errors_.push_back({name, "must be an array of strings", shorten(it->dump())});
    return out;
  }
  for (std::size_t i = 0; i < it->size(); ++i) {
    const auto& v = (*it)[i];
    if (!v.is_string()) {
      errors_.push_back({std::string(name) + "[" + std::to_string(i) + "]", "must be a string",
                         shorten(v.dump())});
      continue;
    }
    out.push_back(v.get<std::string>());
  }
  return out;
}

void body_reader::reject_unknown(std::initializer_list<const char*> allowed) {
  for (const auto& [k, v] : body_.items()) {
    bool known = false;
    for (const char* a : allowed) known = known || k == a;
    if (!known) errors_.push_back({k, "unknown member", ""});
  }
}

namespace {
// Deepest nesting of [ and { outside strings: bodies nest a few levels, and a hostile
// "[[[[..." must not reach recursive code (dump, the encoder's walk).
std::size_t nesting(const std::string& text) {
  std::size_t depth = 0, deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == '}' || c == ']') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}
}  // namespace

bool parse_json_object(const std::string& text, nlohmann::json& out, http_response& problem) {
  constexpr std::size_t max_depth = 64;
  if (nesting(text) > max_depth) {
    problem = make_problem(400, "the request body nests too deeply",
                           {{"body", "more than " + std::to_string(max_depth) + " levels of nesting", ""}});
    return false;
  }
  try {
    out = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    // e.byte is where the parser stopped; the library's own message is not shown.
    problem = make_problem(400, "the request body is not valid JSON",
                           {{"body", "syntax error at byte " + std::to_string(e.byte), ""}});
    return false;
  }
  if (!out.is_object()) {
    problem = make_problem(400, "the request body must be a JSON object",
                           {{"body", "is " + std::string(out.type_name()), ""}});
    return false;
  }
  return true;
}

}  // namespace mfb::rehost::detail
