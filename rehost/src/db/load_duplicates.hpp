#pragma once
// Duplicate keys met by a load, on either target: the message names the input, the first
// pair of records sharing a key and the key's value, and the error is bad data (exit 2).

#include <cstdint>
#include <string>

#include "mfb/rehost/db/database.hpp"
#include "mfb/rehost/db/dataset.hpp"

namespace mfb::rehost::detail {

/// A duplicate the target refused while rows went in (SQLite: a primary key; PostgreSQL:
/// a COPY into a table that has its key), completed after the chunk's rollback: on
/// PostgreSQL a first holder outside the stream is looked up among the committed rows.
/// Record numbers become positions in `input` (row numbers of rows loaded before it).
duplicate_key_error complete_duplicate(database& db, const dataset& ds,
                                       const duplicate_key_error& e, const std::string& input,
                                       std::int64_t record_base);

/// PostgreSQL bulk loads add keys after the data: the first two records of `main` that
/// share a key, found by one GROUP BY, or a plain db_error when none shows.
[[noreturn]] void throw_duplicate_after_load(database& db, const sql_table& main,
                                             const std::string& input, std::int64_t record_base);

}  // namespace mfb::rehost::detail
