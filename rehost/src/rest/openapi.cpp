// The OpenAPI 3.0.3 document of the facade. Routes are written out here by hand (they are
// few and each needs its own words); record schemas come from the layouts.

#include <string>

#include "mfb/rehost/rest/openapi.hpp"
#include "rest/ui/openapi_inspector.hpp"

namespace mfb::rehost {

namespace {

using nlohmann::json;

json ref(const std::string& name) { return {{"$ref", "#/components/schemas/" + name}}; }

json problem_response(const char* what) {
  return {{"description", what},
          {"content", {{"application/problem+json", {{"schema", ref("Problem")}}}}}};
}

json json_response(const char* what, json schema) {
  return {{"description", what}, {"content", {{"application/json", {{"schema", std::move(schema)}}}}}};
}

// The error answers every protected route can give.
json with_errors(json responses, bool body) {
  responses["401"] = problem_response("No key, or an unknown key");
  responses["403"] = problem_response("The key lacks the scope");
  if (body) {
    responses["400"] = problem_response("Malformed JSON, unknown members, wrong types");
    responses["413"] = problem_response("The body exceeds limits.max_body_bytes");
    responses["415"] = problem_response("The body is not application/json");
    responses["422"] = problem_response("The copybook, the data or the value is invalid; `errors` lists every bad field");
  }
  return responses;
}

json common_schemas() {
  json s;
  s["ProblemField"] = {
      {"type", "object"},
      {"required", {"field", "reason"}},
      {"properties",
       {{"field", {{"type", "string"}, {"description", "Field path or request member"}}},
        {"reason", {{"type", "string"}}},
        {"value", {{"type", "string"}, {"description", "The value given, shortened"}}}}}};
  s["Problem"] = {
      {"type", "object"},
      {"description", "RFC 7807 problem details"},
      {"required", {"type", "title", "status"}},
      {"properties",
       {{"type", {{"type", "string"}}},
        {"title", {{"type", "string"}}},
        {"status", {{"type", "integer"}}},
        {"detail", {{"type", "string"}}},
        {"errors", {{"type", "array"}, {"items", ref("ProblemField")}}}}}};
  json layout_members = {
      {"copybook", {{"type", "string"}, {"description", "Copybook text (COPY statements are refused); required unless `dataset` is given"}}},
      {"dataset", {{"type", "string"}, {"description", "A dataset's name instead of a copybook: its layout, code page and select rules (needs read scope on it)"}}},
      {"codepage", {{"type", "string"}, {"default", "cp037"}, {"description", "EBCDIC code page name (see `mfbridge codepages`)"}}},
      {"record", {{"type", "string"}, {"description", "The 01 record, when the copybook has several"}}}};
  json decode = layout_members;
  decode["select"] = {{"type", "array"}, {"items", {{"type", "string"}}},
                      {"description", "Rules FIELD=VALUE:RECORD choosing the record from the data"}};
  decode["data"] = {{"type", "string"}, {"format", "byte"}, {"description", "The record bytes, base64"}};
  decode["decimals_as_strings"] = {{"type", "boolean"}, {"default", false}};
  decode["keep_trailing_spaces"] = {{"type", "boolean"}, {"default", false}};
  s["DecodeRequest"] = {{"type", "object"}, {"required", {"data"}},
                        {"additionalProperties", false}, {"properties", decode}};
  json encode = layout_members;
  encode["keep"] = {{"type", "array"}, {"items", {{"type", "string"}}},
                    {"description", "REDEFINES alternatives that win when the value holds several"}};
  encode["check_88"] = {{"type", "boolean"}, {"default", false},
                        {"description", "A field with 88 levels must hold one of their values"}};
  encode["value"] = {{"type", "object"}, {"description", "The canonical JSON record"}};
  s["EncodeRequest"] = {{"type", "object"}, {"required", {"value"}},
                        {"additionalProperties", false}, {"properties", encode}};
  s["EncodeResponse"] = {
      {"type", "object"},
      {"required", {"record", "length", "data"}},
      {"properties",
       {{"record", {{"type", "string"}}},
        {"length", {{"type", "integer"}, {"minimum", 0}}},
        {"data", {{"type", "string"}, {"format", "byte"}}}}}};
  return s;
}

json query_param(const char* name, const char* what, json schema);

json transform_paths() {
  json paths;
  json decode_ok = json_response("The canonical JSON record",
                                 {{"type", "object"}, {"additionalProperties", true}});
  decode_ok["headers"] = {{"X-Mfb-Record", {{"description", "The record decoded"}, {"schema", {{"type", "string"}}}}}};
  paths["/v1/transform/decode"]["post"] = {
      {"summary", "Decode EBCDIC record bytes into a canonical JSON record"},
      {"operationId", "transformDecode"},
      {"tags", {"transform"}},
      {"parameters",
       {query_param("dataset", "With raw bytes (application/octet-stream): the dataset whose layout decodes them",
                    {{"type", "string"}}),
        query_param("decimals", "With raw bytes: number (default) or string", {{"type", "string"}, {"enum", {"number", "string"}}})}},
      {"requestBody",
       {{"required", true},
        {"content",
         {{"application/json", {{"schema", ref("DecodeRequest")}}},
          {"application/octet-stream", {{"schema", {{"type", "string"}, {"format", "binary"}}}}}}}}},
      {"responses", with_errors({{"200", decode_ok}}, true)}};
  json encode_ok = {{"description", "The record bytes (JSON with base64, or raw with Accept: application/octet-stream)"},
                    {"content",
                     {{"application/json", {{"schema", ref("EncodeResponse")}}},
                      {"application/octet-stream", {{"schema", {{"type", "string"}, {"format", "binary"}}}}}}}};
  paths["/v1/transform/encode"]["post"] = {
      {"summary", "Encode a canonical JSON record into EBCDIC record bytes"},
      {"operationId", "transformEncode"},
      {"tags", {"transform"}},
      {"requestBody",
       {{"required", true}, {"content", {{"application/json", {{"schema", ref("EncodeRequest")}}}}}}},
      {"responses", with_errors({{"200", encode_ok}}, true)}};
  return paths;
}

json service_paths() {
  json paths;
  paths["/healthz"]["get"] = {
      {"summary", "Liveness"}, {"operationId", "healthz"}, {"tags", {"service"}},
      {"security", json::array()},
      {"responses",
       {{"200", json_response("The server and its database are up",
                              {{"type", "object"}, {"properties", {{"status", {{"type", "string"}}}}}})},
        {"503", problem_response("The database cannot be reached (file gone or unreadable, server down)")}}}};
  paths["/openapi.json"]["get"] = {
      {"summary", "This document (a dataset's record schema only for a key that may read it)"},
      {"operationId", "openapi"}, {"tags", {"service"}},
      {"security", json::array()},
      {"responses", {{"200", json_response("OpenAPI 3.0 document", {{"type", "object"}})}}}};
  paths["/metrics"]["get"] = {
      {"summary", "Prometheus metrics"}, {"operationId", "metrics"}, {"tags", {"service"}},
      {"security", json::array()},
      {"responses",
       {{"200", {{"description", "Prometheus text format 0.0.4"},
                 {"content", {{"text/plain", {{"schema", {{"type", "string"}}}}}}}}}}}};
  return paths;
}

std::string schema_name(const std::string& dataset) {
  std::string s;
  for (char c : dataset) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '-' || c == '_';
    s.push_back(ok ? c : '_');
  }
  return s;
}

json path_param(const char* name, const char* what) {
  return {{"name", name}, {"in", "path"}, {"required", true}, {"description", what},
          {"schema", {{"type", "string"}}}};
}

json query_param(const char* name, const char* what, json schema) {
  return {{"name", name}, {"in", "query"}, {"required", false}, {"description", what},
          {"schema", std::move(schema)}};
}

json decimals_param() {
  return query_param("decimals", "number (default) or string: decimals as JSON strings",
                     {{"type", "string"}, {"enum", {"number", "string"}}});
}

// /v1/datasets and /v1/datasets/{ds}: the same for every dataset.
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

}  // namespace

