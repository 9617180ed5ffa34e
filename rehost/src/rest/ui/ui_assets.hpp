#pragma once
// The web inspector's static files (rest/ui/assets/), built into the binary by a CMake step
// (cmake/embed_assets.cmake writes ui_assets.cpp), so the pages need no CDN and work offline.

#include <string_view>
#include <vector>

namespace mfb::rehost::detail {

struct ui_asset {
  std::string_view name;   ///< file name, e.g. "app.js"
  std::string_view bytes;  ///< its content
};

/// Every embedded file.
const std::vector<ui_asset>& ui_assets();

}  // namespace mfb::rehost::detail
