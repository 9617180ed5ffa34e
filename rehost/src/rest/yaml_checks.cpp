// YAML config checks shared by the config readers.

#include "rest/yaml_checks.hpp"

namespace mfb::rehost::detail {

std::string where(const YAML::Node& n) {
  auto m = n.Mark();
  if (m.line < 0) return {};
  return "line " + std::to_string(m.line + 1) + ": ";
}

std::string check_keys(const YAML::Node& n, std::initializer_list<const char*> allowed,
                       const std::string& what) {
  for (const auto& kv : n) {
    auto key = kv.first.as<std::string>();
    bool ok = false;
    for (const char* a : allowed) ok = ok || key == a;
    if (!ok) return where(kv.first) + "unknown key '" + key + "' in " + what;
  }
  return {};
}

}  // namespace mfb::rehost::detail
