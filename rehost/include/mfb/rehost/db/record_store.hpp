#pragma once
// Records as stored in a dataset's tables: read them back (a main row joined with its
// OCCURS child rows, as the decoder's flat cells), render them as canonical JSON or
// mainframe bytes, and write records (validated through the encoder) into the tables.
// Export, reconcile-by-row and the REST facade share these.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "mfb/rehost/db/control_totals.hpp"
#include "mfb/rehost/db/database.hpp"
#include "mfb/rehost/db/dataset.hpp"
#include "mfb/bridge/codec/record_encoder.hpp"

namespace mfb::rehost {

/// One record read back from the tables.
struct stored_record {
  std::size_t type = 0;          ///< record type: index into dataset::maps()
  std::int64_t record_no = 0;    ///< its mfb_record_no
  std::vector<sql_param> cells;  ///< flat cells; nullopt for NULL (or an absent element)
  std::vector<bridge::cell_state> states;
  /// Hierarchical files: the parent's key values (the main table's parent columns, in
  /// order; nullopt when the row has none). Empty for a record type without a parent.
  std::vector<sql_param> parent;
};

/// A page of records of one type, read in the order of `order_by`.
struct record_query {
  std::size_t type = 0;
  std::string where;        ///< SQL condition on the main table, with $1..$n ("" = all)
  sql_params params;
  std::string order_by;     ///< SQL ORDER BY list; default: the record number
  long long limit = -1;     ///< -1 = no limit
  long long offset = 0;     ///< rows to skip (paging when not ordered by record number)
};

/// Read the records a query selects, children included.
std::vector<stored_record> read_records(database& db, const dataset& ds, const record_query& q);

/// The canonical JSON record (DESIGN.md) of a stored record.
std::string record_json(const dataset& ds, const stored_record& rec);

/// The record as mainframe bytes (encoded by its copybook). Fails with the encoder's
/// field errors when a stored value cannot be encoded (a row changed by hand).
result<std::vector<std::uint8_t>> record_bytes(const dataset& ds, const stored_record& rec,
                                               std::vector<bridge::field_error>& errors);

/// Decode `bytes` as record type `type` and write its rows. With `replace` (and a keyed
/// dataset), the row with the same key is replaced (children follow by cascade) and keeps
/// its record number. Otherwise `record_no` is used; -1 takes the next free number. A
/// child type of a hierarchical file takes its parent's key values in `parent` (in the
/// order of its parent columns; null leaves them NULL). Run inside a transaction. Returns
/// the record number written, or an error naming the bad field.
result<std::int64_t> write_record(database& db, const dataset& ds, std::size_t type,
                                  const std::vector<std::uint8_t>& bytes, bool replace,
                                  std::int64_t record_no = -1,
                                  const std::vector<std::string>* parent = nullptr);

/// The key `bytes` (record type `type`) has as its main table stores it: decoded as
/// write_record decodes them, the primary key columns' values in order (text without the
/// padding the decoder trims, numbers at their column's scale). A key compared in this
/// form matches the stored row that write_record would replace.
result<std::vector<std::string>> stored_key(const dataset& ds, std::size_t type,
                                            const std::vector<std::uint8_t>& bytes);

/// Decode `bytes` as record type `type` and delete the row with its key (and its
/// children). Returns whether a row was deleted; `deleted_no`, when given, gets its record
/// number.
result<bool> delete_record(database& db, const dataset& ds, std::size_t type,
                           const std::vector<std::uint8_t>& bytes,
                           std::int64_t* deleted_no = nullptr);

/// Count the rows record `bytes` of type `type` has at `record_no` into `totals` (with
/// `remove`, take them out): how a delta keeps a dataset's expected totals current.
result<bool> count_record(const dataset& ds, std::size_t type,
                          const std::vector<std::uint8_t>& bytes, std::int64_t record_no,
                          control_totals& totals, bool remove);

}  // namespace mfb::rehost
