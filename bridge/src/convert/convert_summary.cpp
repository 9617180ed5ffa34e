// The run summary, for people (stderr) and for schedulers (--summary-json).

#include <nlohmann/json.hpp>

#include "mfb/bridge/convert/convert.hpp"

namespace mfb::bridge {

std::string convert_summary::to_text() const {
  char rate[64];
  double mbps = seconds > 0 ? static_cast<double>(bytes_read) / 1e6 / seconds : 0;
  std::snprintf(rate, sizeof rate, "%.3f s (%.1f MB/s)", seconds, mbps);
  std::string s = std::to_string(records_read) + " records read, " +
                  std::to_string(records_written) + " written, " +
                  std::to_string(records_rejected) + " rejected";
  if (records_filtered) s += ", " + std::to_string(records_filtered) + " filtered (--segment-filter)";
  if (!rejected_by_reason.empty()) {
    s += " (";
    bool first = true;
    for (const auto& [reason, n] : rejected_by_reason) {
      s += (first ? "" : ", ") + reason + ": " + std::to_string(n);
      first = false;
    }
    s += ")";
  }
  if (unknown_segments)
    s += ", " + std::to_string(unknown_segments) + " with a segment value in no --segment-id-level";
  if (alternative_errors) s += ", " + std::to_string(alternative_errors) + " null alternatives";
  if (null_numbers)
    s += ", " + std::to_string(null_numbers) + " bad numbers written as null (--numeric-policy lenient)";
  if (undescribed_records)
    s += ", " + std::to_string(undescribed_records) + " with " + std::to_string(undescribed_bytes) +
         " undescribed bytes passed over (--allow-trailing-bytes)";
  if (files.size() > 1) s += "; " + std::to_string(files.size()) + " files";
  s += "; " + std::to_string(bytes_read) + " bytes in " + rate + ", " + std::to_string(threads) +
       (threads == 1 ? " thread" : " threads");
  return s;
}

std::string convert_summary::to_json(int exit_code) const {
  nlohmann::ordered_json j;
  j["exit_code"] = exit_code;
  if (!message.empty()) j["message"] = message;
  j["records_read"] = records_read;
  j["records_written"] = records_written;
  j["records_rejected"] = records_rejected;
  j["records_filtered"] = records_filtered;
  j["unknown_segments"] = unknown_segments;
  j["rejected_by_reason"] = rejected_by_reason;
  j["written_by_type"] = written_by_type;
  j["alternative_errors"] = alternative_errors;
  j["null_numbers"] = null_numbers;
  nlohmann::ordered_json first = nlohmann::ordered_json::array();
  for (const auto& e : null_number_errors) first.push_back(nlohmann::ordered_json::parse(e));
  j["null_number_errors"] = first;
  j["undescribed_records"] = undescribed_records;
  j["undescribed_bytes"] = undescribed_bytes;
  j["bytes_read"] = bytes_read;
  j["seconds"] = seconds;
  j["mb_per_second"] = seconds > 0 ? static_cast<double>(bytes_read) / 1e6 / seconds : 0.0;
  j["threads"] = threads;
  if (!files.empty()) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& f : files)
      list.push_back({{"file", f.path}, {"file_id", f.file_id}, {"records_read", f.records_read},
                      {"records_written", f.records_written}, {"records_rejected", f.records_rejected},
                      {"records_filtered", f.records_filtered}, {"bytes_read", f.bytes_read}});
    j["files"] = list;
  }
  return j.dump();
}

}  // namespace mfb::bridge
