// Small builders shared by the parts of the OpenAPI document (openapi_parts.hpp).

#include "rest/openapi_parts.hpp"

namespace mfb::rehost::detail {

using nlohmann::json;

json ref(const std::string& name) { return {{"$ref", "#/components/schemas/" + name}}; }

json problem_response(const char* what) {
  return {{"description", what},
          {"content", {{"application/problem+json", {{"schema", ref("Problem")}}}}}};
}

json json_response(const char* what, json schema) {
  return {{"description", what}, {"content", {{"application/json", {{"schema", std::move(schema)}}}}}};
}

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

json path_param(const char* name, const char* what) {
  return {{"name", name}, {"in", "path"}, {"required", true}, {"description", what},
          {"schema", {{"type", "string"}}}};
}

json query_param(const char* name, const std::string& what, json schema) {
  return {{"name", name}, {"in", "query"}, {"required", false}, {"description", what},
          {"schema", std::move(schema)}};
}

json decimals_param() {
  return query_param("decimals", "number (default) or string: decimals as JSON strings",
                     {{"type", "string"}, {"enum", {"number", "string"}}});
}

}  // namespace mfb::rehost::detail
