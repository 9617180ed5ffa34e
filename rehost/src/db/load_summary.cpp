// The load's closing report: one paragraph for people, one JSON object for schedulers.

#include <nlohmann/json.hpp>

#include "mfb/rehost/db/load.hpp"

namespace mfb::rehost {

std::string load_summary::to_text() const {
  char buf[512];
  double mb = static_cast<double>(bytes_read) / 1e6;
  std::snprintf(buf, sizeof buf,
                "load: %llu records read, %llu loaded, %llu rejected%s; %.1f MB in %.2f s "
                "(%.1f MB/s, %.0f records/s)\n",
                static_cast<unsigned long long>(records_read),
                static_cast<unsigned long long>(records_loaded),
                static_cast<unsigned long long>(records_rejected),
                resumed_after ? (", resumed after record " + std::to_string(resumed_after)).c_str()
                              : "",
                mb, seconds, seconds > 0 ? mb / seconds : 0.0,
                seconds > 0 ? static_cast<double>(records_loaded) / seconds : 0.0);
  std::string out = buf;
  if (undescribed_records)
    out += "  " + std::to_string(undescribed_records) + " records with " +
           std::to_string(undescribed_bytes) +
           " undescribed bytes passed over (--allow-trailing-bytes)\n";
  for (const auto& [table, n] : rows_by_table)
    out += "  " + table + ": " + std::to_string(n) + " rows\n";
  out += recon.to_text();
  return out;
}

std::string load_summary::to_json(int exit_code) const {
  nlohmann::ordered_json j = {{"exit_code", exit_code},
                              {"message", message},
                              {"records_read", records_read},
                              {"records_loaded", records_loaded},
                              {"records_rejected", records_rejected},
                              {"resumed_after", resumed_after},
                              {"bytes_read", bytes_read},
                              {"undescribed_records", undescribed_records},
                              {"undescribed_bytes", undescribed_bytes},
                              {"seconds", seconds},
                              {"rows_by_table", rows_by_table},
                              {"reconciliation", nlohmann::ordered_json::parse(recon.to_json())}};
  return j.dump();
}

}  // namespace mfb::rehost
