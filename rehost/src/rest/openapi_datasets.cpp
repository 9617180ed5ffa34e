// OpenAPI of the dataset routes: the list, a dataset's description, and each dataset's
// record routes with its own record schema.

#include <string>
#include <vector>

#include "rest/openapi_parts.hpp"

namespace mfb::rehost::detail {

using nlohmann::json;

namespace {

// A record list's parameters: paging, decimals, and one equality filter per key or indexed
// field (a number where the column is numeric; the server checks that before any SQL).
json list_params(const std::vector<openapi_filter>& filters) {
  json params = {
      query_param("limit", "Page size (at most limits.max_page_size)", {{"type", "integer"}, {"minimum", 1}}),
      query_param("cursor", "The `next` of the previous page", {{"type", "string"}}), decimals_param()};
  for (const auto& f : filters)
    params.push_back(query_param(f.name.c_str(), "Only records whose field equals this value (key or indexed field)",
                                 f.numeric ? json{{"type", "string"}, {"pattern", "^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)$"}}
                                           : json{{"type", "string"}}));
  return params;
}

}  // namespace

json dataset_paths() {
  json paths;
  json entry = {{"type", "object"},
                {"properties", {{"name", {{"type", "string"}}}, {"href", {{"type", "string"}}},
                                {"masked", {{"type", "boolean"},
                                            {"description", "Present (true) when the key reads this dataset masked"}}}}}};
  json list = {{"type", "object"},
               {"properties", {{"datasets", {{"type", "array"}, {"items", entry}}}}}};
  paths["/v1/datasets"]["get"] = {
      {"summary", "The datasets the key may read"}, {"operationId", "listDatasets"},
      {"tags", {"datasets"}}, {"responses", with_errors({{"200", json_response("Dataset names", list)}}, false)}};
  json info = {{"type", "object"},
               {"properties",
                {{"name", {{"type", "string"}}},
                 {"codepage", {{"type", "string"}}},
                 {"recfm", {{"type", "string"}}},
                 {"lrecl", {{"type", "integer"}}},
                 {"key", {{"type", "array"}, {"items", {{"type", "string"}}}}},
                 {"records", {{"type", "array"}, {"items", {{"type", "object"}}}}},
                 {"loaded_as", {{"type", "string"}}},
                 {"parent", {{"type", "string"}}},
                 {"record_types",
                  {{"type", "array"},
                   {"description", "Only for the name a multi-record file was loaded as: its "
                                   "record types, each a dataset of its own"},
                   {"items", {{"type", "object"},
                              {"properties", {{"name", {{"type", "string"}}},
                                              {"length", {{"type", "integer"}}},
                                              {"dataset", {{"type", "string"}}},
                                              {"href", {{"type", "string"}}}}}}}}}}}};
  info["properties"]["lrecl"]["description"] =
      "As z/OS counts it: F/FB the record length, V/VB/VS/VBS the longest record plus its RDW";
  json responses = with_errors({{"200", json_response("Layout and JSON Schema of each record type, "
                                                      "or a multi-record file's record types", info)}}, false);
  responses["404"] = problem_response("No such dataset");
  paths["/v1/datasets/{ds}"]["get"] = {
      {"summary", "A dataset's layout and JSON Schema"}, {"operationId", "describeDataset"},
      {"tags", {"datasets"}},
      {"parameters", {path_param("ds", "Dataset name (its table name)"), decimals_param()}},
      {"responses", responses}};
  return paths;
}

// The record routes of one dataset, with its own record schema.
// `name` "{ds}": the generic routes, for any dataset (a caller who may read none sees these).
json record_paths(const std::string& name, const std::string& schema, const std::string& record,
                  const std::vector<openapi_filter>& filters) {
  json paths;
  std::string base = "/v1/datasets/" + name + "/records";
  bool generic = name == "{ds}";
  // Every operation's parameters: the dataset name first on the generic routes.
  auto params = [&](json list) {
    if (!generic) return list;
    json all = json::array({path_param("ds", "Dataset name (its table name)")});
    for (auto& p : list) all.push_back(std::move(p));
    return all;
  };
  json etag_header = {{"ETag", {{"description", "The stored record's version (SHA-256 of its canonical JSON); send it as If-Match"},
                                {"schema", {{"type", "string"}}}}}};
  json if_match = {{"name", "If-Match"}, {"in", "header"}, {"required", false},
                   {"description", "The ETag of the version replaced or deleted (or *); required on datasets "
                                   "listed in the server config's require_if_match"},
                   {"schema", {{"type", "string"}}}};
  json page = {{"type", "object"},
               {"required", {"records", "next"}},
               {"properties",
                {{"records", {{"type", "array"}, {"items", ref(schema)}}},
                 {"next", {{"type", "string"}, {"nullable", true}, {"description", "Cursor of the next page"}}}}}};
  json lr = with_errors({{"200", json_response("A page of records in key order", page)}}, false);
  lr["400"] = problem_response("Bad limit, cursor or filter");
  paths[base]["get"] = {
      {"summary", "List " + name + " records (" + record + ")"},
      {"operationId", "list_" + schema},
      {"tags", {"datasets"}},
      {"parameters", params(list_params(filters))},
      {"responses", lr}};
  json one = {{"description", "The record: canonical JSON, or its EBCDIC bytes"},
              {"content",
               {{"application/json", {{"schema", ref(schema)}}},
                {"application/octet-stream", {{"schema", {{"type", "string"}, {"format", "binary"}}}}}}}};
  one["headers"] = etag_header;
  json gr = with_errors({{"200", one}}, false);
  gr["404"] = problem_response("No record with this key");
  gr["400"] = problem_response("The key has the wrong number of parts");
  paths[base + "/{key}"]["get"] = {
      {"summary", "One " + name + " record by key (composite keys joined with commas)"},
      {"operationId", "get_" + schema},
      {"tags", {"datasets"}},
      {"parameters",
       params({path_param("key", "Key value; parts of a composite key joined with ',', a ',' or '%' inside a part "
                                 "written %2C or %25 (so %252C and %2525 in the URL)"),
               query_param("format", "json (default) or ebcdic (as Accept: application/octet-stream)",
                           {{"type", "string"}, {"enum", {"json", "ebcdic"}}}),
               decimals_param()})},
      {"responses", gr}};
  json body = {{"required", true}, {"content", {{"application/json", {{"schema", ref(schema)}}}}}};
  auto with_etag = [&](const char* what) {
    json r = json_response(what, ref(schema));
    r["headers"] = etag_header;
    return r;
  };
  json created = with_errors({{"201", with_etag("Created (Location names it)")}}, true);
  created["409"] = problem_response("A record with this key exists (keys compare as their columns store them: "
                                    "trailing spaces of text do not count)");
  paths[base]["post"] = {{"summary", "Create a " + name + " record (scope write:" + name + "; audited)"},
                         {"operationId", "create_" + schema}, {"tags", {"datasets"}},
                         {"parameters", params(json::array())},
                         {"requestBody", body}, {"responses", created}};
  auto conditional = [&](json responses) {
    responses["412"] = problem_response("If-Match names another version of the record (its current ETag is sent)");
    responses["428"] = problem_response("The dataset requires If-Match and none was sent");
    return responses;
  };
  json replaced = conditional(with_errors({{"200", with_etag("Replaced")}, {"201", with_etag("Created")}}, true));
  paths[base + "/{key}"]["put"] = {{"summary", "Create or replace a " + name + " record (audited)"},
                                   {"operationId", "put_" + schema}, {"tags", {"datasets"}},
                                   {"parameters", params({path_param("key", "Key value; must match the body's key"), if_match})},
                                   {"requestBody", body}, {"responses", replaced}};
  json deleted = conditional(with_errors({{"204", {{"description", "Deleted"}}}}, false));
  deleted["404"] = problem_response("No record with this key");
  paths[base + "/{key}"]["delete"] = {{"summary", "Delete a " + name + " record (audited)"},
                                      {"operationId", "delete_" + schema}, {"tags", {"datasets"}},
                                      {"parameters", params({path_param("key", "Key value"), if_match})},
                                      {"responses", deleted}};
  return paths;
}

}  // namespace mfb::rehost::detail
