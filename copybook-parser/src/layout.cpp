// Lookups on a resolved record layout.

#include <cctype>
#include <string_view>

#include "mfb/copybook/layout.hpp"

namespace mfb::copybook {
namespace {

bool iequal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(a[i])) != std::toupper(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

/// Whether `path` ends with `tail` at a dot boundary (GRP.ITEM ends with ITEM).
bool ends_with_path(std::string_view path, std::string_view tail) {
  if (path.size() < tail.size()) return false;
  std::string_view end = path.substr(path.size() - tail.size());
  if (!iequal(end, tail)) return false;
  return path.size() == tail.size() || path[path.size() - tail.size() - 1] == '.';
}

}  // namespace

const field* record_layout::find(std::string_view name_or_path) const {
  for (const auto& f : fields) {
    if (!f.path.empty() && iequal(f.path, name_or_path)) return &f;
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
