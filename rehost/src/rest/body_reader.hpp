#pragma once
// Reads the members of a JSON request body with their expected types, collecting every
// problem (wrong type, missing, unknown member) for one 400 answer instead of stopping at
// the first.

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "mfb/rehost/rest/problem.hpp"

namespace mfb::rehost::detail {

class body_reader {
 public:
  body_reader(const nlohmann::json& body, std::vector<problem_field>& errors)
      : body_(body), errors_(errors) {}

  /// A string member; reported when required and missing, or not a string.
  std::optional<std::string> string(const char* name, bool required = false);
  /// A boolean member (`fallback` when absent).
  bool boolean(const char* name, bool fallback = false);
  /// An array of strings (empty when absent).
  std::vector<std::string> strings(const char* name);
  /// Report every member not in `allowed`.
  void reject_unknown(std::initializer_list<const char*> allowed);

 private:
  const nlohmann::json& body_;
  std::vector<problem_field>& errors_;
};

/// Parse a JSON request body that must be an object. On failure return false with
/// `problem` set to a 400 answer that names the byte where parsing stopped.
bool parse_json_object(const std::string& text, nlohmann::json& out, http_response& problem);

}  // namespace mfb::rehost::detail
