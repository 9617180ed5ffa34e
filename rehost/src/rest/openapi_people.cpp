// OpenAPI for GET {path}/{key}: the parameters, the grouped answer, and when it is refused.

#include "rest/openapi_people.hpp"

#include "rest/openapi_parts.hpp"

#include <string>

namespace mfb::rehost::detail {

namespace {

using nlohmann::json;

json answer_schema() {
  json record = {{"type", "object"},
                 {"required", {"href", "record"}},
                 {"properties",
                  {{"href", {{"type", "string"}, {"description", "The record's own URL (GET /v1/datasets/{ds}/records/{key})"}}},
                   {"record", {{"type", "object"}, {"additionalProperties", true},
                               {"description", "The canonical JSON record, as the record's URL answers it"}}}}}};
  json group = {{"type", "object"},
                {"required", {"dataset", "href", "field", "records", "next"}},
                {"properties",
                 {{"dataset", {{"type", "string"}}},
                  {"href", {{"type", "string"}, {"description", "The dataset's URL"}}},
                  {"field", {{"type", "string"}, {"description", "The field holding the key in this dataset"}}},
                  {"records", {{"type", "array"}, {"items", record}}},
                  {"next", {{"type", "string"}, {"nullable", true},
                            {"description", "URL of this dataset's next records for the key (null: no more)"}}}}}};
  return {{"type", "object"},
          {"required", {"key", "datasets"}},
          {"properties",
           {{"key", {{"type", "string"}, {"description", "The key as compared (normalised)"}}},
            {"datasets", {{"type", "array"}, {"items", group},
                          {"description", "One group per dataset the key may read, in the config's order; "
                                          "a group's records may be empty"}}}}}};
}

}  // namespace

json people_paths(const server_config& config) {
  json paths = json::object();
  for (const auto& k : config.shared_keys) {
    std::size_t max = k.max_records ? k.max_records : config.limits.default_page_size;
    std::string norm = "Spaces at both ends are dropped";
    if (k.no_spaces) norm += ", and every other space";
    if (k.upper) norm += "; letters compare in upper case";
    json params = {
        {{"name", "key"}, {"in", "path"}, {"required", true}, {"schema", {{"type", "string"}, {"maxLength", 256}}},
         {"description", "The " + k.name + " value (any text: a pseudonymised token too). " + norm + "."}},
        query_param("limit", "Records per dataset, 1 to " + std::to_string(max) + " (the default)",
                    {{"type", "integer"}, {"minimum", 1}, {"maximum", max}}),
        query_param("dataset", "Only this dataset's group (one the key may read); needed with cursor", {{"type", "string"}}),
        query_param("cursor", "Where a group's `next` left off", {{"type", "string"}}),
        decimals_param()};
    json responses = {
        {"200", {{"description", "Every record holding the key, grouped by dataset; an unknown key gives empty groups"},
                 {"content", {{"application/json", {{"schema", answer_schema()}}}}}}},
        {"400", problem_response("The key is empty, over 256 bytes, not UTF-8 or holds a control character; or a bad "
                        "limit, dataset, cursor or decimals")},
        {"401", problem_response("No key, or an unknown key")},
        {"403", problem_response("The key may read none of this lookup's datasets")},
        {"404", problem_response("No such path (a key holding '/' must send it as %2F)")}};
    paths[k.path + "/{key}"]["get"] = {
        {"summary", "Every record about one " + k.name + ", across the datasets the key may read"},
        {"operationId", "people_" + k.name},
        {"tags", {"people"}},
        {"description", "Datasets the API key may not read are left out entirely: not queried, not named, "
                        "not counted."},
        {"parameters", params},
        {"responses", responses}};
  }
  return paths;
}

}  // namespace mfb::rehost::detail
