// OpenAPI text for the inspector's routes; the shapes mirror inspector_routes.cpp.

#include "rest/ui/openapi_inspector.hpp"

namespace mfb::rehost::detail {

namespace {

using nlohmann::json;

json problem(const char* what) {
  return {{"description", what},
          {"content", {{"application/problem+json", {{"schema", {{"$ref", "#/components/schemas/Problem"}}}}}}}};
}

// A GET of the inspector: its answer, the errors every dataset route can give, and `more`.
json read_operation(const char* id, const char* summary, json params, json answer, json more = json::object()) {
  json responses = {{"200", {{"description", summary}, {"content", {{"application/json", {{"schema", std::move(answer)}}}}}}},
                    {"401", problem("No key, or an unknown key")},
                    {"403", problem("The key lacks the read scope")},
                    {"404", problem("No such dataset, or nothing to show")}};
  responses.update(more);
  return {{"summary", summary}, {"operationId", id}, {"tags", {"inspector"}},
          {"parameters", std::move(params)}, {"responses", std::move(responses)}};
}

json in_path() {
  return {{"name", "ds"}, {"in", "path"}, {"required", true}, {"description", "Dataset name"},
          {"schema", {{"type", "string"}}}};
}

json number_query(const char* name, const char* what, int least) {
  return {{"name", name}, {"in", "query"}, {"required", false}, {"description", what},
          {"schema", {{"type", "integer"}, {"minimum", least}}}};
}

json object_with(json properties) { return {{"type", "object"}, {"properties", std::move(properties)}}; }

json field_schema() {
  json text = {{"type", "string"}}, whole = {{"type", "integer"}};
  return object_with({{"path", text}, {"offset", whole}, {"length", whole}, {"type", text}, {"hex", text},
                      {"value", {{"type", "string"}, {"description", "The decoded value (absent when bad)"}}},
                      {"error", {{"type", "string"}, {"description", "Why the bytes are not a valid value"}}}});
}

}  // namespace

json ui_paths() {
  json paths;
  json page = {{"description", "The page or file"},
               {"content", {{"text/html", {{"schema", {{"type", "string"}}}}}}}};
  paths["/ui"]["get"] = {{"summary", "Redirect to /ui/"}, {"operationId", "uiRedirect"}, {"tags", {"inspector"}},
                         {"security", json::array()}, {"responses", {{"308", {{"description", "To /ui/"}}}}}};
  paths["/ui/"]["get"] = {{"summary", "The web inspector (no data: it asks for a key)"}, {"operationId", "uiPage"},
                          {"tags", {"inspector"}}, {"security", json::array()}, {"responses", {{"200", page}}}};
  paths["/ui/{file}"]["get"] = {
      {"summary", "A script or style sheet of the web inspector"}, {"operationId", "uiFile"}, {"tags", {"inspector"}},
      {"security", json::array()},
      {"parameters", {{{"name", "file"}, {"in", "path"}, {"required", true}, {"schema", {{"type", "string"}}}}}},
      {"responses", {{"200", page}, {"404", problem("No such file")}}}};
  return paths;
}

json inspector_paths() {
  json paths, any = {{"type", "object"}};
  paths["/v1/datasets/{ds}/layout"]["get"] = read_operation(
      "datasetLayout", "The record layout (items with offsets, REDEFINES, OCCURS, ODO) and its listing",
      {in_path()}, object_with({{"dataset", {{"type", "string"}}}, {"layout", any}, {"listing", {{"type", "string"}}}}));
  paths["/v1/datasets/{ds}/status"]["get"] = read_operation(
      "datasetStatus", "Row counts, the last load's control totals and the reconciliation now", {in_path()},
      object_with({{"table", {{"type", "string"}, {"description", "The main table, whose rows are the records"}}},
                   {"rows", any}, {"last_load", any}, {"reconciliation", any}}));
  paths["/v1/datasets/{ds}/rejects"]["get"] = read_operation(
      "datasetRejects", "The last load's rejected records with their reasons",
      {in_path(), number_query("limit", "At most this many (up to 1000)", 1)},
      object_with({{"rejected", {{"type", "integer"}}}, {"kept", {{"type", "boolean"}}},
                   {"rejects", {{"type", "array"}, {"items", any}}}}),
      {{"400", problem("A malformed limit")}});
  json fields = {{"type", "array"}, {"items", field_schema()}};
  paths["/v1/datasets/{ds}/inspect"]["get"] = read_operation(
      "inspectRecord", "One record of the load's input: its bytes, field boundaries, values and errors",
      {in_path(), number_query("record", "The record number (from 1)", 1),
       number_query("offset", "The record that starts at this byte of the file", 0),
       number_query("bad_after", "The first record after this number with a bad field", 0)},
      object_with({{"record", {{"type", "integer"}, {"nullable", true}}}, {"file_offset", {{"type", "integer"}}},
                   {"size", {{"type", "integer"}}}, {"layout", {{"type", "string"}}}, {"hex", {{"type", "string"}}},
                   {"bad_fields", {{"type", "integer"}}}, {"fields", fields}}),
      {{"400", problem("Not exactly one of record, offset, bad_after")},
       {"409", problem("The input file changed since the load")},
       {"422", problem("The input cannot be framed")}});
  paths["/v1/runs"]["get"] = read_operation(
      "listRuns", "The job run history, newest first, with each run's steps (scope read:*)",
      {number_query("limit", "At most this many runs (up to 200)", 1),
       {{"name", "job"}, {"in", "query"}, {"required", false}, {"schema", {{"type", "string"}}}}},
      object_with({{"runs", {{"type", "array"}, {"items", any}}}}), {{"400", problem("A malformed limit")}});
  paths["/v1/runs"]["get"]["responses"].erase("404");
  return paths;
}

}  // namespace mfb::rehost::detail
