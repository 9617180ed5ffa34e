#pragma once
// Constructors of the two targets, kept apart so each file includes only its own client
// library headers.

#include <memory>
#include <string>

#include "mfb/bridge/database.hpp"

namespace mfb::bridge::detail {

std::unique_ptr<database> open_sqlite(const std::string& file);
std::unique_ptr<database> open_postgresql(const std::string& uri);
/// INSERT INTO table (all columns) VALUES ($1, ..., $n).
std::string insert_sql(const sql_table& table);

}  // namespace mfb::bridge::detail
