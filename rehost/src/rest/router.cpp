// Route matching over path segments.

#include "rest/router.hpp"

namespace mfb::rehost::detail {

const std::string* request_context::query_value(std::string_view name) const {
  for (const auto& [k, v] : query)
    if (k == name) return &v;
  return nullptr;
}

void router::add(route r) { routes_.push_back(std::move(r)); }

namespace {
// Split "/a/b/c" into raw segments; false for a path not starting with '/'.
bool split(std::string_view path, std::vector<std::string_view>& out) {
  out.clear();
  if (path.empty() || path.front() != '/') return false;
  path.remove_prefix(1);
  while (true) {
    auto slash = path.find('/');
    out.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) return true;
    path.remove_prefix(slash + 1);
  }
}
}  // namespace

route_match router::find(std::string_view method, std::string_view path) const {
  route_match m;
  std::vector<std::string_view> segs, pat;
  if (!split(path, segs)) return m;
  std::vector<std::string> decoded(segs.size());
  for (std::size_t i = 0; i < segs.size(); ++i) {
    if (!percent_decode(segs[i], false, decoded[i])) {
      m.bad_path = true;
      return m;
    }
  }
  for (const auto& r : routes_) {
    split(r.pattern, pat);
    if (pat.size() != segs.size()) continue;
    std::map<std::string, std::string> params;
    bool ok = true;
    for (std::size_t i = 0; i < pat.size() && ok; ++i) {
      if (pat[i].size() > 2 && pat[i].front() == '{' && pat[i].back() == '}') {
        // A parameter matches any non-empty segment.
        ok = !decoded[i].empty();
        params[std::string(pat[i].substr(1, pat[i].size() - 2))] = decoded[i];
      } else {
        ok = segs[i] == pat[i];
      }
    }
    if (!ok) continue;
    m.allowed.push_back(r.method);
    if (r.method == method && m.found == nullptr) {
      m.found = &r;
      m.params = std::move(params);
    }
  }
  return m;
}

}  // namespace mfb::rehost::detail
