#pragma once
// The parts of the OpenAPI document that several files build on: small JSON builders for
// responses and parameters, and the dataset routes (openapi_datasets.cpp).

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "mfb/rehost/rest/openapi.hpp"

namespace mfb::rehost::detail {

/// {"$ref": "#/components/schemas/NAME"}
nlohmann::json ref(const std::string& name);
/// A response whose body is an application/problem+json Problem.
nlohmann::json problem_response(const char* what);
/// A response whose application/json body has `schema`.
nlohmann::json json_response(const char* what, nlohmann::json schema);
/// `responses` with the error answers every protected route can give (and, with `body`,
/// those of a route that reads a JSON body).
nlohmann::json with_errors(nlohmann::json responses, bool body);
/// A required string path parameter.
nlohmann::json path_param(const char* name, const char* what);
/// An optional query parameter.
nlohmann::json query_param(const char* name, const std::string& what, nlohmann::json schema);
/// ?decimals=number|string
nlohmann::json decimals_param();

/// GET /v1/datasets and GET /v1/datasets/{ds}: the same for every dataset.
nlohmann::json dataset_paths();
/// The record routes of one dataset with its own record schema; `name` "{ds}" gives the
/// generic routes, for any dataset.
nlohmann::json record_paths(const std::string& name, const std::string& schema, const std::string& record,
                            const std::vector<openapi_filter>& filters);

}  // namespace mfb::rehost::detail
