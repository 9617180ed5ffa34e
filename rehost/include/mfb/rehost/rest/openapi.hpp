#pragma once
// OpenAPI 3.0 for the facade, generated from record layouts: one JSON Schema per dataset
// (groups -> objects, OCCURS -> arrays with maxItems, numbers -> number with bounds, or
// string with a pattern when decimals are sent as strings, text -> string with maxLength).

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "mfb/copybook/layout.hpp"

namespace mfb::rehost {

/// How numbers appear in records.
enum class decimal_form { number, string };

/// Return the JSON Schema (OpenAPI 3.0 dialect) of a canonical JSON record of `layout`.
nlohmann::json record_schema(const copybook::record_layout& layout,
                             decimal_form decimals = decimal_form::number);

/// Give the items kept as their bytes (load --raw) the schema of their hex text: a string
/// of exactly twice their length in hex digits.
void mark_raw_fields(nlohmann::json& schema, const copybook::record_layout& layout,
                     const std::vector<std::string>& raw);

/// A field a record list may filter on (`?NAME=value`, equality).
struct openapi_filter {
  std::string name;      ///< COBOL name (or column name), as in the query
  bool numeric = false;  ///< the value must be a decimal number
};

/// One dataset for the OpenAPI document.
struct openapi_dataset {
  std::string name;  ///< table name, as in the URL
  const copybook::record_layout* layout = nullptr;
  std::vector<openapi_filter> filters;  ///< key and indexed fields
  /// A child type of a hierarchical file: its parent's key fields (the "_parent" member).
  std::vector<openapi_filter> parent_key;
  std::vector<std::string> raw;  ///< items kept as their bytes (hex strings)
};

/// Add the "_parent" member (the parent's key fields, all required) to a record schema.
void add_parent_member(nlohmann::json& schema, const std::vector<openapi_filter>& parent_key,
                       decimal_form decimals = decimal_form::number);

/// Return the OpenAPI 3.0.3 document: every route, the problem schema, bearer security,
/// and one record schema per dataset (components/schemas/<name>, and <name>.strings).
/// `dataset_routes`: document the /v1/datasets routes (the server has a target).
nlohmann::json openapi_document(const std::vector<openapi_dataset>& datasets,
                                bool dataset_routes = false, const std::string& server_url = {});

}  // namespace mfb::rehost
