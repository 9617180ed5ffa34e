// shared_keys: [{name, path, datasets: {DATASET: FIELD}, normalise: [upper, no_spaces],
// max_records}]. Unknown keys are errors, as everywhere in the config.

#include "rest/shared_key_config.hpp"

#include <set>

#include "rest/yaml_checks.hpp"

namespace mfb::rehost::detail {

namespace {

bool name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

// A fixed path of plain segments: no template, query, escape or dot segment to confuse
// the router, and no trailing '/'.
bool plain_path(const std::string& p) {
  if (p.size() < 2 || p.front() != '/' || p.back() == '/' || p.find("//") != std::string::npos) return false;
  for (char c : p)
    if (!name_char(c) && c != '/' && c != '.') return false;
  return p.find("/.") == std::string::npos;
}

std::string read_normalise(const YAML::Node& n, shared_key& key) {
  if (!n) return {};
  if (!n.IsSequence()) return where(n) + "shared key '" + key.name + "': normalise must be a list (upper, no_spaces)";
  for (const auto& step : n) {
    std::string s = step.IsScalar() ? step.as<std::string>() : "";
    if (s == "upper") key.upper = true;
    else if (s == "no_spaces") key.no_spaces = true;
    else return where(step) + "shared key '" + key.name + "': unknown normalise step '" + s + "' (upper, no_spaces)";
  }
  return {};
}

std::string read_datasets(const YAML::Node& n, shared_key& key) {
  if (!n || !n.IsMap() || n.size() == 0)
    return where(n) + "shared key '" + key.name + "': datasets must map each dataset to its field";
  for (const auto& kv : n) {
    if (!kv.second.IsScalar() || kv.second.as<std::string>().empty())
      return where(kv.second) + "shared key '" + key.name + "': dataset '" + kv.first.as<std::string>() +
             "' needs a field name";
    key.datasets.emplace_back(kv.first.as<std::string>(), kv.second.as<std::string>());
  }
  return {};
}

std::string read_one(const YAML::Node& k, server_config& cfg) {
  if (!k.IsMap()) return where(k) + "each shared_keys entry must be a map";
  if (auto why = check_keys(k, {"name", "path", "datasets", "normalise", "max_records"}, "a shared_keys entry");
      !why.empty())
    return why;
  shared_key key;
  if (!k["name"] || !k["name"].IsScalar()) return where(k) + "shared key without a name";
  key.name = k["name"].as<std::string>();
  if (auto p = k["path"]) key.path = p.IsScalar() ? p.as<std::string>() : "";
  if (auto why = read_datasets(k["datasets"], key); !why.empty()) return why;
  if (auto why = read_normalise(k["normalise"], key); !why.empty()) return why;
  if (auto m = k["max_records"]) {
    long long x = 0;
    try {
      x = m.as<long long>();
    } catch (const YAML::Exception&) {
      x = 0;
    }
    if (x <= 0) return where(m) + "shared key '" + key.name + "': max_records must be a positive whole number";
    key.max_records = static_cast<std::size_t>(x);
  }
  cfg.shared_keys.push_back(std::move(key));
  return {};
}

}  // namespace

std::string read_shared_keys(const YAML::Node& list, server_config& cfg) {
  if (!list || list.IsNull()) return {};
  if (!list.IsSequence()) return where(list) + "shared_keys must be a list";
  for (const auto& k : list)
    if (auto why = read_one(k, cfg); !why.empty()) return why;
  return {};
}

std::string check_shared_keys(const server_config& cfg) {
  std::set<std::string> names, paths;
  for (const auto& k : cfg.shared_keys) {
    std::string who = "shared key '" + k.name + "'";
    if (k.name.empty()) return "shared key without a name";
    for (char c : k.name)
      if (!name_char(c)) return who + ": a name holds letters, digits, '_' and '-'";
    if (!names.insert(k.name).second) return who + " is declared twice";
    if (!plain_path(k.path))
      return who + ": path '" + k.path + "' must be /segment/... of letters, digits, '_', '-', '.'";
    if (!paths.insert(k.path).second) return who + ": path " + k.path + " serves another shared key";
    if (k.datasets.empty()) return who + ": no datasets";
    std::set<std::string> seen;
    for (const auto& [ds, field] : k.datasets)
      if (!seen.insert(ds).second) return who + ": dataset '" + ds + "' is named twice";
    if (k.max_records > cfg.limits.max_page_size)
      return who + ": max_records exceeds limits.max_page_size (" + std::to_string(cfg.limits.max_page_size) + ")";
  }
  return {};
}

}  // namespace mfb::rehost::detail