void add_parent_member(nlohmann::json& schema, const std::vector<openapi_filter>& parent_key,
                       decimal_form decimals) {
  json props = json::object(), required = json::array();
  for (const auto& f : parent_key) {
    props[f.name] = f.numeric && decimals == decimal_form::number ? json{{"type", "number"}} : json{{"type", "string"}};
    required.push_back(f.name);
  }
  schema["properties"]["_parent"] = {{"type", "object"},
                                     {"description", "The parent record's key (hierarchical file)"},
                                     {"required", required},
                                     {"additionalProperties", false},
                                     {"properties", props}};
}

nlohmann::json openapi_document(const std::vector<openapi_dataset>& datasets,
                                bool dataset_routes, const std::string& server_url) {
  json doc;
  doc["openapi"] = "3.0.3";
  doc["info"] = {{"title", "mfbridge REST facade"},
                 {"version", "0.1.0"},
                 {"description",
                  "Migrated mainframe datasets and EBCDIC message payloads over HTTP. Records are "
                  "canonical JSON records (keys are COBOL names; decimals exact)."}};
  if (!server_url.empty()) doc["servers"] = json::array({{{"url", server_url}}});
  doc["security"] = json::array({{{"bearer", json::array()}}});
  doc["tags"] = json::array({{{"name", "service"}}, {{"name", "transform"}}, {{"name", "datasets"}}, {{"name", "inspector"}}});
  json paths = service_paths();
  paths.update(transform_paths());
  paths.update(detail::ui_paths());
  if (dataset_routes) paths.update(dataset_paths()), paths.update(detail::inspector_paths());
  json schemas = common_schemas();
  for (const auto& d : datasets) {
    if (d.layout == nullptr) continue;
    std::string name = schema_name(d.name);
    schemas[name] = record_schema(*d.layout, decimal_form::number);
    schemas[name + ".strings"] = record_schema(*d.layout, decimal_form::string);
    mark_raw_fields(schemas[name], *d.layout, d.raw);
    mark_raw_fields(schemas[name + ".strings"], *d.layout, d.raw);
    if (!d.parent_key.empty()) {
      add_parent_member(schemas[name], d.parent_key, decimal_form::number);
      add_parent_member(schemas[name + ".strings"], d.parent_key, decimal_form::string);
    }
    if (dataset_routes) paths.update(record_paths(d.name, name, d.layout->name, d.filters));
  }
  if (dataset_routes) {
    // Any dataset's routes, whatever the caller may see (its schema stays generic).
    schemas["mfbridge.AnyRecord"] = {{"type", "object"}, {"description", "A canonical JSON record of the dataset"},
                         {"additionalProperties", true}};
    paths.update(record_paths("{ds}", "mfbridge.AnyRecord", "any record type", {}));
  }
  doc["paths"] = paths;
  doc["components"] = {{"schemas", schemas},
                       {"securitySchemes",
                        {{"bearer",
                          {{"type", "http"},
                           {"scheme", "bearer"},
                           {"description", "An API key from the server's config (stored there as SHA-256). Its scopes: "
                                          "read:DATASET or read:* (read), write:DATASET or write:* (write, and read), "
                                          "transform, and read-masked:DATASET or read-masked:* (list and get records "
                                          "only, every value passed through the masking policy the server config "
                                          "names for the dataset; filters are refused, and a dataset whose key is "
                                          "masked answers 403; docs/masking.md)"}}}}}};
  return doc;
}

}  // namespace mfb::rehost
