// The reconciliation report, for people (one line per mismatch, a verdict) and for tools.

#include <nlohmann/json.hpp>

#include "mfb/rehost/db/control_totals.hpp"

namespace mfb::rehost {

bool reconciliation::ok() const {
  for (const auto& l : lines)
    if (!l.ok) return false;
  return true;
}

std::string reconciliation::to_text() const {
  if (!performed) return "reconciliation: not performed\n";
  std::size_t bad = 0;
  std::string out;
  for (const auto& l : lines)
    if (!l.ok) {
      ++bad;
      out += "  MISMATCH " + l.what + ": expected " + l.expected + ", found " + l.actual + "\n";
    }
  std::string head = "reconciliation: " + std::to_string(lines.size()) + " figures checked, " +
                     (bad ? std::to_string(bad) + " MISMATCHED" : std::string("all match")) + "\n";
  return head + out;
}

std::string reconciliation::to_json() const {
  nlohmann::ordered_json j = {{"performed", performed}, {"ok", ok()}};
  auto& a = j["checks"] = nlohmann::ordered_json::array();
  for (const auto& l : lines)
    a.push_back({{"what", l.what}, {"expected", l.expected}, {"actual", l.actual}, {"ok", l.ok}});
  return j.dump();
}

}  // namespace mfb::rehost
