// The OpenAPI 3.0.3 document of the facade. Routes are written out here by hand (they are
// few and each needs its own words); record schemas come from the layouts.

#include <string>

#include "mfb/rehost/rest/openapi.hpp"
#include "rest/openapi_parts.hpp"
#include "rest/ui/openapi_inspector.hpp"

namespace mfb::rehost {

namespace {

using nlohmann::json;
using namespace detail;  // the shared builders (openapi_parts.hpp)

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
