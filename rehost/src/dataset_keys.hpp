#pragma once
// Helpers shared by the dataset read and write routes: the dataset's key columns, key
// text, cursors. Internal to rehost.

#include <string>
#include <vector>

#include "mfb/bridge/dataset.hpp"
#include "mfb/bridge/record_store.hpp"

namespace mfb::rehost::detail {

// The key of a dataset's main record type: SQL columns and the names clients use.
struct key_spec {
  std::vector<std::string> columns;  ///< quoted identifiers
  std::vector<std::string> names;    ///< COBOL names (or mfb_record_no)
  std::vector<std::size_t> cells;    ///< flat cells; empty when keyed by record number
  std::vector<bool> numeric;         ///< the column holds numbers (a part must be one)
};

/// Return "" when `parts` fit the key's columns, else the problem for part i in `bad_index`.
std::string check_key_parts(const key_spec& k, const std::vector<std::string>& parts,
                            std::size_t& bad_index);

/// The key of `ds`'s first record type.
key_spec key_of(const bridge::dataset& ds);
/// Split "a,b" into its parts.
std::vector<std::string> split_key(const std::string& key);
/// The key values of `rec` as a JSON array text (the cursor's content).
std::string key_values(const key_spec& k, const bridge::stored_record& rec);
/// An opaque cursor (base64url) for a key-values text, and back.
std::string cursor_encode(const std::string& text);
bool cursor_decode(std::string s, std::size_t parts, std::vector<std::string>& out);
/// `s` without trailing CR/LF.
std::string strip_newline(std::string s);
/// "$n".
std::string param(std::size_t n);

}  // namespace mfb::rehost::detail
