// Lookups on a resolved record layout.

#include <string_view>

#include "mfb/copybook/layout.hpp"
#include "text_words.hpp"  // detail::iequals

namespace mfb::copybook {
namespace {

/// Whether `path` ends with `tail` at a dot boundary (GRP.ITEM ends with ITEM).
bool ends_with_path(std::string_view path, std::string_view tail) {
  if (path.size() < tail.size()) return false;
  std::string_view end = path.substr(path.size() - tail.size());
  if (!detail::iequals(end, tail)) return false;
  return path.size() == tail.size() || path[path.size() - tail.size() - 1] == '.';
}

}  // namespace

bool names_equal(std::string_view a, std::string_view b) { return detail::iequals(a, b); }

const field* record_layout::find(std::string_view name_or_path) const {
  for (const auto& f : fields) {
    if (!f.path.empty() && detail::iequals(f.path, name_or_path)) return &f;
  }
  const field* found = nullptr;
  for (const auto& f : fields) {
    if (f.path.empty() || !ends_with_path(f.path, name_or_path)) continue;
    if (found != nullptr) return nullptr;  // ambiguous
    found = &f;
  }
  return found;
}

}  // namespace mfb::copybook
