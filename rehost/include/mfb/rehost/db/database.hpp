#pragma once
// A target database behind one small interface: SQLite (the embedded default) or
// PostgreSQL (libpqxx). Loads, reconciliation, export, deltas and the REST facade all talk
// to tables through it, so each works on both targets. Every statement with values takes
// them as parameters ($1, $2, ...): no value is ever spliced into SQL text.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "mfb/rehost/db/table_map.hpp"

namespace mfb::rehost {

/// A target failure (connection, SQL, constraint): exit code 4 at the command line.
///
/// code() is the SQLSTATE (PostgreSQL manual, Appendix A) on both targets. PostgreSQL
/// says it, except for a connection that cannot be made (08001
/// sqlclient_unable_to_establish_sqlconnection) or that broke (08006 connection_failure),
/// which libpq does not code. SQLite's extended result codes map to it as follows
/// (rehost/src/db/sqlite_errors.cpp):
///   SQLITE_CONSTRAINT_PRIMARYKEY, _UNIQUE, _ROWID  23505 unique_violation
///   SQLITE_CONSTRAINT_FOREIGNKEY                   23503 foreign_key_violation
///   SQLITE_CONSTRAINT_NOTNULL                      23502 not_null_violation
///   SQLITE_CONSTRAINT_CHECK                        23514 check_violation
///   other SQLITE_CONSTRAINT_*                      23000 integrity_constraint_violation
///   SQLITE_FULL                                    53100 disk_full
///   SQLITE_NOMEM                                   53200 out_of_memory
///   SQLITE_IOERR_*                                 58030 io_error
///   SQLITE_BUSY_*, SQLITE_LOCKED_*                 55P03 lock_not_available
///   SQLITE_READONLY_*                              25006 read_only_sql_transaction
///   SQLITE_PERM, SQLITE_AUTH                       42501 insufficient_privilege
///   SQLITE_CANTOPEN_*                              58P01 undefined_file
///   SQLITE_CORRUPT_*, SQLITE_NOTADB                XX001 data_corrupted
///   SQLITE_TOOBIG                                  54000 program_limit_exceeded
///   SQLITE_MISMATCH                                42804 datatype_mismatch
///   SQLITE_RANGE                                   22023 invalid_parameter_value
///   SQLITE_INTERRUPT                               57014 query_canceled
///   SQLITE_ERROR (SQLite says no more: syntax, a missing table or column, a function's
///                 own error)                     42000 syntax_error_or_access_rule_violation
///   anything else                                  XX000 internal_error
/// Empty when the failure did not come from the server or library (our own checks).
class db_error : public std::runtime_error {
 public:
  explicit db_error(const std::string& what, std::string code = {})
      : std::runtime_error(what), code_(std::move(code)) {}
  /// The SQLSTATE, e.g. "23505"; empty when the database did not raise the failure.
  const std::string& code() const noexcept { return code_; }

 private:
  std::string code_;
};

/// Rows share a key (a unique or primary key violation, SQLSTATE 23505). From a load it is
/// bad data, exit code 2, and the message names both records and the key value; from any
/// other statement it carries what the database said (the records are then 0).
class duplicate_key_error : public db_error {
 public:
  duplicate_key_error(const std::string& what, std::string code, std::string table,
                      std::string key, std::int64_t first_record, std::int64_t second_record)
      : db_error(what, std::move(code)), table_(std::move(table)), key_(std::move(key)),
        first_(first_record), second_(second_record) {}
  /// The table (PostgreSQL: as the error names it; SQLite: from "UNIQUE constraint
  /// failed: table.column"); empty when the database did not say.
  const std::string& table() const noexcept { return table_; }
  /// The key value as "(part, part)"; empty when the database did not say (SQLite outside
  /// a bulk load).
  const std::string& key() const noexcept { return key_; }
  /// Record numbers of the pair, the earlier first; 0 when not known.
  std::int64_t first_record() const noexcept { return first_; }
  std::int64_t second_record() const noexcept { return second_; }

 private:
  std::string table_, key_;
  std::int64_t first_ = 0, second_ = 0;
};

/// A row references a parent row that is not there (SQLSTATE 23503), or a parent row
/// still has children. What the database names is kept, so a caller can say which records.
class foreign_key_error : public db_error {
 public:
  foreign_key_error(const std::string& what, std::string code, std::string table,
                    std::string constraint = {}, std::string key = {})
      : db_error(what, std::move(code)), table_(std::move(table)),
        constraint_(std::move(constraint)), key_(std::move(key)) {}
  /// The table whose row broke the constraint; empty when the database did not say.
  const std::string& table() const noexcept { return table_; }
  /// The constraint's name (PostgreSQL); empty on SQLite, which does not say it.
  const std::string& constraint() const noexcept { return constraint_; }
  /// The referencing key as "(part, part)" when the database says it (PostgreSQL).
  const std::string& key() const noexcept { return key_; }

 private:
  std::string table_, constraint_, key_;
};

/// A value the target cannot store exactly: on PostgreSQL a text value holding a genuine
/// U+2400, which there stands for X'00' (pg_text.hpp). Thrown by write_record (REST writes,
/// delta apply) before anything is written: REST answers 422, the CLI exits 2.
class unstorable_value_error : public db_error {
 public:
  unstorable_value_error(const std::string& what, std::string field)
      : db_error(what), field_(std::move(field)) {}
  /// The COBOL name of the field (or "parameter $n" from a bare statement).
  const std::string& field() const noexcept { return field_; }

 private:
  std::string field_;
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

/// Whether opening a SQLite target may create its file. Only a load creates a database:
/// every reader (export, reconcile, serve, delta --apply-to, runs) takes `existing`, so a
/// misspelled file name is an error instead of a new empty database.
enum class open_mode { create, existing };

/// One connection to a target.
class database {
 public:
  /// Open `target`: `sqlite:FILE` or `postgresql://...` / `postgres://...` (a libpq URI).
  /// With open_mode::existing a missing SQLite file is a db_error ("no such database
  /// file"). Throws db_error.
  static std::unique_ptr<database> open(const std::string& target,
                                        open_mode mode = open_mode::existing);

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

}  // namespace mfb::rehost
