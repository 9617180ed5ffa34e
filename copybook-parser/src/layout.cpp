// Lookups on a resolved record layout.

#include <string>
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
  if (const field* f = find_exact(name_or_path)) return f;
  // Spark and Cobrix spell COBOL names with '_' for '-' (SEGMENT_ID for SEGMENT-ID): accept
  // that spelling when the name as written matches nothing.
  if (name_or_path.find('_') == std::string_view::npos) return nullptr;
  std::string dashed(name_or_path);
  for (char& c : dashed)
    if (c == '_') c = '-';
  return find_exact(dashed);
}

const field* record_layout::find_exact(std::string_view name_or_path) const {
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
