#pragma once
// Constructors of the two targets, kept apart so each file includes only its own client
// library headers.

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
/// mfb_real(text), a decimal text as the correctly rounded double.
void register_sqlite_functions(sqlite3* db);
/// The SQLSTATE of an SQLite extended result code (the table at db_error).
std::string sqlite_sqlstate(int extended);
/// Throw the typed error for an SQLite failure: db_unavailable (full or failing disk),
/// duplicate_key_error, foreign_key_error, or db_error; each with its SQLSTATE.
[[noreturn]] void throw_sqlite_error(int extended, const std::string& why);
/// INSERT INTO table (all columns) VALUES ($1, ..., $n).
std::string insert_sql(const sql_table& table);

}  // namespace mfb::rehost::detail
