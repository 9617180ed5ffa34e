// A small reader of our own canonical JSON records, enough to diff two of them and to pick
// key values out. Values stay as their JSON text, so numbers keep their exact decimal form
// (a general JSON library would read 1234.50 as a binary double).

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "delta/delta_detail.hpp"

namespace mfb::bridge::detail {

namespace {

using member = std::pair<std::string_view, std::string_view>;  // key text (unquoted), value text

std::size_t skip_ws(std::string_view s, std::size_t i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t')) ++i;
  return i;
}

// Index just past the string starting at s[i] == '"'.
std::size_t skip_string(std::string_view s, std::size_t i) {
  for (++i; i < s.size(); ++i) {
    if (s[i] == '\\') ++i;
    else if (s[i] == '"') return i + 1;
  }
  return s.size();
}

// Index just past the value starting at s[i].
std::size_t skip_value(std::string_view s, std::size_t i) {
  if (i >= s.size()) return i;
  if (s[i] == '"') return skip_string(s, i);
  if (s[i] == '{' || s[i] == '[') {
    int depth = 0;
    for (; i < s.size(); ++i) {
      char c = s[i];
      if (c == '"') i = skip_string(s, i) - 1;
      else if (c == '{' || c == '[') ++depth;
      else if ((c == '}' || c == ']') && --depth == 0) return i + 1;
    }
    return s.size();
  }
  while (i < s.size() && s[i] != ',' && s[i] != '}' && s[i] != ']' && s[i] != ' ' && s[i] != '\n')
    ++i;
  return i;
}

// The members of an object, or the elements of an array (keys empty), in order.
std::vector<member> children(std::string_view s) {
  std::vector<member> out;
  bool object = s.front() == '{';
  std::size_t i = skip_ws(s, 1);
  if (i < s.size() && (s[i] == '}' || s[i] == ']')) return out;
  while (i < s.size()) {
    std::string_view key;
    if (object) {
      std::size_t end = skip_string(s, i);
      key = s.substr(i + 1, end - i - 2);
      i = skip_ws(s, end);
      i = skip_ws(s, i + 1);  // ':'
    }
    std::size_t end = skip_value(s, i);
    out.emplace_back(key, s.substr(i, end - i));
    i = skip_ws(s, end);
    if (i >= s.size() || s[i] != ',') break;
    i = skip_ws(s, i + 1);
  }
  return out;
}

bool is_container(std::string_view v, char open) { return !v.empty() && v.front() == open; }

struct differ {
  std::string& pool;
  std::vector<json_change>& changes;
  std::string path;

  void change(std::string_view o, std::string_view n) {
    changes.push_back({pool.size(), path.size(), o, n});
    pool += path;
  }

  void diff(std::string_view o, std::string_view n) {
    if (o == n) return;
    std::size_t mark = path.size();
    if (is_container(o, '{') && is_container(n, '{')) {
      auto om = children(o);
      auto nm = children(n);
      std::vector<bool> seen(om.size(), false);
      for (std::size_t j = 0; j < nm.size(); ++j) {
        // Both records come from one plan, so the same member is normally at the same place.
        std::size_t k = j < om.size() && om[j].first == nm[j].first ? j : om.size();
        for (std::size_t x = 0; k == om.size() && x < om.size(); ++x)
          if (om[x].first == nm[j].first) k = x;
        if (!path.empty()) path += '.';
        path += nm[j].first;
        if (k < om.size()) {
          seen[k] = true;
          diff(om[k].second, nm[j].second);
        } else {
          change("null", nm[j].second);
        }
        path.resize(mark);
      }
      for (std::size_t k = 0; k < om.size(); ++k) {
        if (seen[k]) continue;
        if (!path.empty()) path += '.';
        path += om[k].first;
        change(om[k].second, "null");
        path.resize(mark);
      }
      return;
    }
    if (is_container(o, '[') && is_container(n, '[')) {
      auto oe = children(o);
      auto ne = children(n);
      if (oe.size() == ne.size()) {
        for (std::size_t j = 0; j < ne.size(); ++j) {
          path += '(';
          path += std::to_string(j + 1);
          path += ')';
          diff(oe[j].second, ne[j].second);
          path.resize(mark);
        }
        return;
      }
    }
    change(o, n);
  }
};

}  // namespace

void json_diff(std::string_view old_json, std::string_view new_json, std::string& pool,
               std::vector<json_change>& changes) {
  differ d{pool, changes, {}};
  d.diff(old_json, new_json);
}

std::string_view json_find(std::string_view json, std::string_view path) {
  std::string_view value = json;
  while (!path.empty()) {
    auto dot = path.find('.');
    std::string_view name = path.substr(0, dot);
    path = dot == std::string_view::npos ? std::string_view{} : path.substr(dot + 1);
    if (!is_container(value, '{')) return "null";
    bool found = false;
    for (const auto& [key, v] : children(value)) {
      if (key == name) {
        value = v;
        found = true;
        break;
      }
    }
    if (!found) return "null";
  }
  return value;
}

}  // namespace mfb::bridge::detail
