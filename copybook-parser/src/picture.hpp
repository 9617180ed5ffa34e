#pragma once
// PICTURE string analysis: expand repetition factors, count digits and character positions,
// work out scale (including P scaling), sign and category, and reject malformed strings.

#include <cstddef>
#include <string>
#include <string_view>

#include "mfb/copybook/layout.hpp"

namespace mfb::copybook::detail {

/// The outcome of analysing one PICTURE string.
struct picture_analysis {
  picture_info info;
  category kind = category::alphanumeric;
  bool has_s = false;           ///< an operational sign (S) is present
  int p_count = 0;              ///< scaling positions (P), not stored
  std::string error;            ///< empty when the picture is valid
  std::string nonstandard;      ///< accepted by Cobrix but not by IBM (e.g. S in an edited picture)
  std::size_t error_offset = 0; ///< where in the picture text the problem is
};

/// Longest expansion kept in picture_info::expanded (edited pictures are far shorter).
inline constexpr std::size_t max_kept_expansion = 4096;

/// Analyse a PICTURE string as written (e.g. "S9(5)V99", "ZZ,ZZ9.99-", "X(10)").
picture_analysis analyse_picture(std::string_view text);

}  // namespace mfb::copybook::detail
