#pragma once
// Constructors of the two targets, kept apart so each file includes only its own client
// library headers.

#include <cstdint>
#include <memory>
#include <string>

#include "mfb/rehost/db/database.hpp"

struct sqlite3;

namespace mfb::rehost::detail {

std::unique_ptr<database> open_sqlite(const std::string& file, bool create);
std::unique_ptr<database> open_postgresql(const std::string& uri);
/// Register the reconciliation's aggregates on an SQLite connection: mfb_exact_sum(value,
/// scale), the exact sum of decimal texts at `scale` as text (NULL over no values; a text
/// that is no decimal is an error), mfb_key_hash(part, ...), the key hash total, and
/// mfb_real(text), a decimal text as the correctly rounded double, and
/// mfb_decimal_text(value, scale), a stored decimal as its exact text at `scale`.
void register_sqlite_functions(sqlite3* db);
/// A decimal SQLite keeps as a number (a NUMERIC(p,s) column of at most 15 digits, see
/// sql_column_type.hpp) as its exact text at `scale`: "1234.50" for 1234.5 at scale 2.
std::string decimal_text(double value, int scale);
/// The same for a decimal SQLite keeps as an INTEGER (it has no fraction): "1234.00".
std::string integer_text(std::int64_t value, int scale);
/// The scale of a column SQLite declares NUMERIC(p,s), or -1 for any other declared type.
int declared_scale(const char* decltype_text);
/// The SQLSTATE of an SQLite extended result code (the table at db_error).
std::string sqlite_sqlstate(int extended);
/// Throw the typed error for an SQLite failure: db_unavailable (full or failing disk),
/// duplicate_key_error, foreign_key_error, or db_error; each with its SQLSTATE.
[[noreturn]] void throw_sqlite_error(int extended, const std::string& why);
/// INSERT INTO table (all columns) VALUES ($1, ..., $n).
std::string insert_sql(const sql_table& table);

}  // namespace mfb::rehost::detail
