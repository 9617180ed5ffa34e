#pragma once
// How one COBOL item becomes one SQL column: its exact type, its comment and its 88-level
// CHECK. Shared by the table map (loads) and its tests.

#include <string>
#include <string_view>

#include "mfb/rehost/db/table_map.hpp"
#include "mfb/copybook/layout.hpp"

namespace mfb::rehost::detail {

/// The column for layout field `index` (name left empty: the table map names it). With
/// `occurrence` (OCCURS element numbers, outermost first), the comment gives that element's
/// offset (a flattened column); otherwise the first element's.
sql_column column_for(const copybook::record_layout& layout, std::int32_t index, bool check_88,
                      const std::vector<std::uint32_t>& occurrence = {});

/// Cut an identifier to 63 characters; a cut name ends in 8 hex digits of its full name's
/// hash, so two long names that share a prefix stay apart, deterministically.
std::string limit_identifier(std::string name);

/// Whether SQLite keeps this column's decimals as numbers (NUMERIC(p,s): REAL or INTEGER),
/// so that they sort and compare as numbers. Only up to 15 digits: every decimal of at most
/// 15 significant digits survives the trip through a double exactly (DBL_DIG), so the text
/// at the column's scale comes back byte for byte. Wider decimals stay exact TEXT.
inline bool sqlite_keeps_number(const sql_column& c) {
  return c.kind == sql_kind::numeric && c.precision <= 15;
}

/// COBOL names compare without regard to case.
bool same_cobol_name(std::string_view a, std::string_view b);

}  // namespace mfb::rehost::detail
