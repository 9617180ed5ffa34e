#pragma once
// A target database behind one small interface: SQLite (the embedded default) or
// PostgreSQL (libpqxx). Loads, reconciliation, export, deltas and the REST facade all talk
// to tables through it, so each works on both targets. Every statement with values takes
// them as parameters ($1, $2, ...): no value is ever spliced into SQL text.

#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "mfb/bridge/table_map.hpp"

namespace mfb::bridge {

/// A target failure (connection, SQL, constraint): exit code 4 at the command line.
class db_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The target stopped taking writes through no fault of the data: the connection broke
/// (the server stopped or closed it) or its storage is full or failing. What was committed
/// stands; once the target is back, running the same load again resumes.
class db_unavailable : public db_error {
 public:
  using db_error::db_error;
};

using sql_param = std::optional<std::string>;  ///< nullopt is SQL NULL
using sql_params = std::vector<sql_param>;

/// Rows of a query, as text (NULL as nullopt). Integers and decimals come back in their
/// exact decimal text; floats in the shortest text that reads back to the same double.
struct sql_rows {
  std::vector<std::string> columns;
  std::vector<std::vector<sql_param>> rows;
};

/// Appends rows to one table inside the current transaction, as fast as the target allows
/// (PostgreSQL: one binary COPY stream; SQLite: one prepared INSERT). On PostgreSQL no
/// other statement may run on the connection between the first flush() and finish().
class bulk_inserter {
 public:
  virtual ~bulk_inserter() = default;
  /// One row, values in the table's column order.
  virtual void add(const std::vector<sql_value>& row) = 0;
  /// Send what is buffered; the stream stays open for more rows.
  virtual void flush() = 0;
  /// Send the rest and close the stream: the rows are part of the transaction from then
  /// on, and any row the target refused has raised db_error.
  virtual void finish() = 0;
};

/// One connection to a target.
class database {
 public:
  /// Open `target`: `sqlite:FILE` (created if absent) or `postgresql://...` /
  /// `postgres://...` (a libpq URI). Throws db_error.
  static std::unique_ptr<database> open(const std::string& target);

  virtual ~database() = default;
  virtual sql_dialect dialect() const noexcept = 0;
  /// Run statements that take no parameters (DDL).
  virtual void execute(std::string_view sql) = 0;
  /// Run one statement with parameters $1..$n; return its rows.
  virtual sql_rows query(std::string_view sql, const sql_params& params = {}) = 0;
  /// Run one statement without parameters and hand its rows to `row` one at a time, without
  /// holding them all (large tables: reconciliation re-reads every row).
  virtual void for_each_row(std::string_view sql,
                            const std::function<void(const std::vector<sql_param>&)>& row) = 0;
  virtual void begin() = 0;
  virtual void commit() = 0;
  virtual void rollback() noexcept = 0;
  virtual bool table_exists(std::string_view name) = 0;
  /// A bulk inserter for `table` (call inside begin()/commit()).
  virtual std::unique_ptr<bulk_inserter> bulk(const sql_table& table) = 0;
};

/// Drop the target's password from a connection string before it is printed or stored.
std::string redact_target(std::string_view target);

}  // namespace mfb::bridge
