#pragma once
// Whether a column can be looked up without scanning its table, and the index that makes
// it so: the people lookup of the REST facade finds a shared key (a NINO, a token) in one
// column of each dataset, and must not read a million rows to do it.

#include <cstddef>
#include <string>

#include "mfb/rehost/db/database.hpp"
#include "mfb/rehost/db/table_map.hpp"

namespace mfb::rehost {

/// Whether some index of `table` (its primary key, a `load --index`, one made by hand) has
/// column `column` (an index into table.columns) first. Asks the database's own catalog.
bool column_indexed(database& db, const sql_table& table, std::size_t column);

/// Create the one-column index on `column` that `load --index` would create (same name,
/// IF NOT EXISTS); return its CREATE statement, for the log.
std::string create_column_index(database& db, const sql_table& table, std::size_t column);

}  // namespace mfb::rehost
