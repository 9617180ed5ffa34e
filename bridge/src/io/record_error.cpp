// Render record errors for people (stderr) and for programs (reject logs, one JSON object).

#include "mfb/bridge/io/record_error.hpp"

#include <nlohmann/json.hpp>

namespace mfb::bridge {

std::string record_error::to_string() const {
  std::string s = file + ": record " + std::to_string(record_number) + " (file offset " +
                  std::to_string(file_offset) + "): ";
  if (!field_path.empty()) {
    s += "field " + field_path + " at offset " + std::to_string(field_offset);
    if (field_length > 0)
      s += " (bytes " + std::to_string(field_offset) + "-" +
           std::to_string(field_offset + field_length - 1) + ")";
    s += ": ";
  }
  s += reason;
  if (!hex.empty()) s += ": " + hex;
  return s;
}

std::string record_error::to_json() const {
  nlohmann::ordered_json j;
  j["file"] = file;
  j["record"] = record_number;
  j["file_offset"] = file_offset;
  j["field"] = field_path;
  j["field_offset"] = field_offset;
  j["field_length"] = field_length;
  j["bytes"] = hex;
  j["reason"] = reason;
  if (lenient)
    j["lenient"] = true;
  else if (in_alternative)
    j["alternative"] = true;
  return j.dump();
}

}  // namespace mfb::bridge
