#pragma once
// Control totals that prove a load lost nothing: per table, the row count, the exact sum of
// every integer and decimal column, and an order-independent hash total of the keys. They
// are computed from the decoded source and recomputed from the target, then compared.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "mfb/rehost/db/database.hpp"
#include "mfb/rehost/db/table_map.hpp"
#include "mfb/ebcdic/decimal.hpp"
#include "mfb/ebcdic/result.hpp"

namespace mfb::rehost {

/// Totals of one table.
struct table_totals {
  std::uint64_t rows = 0;
  std::uint64_t key_hash = 0;                            ///< sum of the keys' hashes, mod 2^64
  std::map<std::string, ebcdic::decimal> sums;           ///< by column name, exact
};

/// Totals of every table of a dataset.
class control_totals {
 public:
  control_totals() = default;
  explicit control_totals(const std::vector<table_map>& maps);
  control_totals(const control_totals& other) : roles_(other.roles_), tables_(other.tables_) {
    relink();
  }
  control_totals& operator=(const control_totals& other) {
    roles_ = other.roles_;
    tables_ = other.tables_;
    relink();
    return *this;
  }

  /// Count one row of table `table` of map `map`; false when a numeric text does not parse.
  bool add_row(std::size_t map, std::size_t table, const std::vector<sql_value>& row) {
    return count_row(map, table, row, 1);
  }
  /// Take one row back out (a row a delta deleted or replaced); false as for add_row.
  bool remove_row(std::size_t map, std::size_t table, const std::vector<sql_value>& row) {
    return count_row(map, table, row, -1);
  }
  /// Add another set of totals (a baseline, or the part an earlier run committed).
  void add(const control_totals& other);
  /// Recompute the totals from the tables in `db`.
  static control_totals from_target(database& db, const std::vector<table_map>& maps);

  const std::map<std::string, table_totals>& tables() const noexcept { return tables_; }
  std::string to_json() const;
  static result<control_totals> from_json(std::string_view json);

 private:
  struct summed_column {
    std::size_t index;
    int scale;
    std::string name;
    ebcdic::decimal* sum = nullptr;  ///< its entry in tables_ (no lookup per row)
  };
  struct column_role {
    std::vector<summed_column> summed;
    std::vector<std::size_t> key;  ///< key column indexes
    std::string table;
    table_totals* totals = nullptr;  ///< its entry in tables_
  };
  bool count_row(std::size_t map, std::size_t table, const std::vector<sql_value>& row, int sign);
  /// Point the roles at this object's own entries (after construction or a copy).
  void relink();
  /// Add one table's totals as the target computes them (sums in SQL, keys hashed here).
  void add_from_target(database& db, const sql_table& table, const column_role& role);
  std::vector<std::vector<column_role>> roles_;  ///< [map][table]
  std::map<std::string, table_totals> tables_;
};

/// One compared figure.
struct reconciliation_line {
  std::string what;      ///< "paye_detail rows", "paye_detail.pd_gross_pay sum", "trailer ..."
  std::string expected;
  std::string actual;
  bool ok = true;
};

/// The outcome of comparing totals (and trailer checks).
struct reconciliation {
  bool performed = false;
  std::vector<reconciliation_line> lines;
  bool ok() const;
  std::string to_text() const;
  std::string to_json() const;
};

/// Compare expected (source) totals with actual (target) totals, line by line.
void compare_totals(const control_totals& expected, const control_totals& actual,
                    reconciliation& out);

}  // namespace mfb::rehost
