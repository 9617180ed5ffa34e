#pragma once
// The relational shape of a record layout: which SQL tables and columns its decoded cells
// go to. The decoder's flat cells (decode_plan::columns) are the common currency: a load
// splits one cell row into table rows, and an export or the REST facade joins table rows
// back into a cell row, from which the canonical JSON record is rebuilt.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "mfb/bridge/codec/decode_plan.hpp"
#include "mfb/bridge/codec/record_decoder.hpp"
#include "mfb/ebcdic/result.hpp"

namespace mfb::rehost {

/// The SQL flavour DDL and statements are written for.
enum class sql_dialect { postgresql, sqlite };

/// A column's value type, before the dialect picks its spelling.
enum class sql_kind : std::uint8_t {
  smallint, integer, bigint,  ///< integers that always fit
  numeric,                    ///< exact decimal (precision, scale); TEXT in SQLite
  float8,                     ///< COMP-1 / COMP-2
  text,                       ///< VARCHAR(length)
  bytes,                      ///< BYTEA (SQLite: BLOB): an item kept as its bytes
};

/// One SQL column. Synthetic columns (record number, occurrence, parent key) have field -1.
struct sql_column {
  std::string name;         ///< snake_case identifier, at most 63 characters, unique in its table
  sql_kind kind = sql_kind::text;
  int precision = 0;        ///< numeric digits
  int scale = 0;
  std::size_t length = 0;   ///< text characters
  std::int32_t field = -1;  ///< layout field index
  std::string comment;      ///< COBOL name, picture, usage, offset, 88 levels
  std::string check;        ///< CHECK expression from 88 levels (empty: none)
};

/// One table: the record's main table, or the child table of one top-level OCCURS.
struct sql_table {
  std::string name;
  std::int32_t occurs_field = -1;  ///< the OCCURS item of a child table, -1 for the main table
  std::vector<sql_column> columns;
  std::size_t data_begin = 0;      ///< columns before this are synthetic (keys, occurrence)
  std::string parent_table;        ///< hierarchical files: the parent's main table
  std::vector<std::string> parent_columns;  ///< ... and its key columns, referenced in order
  std::vector<std::size_t> primary_key;  ///< column indexes
  /// Secondary indexes (main table): each one's column indexes, in order.
  std::vector<std::vector<std::size_t>> indexes;
  /// cells[k][j]: the flat cell index feeding data column j in row k (one row for the main
  /// table, one per occurrence for a child table).
  std::vector<std::vector<std::size_t>> cells;
};

/// How a layout becomes tables.
struct table_options {
  std::string table;             ///< main table name; default: the record name in snake_case
  std::vector<std::string> key;  ///< COBOL names of the key fields; default: the record number
  bool flatten_occurs = false;   ///< OCCURS as numbered columns instead of child tables
  bool check_88 = false;         ///< 88 levels become CHECK constraints
  /// Secondary indexes on the main table: each entry is one index's COBOL field names (a
  /// group stands for its items). REST filters may use indexed columns.
  std::vector<std::vector<std::string>> indexes;
  /// Skip an index whose fields this record type lacks (multi-record datasets: an
  /// unqualified --index applies to the record types that have its fields).
  bool skip_missing_indexes = false;
  /// Hierarchical files: the parent record type's main table, and its key columns (as they
  /// are in the parent table). The main table gets a `parent_<column>` copy of each,
  /// referencing the parent.
  const sql_table* parent = nullptr;
};

/// Name of the synthetic column holding the record's position in the file (1-based).
inline constexpr std::string_view record_no_column = "mfb_record_no";
/// Name of the synthetic column holding an OCCURS element number (1-based).
inline constexpr std::string_view occurrence_column = "mfb_occurrence";

/// A value handed to a table writer: text, or SQL NULL.
struct sql_value {
  std::string_view text;
  bool null = false;
};

/// The tables of one record type.
class table_map {
 public:
  /// Map the plan's flat columns to tables. The plan must not carry a record-type column.
  static result<table_map> build(const bridge::decode_plan& plan, const table_options& opts);

  const std::vector<sql_table>& tables() const noexcept { return tables_; }
  const sql_table& main() const noexcept { return tables_.front(); }
  /// Flat cell indexes of the key fields (empty when keyed by record number).
  const std::vector<std::size_t>& key_cells() const noexcept { return key_cells_; }
  /// Number of flat cells a row of this map has.
  std::size_t cell_count() const noexcept { return cell_count_; }

