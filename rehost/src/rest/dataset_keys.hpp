#pragma once
// Helpers shared by the dataset read and write routes: the dataset's key columns, key
// text, cursors. Internal to rehost.

#include <memory>
#include <string>
#include <vector>

#include "mfb/rehost/db/dataset.hpp"
#include "mfb/rehost/db/record_store.hpp"
#include "mfb/rehost/rest/openapi.hpp"

namespace mfb::rehost::detail {

/// A dataset as the URL names it: a loaded dataset and one of its record types (a file of
/// several record types has one main table, and so one dataset path, per type).
struct dataset_ref {
  std::shared_ptr<const rehost::dataset> ds;
  std::size_t type = 0;
  std::string name;  ///< the path's name: the catalog name, or the type's main table
  explicit operator bool() const noexcept { return ds != nullptr; }
};

// The key of a dataset's main record type: SQL columns and the names clients use.
struct key_spec {
  std::vector<std::string> columns;  ///< quoted identifiers
  std::vector<std::string> names;    ///< COBOL names (or mfb_record_no)
  std::vector<std::size_t> cells;    ///< flat cells; empty when keyed by record number
  std::vector<bool> numeric;         ///< the column holds numbers (a part must be one)
  std::vector<int> scales;           ///< exact numbers' scale (integers 0); -1: text or float
  /// Text columns hold values without trailing spaces (the dataset does not keep them), so
  /// a text value is compared without them too: "A " finds, and collides with, "A".
  bool trims_text = true;
};

/// Return "" when `value` fits column i of `k` (numeric: a decimal number with no more
/// decimals than the column's scale), else the problem. A value is rewritten the way the
/// column stores it (5, 05 and 5.0 become 5.00 for a scale of 2; text loses its trailing
/// spaces unless the dataset keeps them).
std::string check_value(const key_spec& k, std::size_t i, std::string& value);
/// check_value for each of `parts`; the first problem's part goes to `bad_index`.
std::string check_key_parts(const key_spec& k, std::vector<std::string>& parts,
                            std::size_t& bad_index);

/// The key of record type `type` of `ds`.
key_spec key_of(const rehost::dataset& ds, std::size_t type = 0);
/// The fields a record list may filter on by equality: the key's, then the columns of the
/// main table's secondary indexes (`load --index`), each named by its COBOL name (or its
/// column name where two columns share one). Filters on other fields would scan the table.
key_spec filters_of(const rehost::dataset& ds, std::size_t type = 0);
/// Column `column` (an index into the main table's columns) of record type `type` as a
/// one-part key_spec, named by its COBOL name (or its column name when it has none).
key_spec column_key(const rehost::dataset& ds, std::size_t type, std::size_t column);
/// The filter names of `f`, comma-separated (for problems).
std::string filter_list(const key_spec& f);
/// The record type whose main table is `main`'s parent (hierarchical files); throws
/// std::logic_error when the dataset has no such type.
std::size_t parent_type(const rehost::dataset& ds, const rehost::sql_table& main);
/// The canonical JSON record of `rec` (no line end); a child record of a hierarchical file
/// gets its parent's key as a last member, "_parent": {FIELD: value, ...}, as convert
/// writes it and as writes take it.
std::string record_answer(const rehost::dataset& ds, const rehost::stored_record& rec);
/// The "_parent" fields of record type `type` (empty when it has no parent).
std::vector<openapi_filter> parent_fields(const rehost::dataset& ds, std::size_t type);
/// The parts of a key as the URL gives it (already percent-decoded once by the router).
/// A key of one column is the whole text, commas included. A composite key is split at
/// its commas, then each part is percent-decoded once more, so a part holding ',' (or
/// '%') is written %2C (%25) inside the part: %252C in the URL. False for a malformed
/// escape.
bool split_key(const std::string& key, std::size_t columns, std::vector<std::string>& parts);
/// The key text of `parts` in the form split_key reads (composite parts escaped).
std::string join_key(const std::vector<std::string>& parts);
/// The key as a URL path segment holds it: join_key's text percent-encoded part by part, so
/// the ',' between parts stays literal and CR LF, '/', '?' or '%' in a value cannot escape.
std::string key_path(const std::vector<std::string>& parts);
/// A ?limit= value: whole number 1..max into `out`; false (out unchanged) otherwise.
bool parse_page_size(const std::string& value, std::size_t max, std::size_t& out);
/// The key values of `rec`, in the key's order (its record number when keyed by it).
std::vector<std::string> key_parts(const key_spec& k, const rehost::stored_record& rec);
/// The key values of `rec` as a JSON array text (the cursor's content).
std::string key_values(const key_spec& k, const rehost::stored_record& rec);
/// The keyset condition of a page after `cursor` ("(k1, k2) > ($n, $m)"), its values
/// appended to q.params; false for a cursor this server did not issue for `key`.
bool cursor_condition(const key_spec& key, const std::string& cursor, rehost::record_query& q,
                      std::string& condition);
/// An opaque cursor (base64url) for a key-values text, and back.
std::string cursor_encode(const std::string& text);
bool cursor_decode(std::string s, std::size_t parts, std::vector<std::string>& out);
/// `s` without trailing CR/LF.
std::string strip_newline(std::string s);
/// "$n".
std::string param(std::size_t n);

}  // namespace mfb::rehost::detail