  /// Split one decoded record into table rows: `emit(table index, values)` is called for the
  /// main row and then for each present OCCURS element, values in column order.
  /// `parent` holds the parent's key values (hierarchical files; null or empty otherwise).
  template <typename Emit>
  void split(const bridge::cell_row& row, std::int64_t record_no, Emit&& emit,
             const std::vector<std::string>* parent = nullptr) const;

 private:
  std::vector<sql_table> tables_;
  std::vector<std::size_t> key_cells_;
  std::size_t cell_count_ = 0;
  mutable std::vector<sql_value> values_;
  mutable std::string record_no_text_;
  mutable std::string occurrence_text_;
};

/// CREATE TABLE (and COMMENT ON, for PostgreSQL) statements for every table of `map`.
/// With `constraints_after` (PostgreSQL bulk loads into new tables), the tables get no
/// primary key, unique or foreign key constraints: the load adds them when the data is in
/// (key_constraint_sql, then foreign_key_sql), one set-based check and one sorted index
/// build instead of work per row (a foreign-key trigger per row made loads 4.6x slower).
std::vector<std::string> create_table_sql(const table_map& map, sql_dialect dialect,
                                          bool constraints_after = false);
/// One constraint added after a load: its table, name, PostgreSQL contype ('p' primary
/// key, 'u' unique, 'f' foreign key) and ALTER TABLE statement.
struct constraint_sql {
  std::string table;
  std::string name;
  char type = 'p';
  std::string sql;
};
/// ALTER TABLE statements adding each table's primary key (and the main table's UNIQUE
/// record number, when keyed by fields).
std::vector<constraint_sql> key_constraint_sql(const table_map& map);
/// ALTER TABLE statements adding the foreign keys: a hierarchical child record's to its
/// parent record's table, and each OCCURS child table's to the main table. Add every
/// map's keys first: a foreign key needs the key it references.
std::vector<constraint_sql> foreign_key_sql(const table_map& map);
/// CREATE INDEX IF NOT EXISTS statements for the main table's secondary indexes.
std::vector<std::string> create_index_sql(const table_map& map);
/// CREATE INDEX IF NOT EXISTS for one index of `table` (its column indexes, in order),
/// named as `load --index` names it, so that creating it again finds it.
std::string create_index_sql(const sql_table& table, const std::vector<std::size_t>& index);
/// The column type as the dialect spells it ("NUMERIC(9,2)", "TEXT").
std::string sql_type(const sql_column& c, sql_dialect dialect);
/// `name` as a quoted SQL identifier.
std::string quote_ident(std::string_view name);
/// A COBOL name as a snake_case SQL identifier of at most 63 characters.
std::string snake_case(std::string_view cobol_name);

template <typename Emit>
void table_map::split(const bridge::cell_row& row, std::int64_t record_no, Emit&& emit,
                      const std::vector<std::string>* parent) const {
  record_no_text_ = std::to_string(record_no);
  const sql_table& m = tables_.front();
  values_.clear();
  values_.push_back({record_no_text_, false});
  for (std::size_t k = 0; k + 1 < m.data_begin; ++k)
    values_.push_back(parent && k < parent->size() ? sql_value{(*parent)[k], false}
                                                    : sql_value{{}, true});
  for (std::size_t c : m.cells[0])
    values_.push_back({row.cell(c), row.states[c] != bridge::cell_state::value});
  emit(std::size_t{0}, values_);
  for (std::size_t t = 1; t < tables_.size(); ++t) {
    const sql_table& child = tables_[t];
    for (std::size_t k = 0; k < child.cells.size(); ++k) {
      const auto& cells = child.cells[k];
      bool present = false;
      for (std::size_t c : cells) present |= row.states[c] != bridge::cell_state::absent;
      if (!present) continue;  // an ODO element beyond the count
      occurrence_text_ = std::to_string(k + 1);
      values_.clear();
      values_.push_back({record_no_text_, false});
      values_.push_back({occurrence_text_, false});
      for (std::size_t c : cells)
        values_.push_back({row.cell(c), row.states[c] != bridge::cell_state::value});
      emit(t, values_);
    }
  }
}

}  // namespace mfb::rehost
