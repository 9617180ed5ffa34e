// YAML config loading. Unknown keys are errors (a typo such as `scope:` must not silently
// give a key no rights, or `max_body_byte:` silently keep the default).

#include "mfb/rehost/rest/config.hpp"

#include "mfb/rehost/jobs/mask_policy_file.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <initializer_list>
#include <set>
#include <sstream>

#include "mfb/rehost/rest/auth.hpp"
#include "rest/shared_key_config.hpp"
#include "rest/yaml_checks.hpp"

namespace mfb::rehost {

namespace {

using detail::check_keys;
using detail::where;

std::string read_size(const YAML::Node& n, const char* key, std::size_t& out) {
  auto v = n[key];
  if (!v) return {};
  long long x = 0;
  try {
    x = v.as<long long>();
  } catch (const YAML::Exception&) {
    return where(v) + std::string(key) + " must be a whole number";
  }
  if (x <= 0) return where(v) + std::string(key) + " must be positive";
  out = static_cast<std::size_t>(x);
  return {};
}

std::string read_keys(const YAML::Node& list, server_config& cfg) {
  if (!list.IsSequence()) return where(list) + "api_keys must be a list";
  for (const auto& k : list) {
    if (!k.IsMap()) return where(k) + "each api_keys entry must be a map";
    if (auto why = check_keys(k, {"name", "sha256", "scopes"}, "an api_keys entry"); !why.empty())
      return why;
    api_key key;
    if (!k["name"] || !k["name"].IsScalar()) return where(k) + "api key without a name";
    key.name = k["name"].as<std::string>();
    if (!k["sha256"] || !parse_digest(k["sha256"].as<std::string>(), key.sha256))
      return where(k) + "api key '" + key.name + "': sha256 must be 64 hex digits";
    auto scopes = k["scopes"];
    if (scopes && !scopes.IsSequence())
      return where(scopes) + "api key '" + key.name + "': scopes must be a list";
    if (scopes)
      for (const auto& s : scopes) key.scopes.push_back(s.as<std::string>());
    cfg.api_keys.push_back(std::move(key));
  }
  return {};
}

// require_if_match: [DS, ...] ("*": every dataset); openapi_schemas: readers | everyone.
std::string read_write_rules(const YAML::Node& root, server_config& cfg) {
  if (auto list = root["require_if_match"]) {
    if (!list.IsSequence()) return where(list) + "require_if_match must be a list of dataset names";
    for (const auto& n : list) {
      if (!n.IsScalar()) return where(n) + "require_if_match holds dataset names";
      cfg.require_if_match.push_back(n.as<std::string>());
    }
  }
  if (auto who = root["openapi_schemas"]) {
    std::string v = who.IsScalar() ? who.as<std::string>() : "";
    if (v != "readers" && v != "everyone")
      return where(who) + "openapi_schemas must be readers or everyone";
    cfg.public_schemas = v == "everyone";
  }
  return {};
}

// masking: {DATASET: POLICY.yaml}: each policy read and its secret loaded now, so that a
// missing secret stops the server before it listens.
std::string read_masking(const YAML::Node& map, const std::filesystem::path& base_dir, server_config& cfg) {
  if (!map.IsMap()) return where(map) + "masking must be a map of dataset names to policy files";
  for (const auto& kv : map) {
    if (!kv.second.IsScalar()) return where(kv.second) + "masking: a dataset names one policy file";
    std::filesystem::path p = kv.second.as<std::string>();
    if (p.is_relative() && !base_dir.empty()) p = base_dir / p;
    auto policy = load_mask_policy(p);
    if (!policy) return where(kv.second) + policy.err().message;
    if (policy->needs_secret())
      if (auto why = bridge::load_mask_secret(*policy); !why.empty()) return where(kv.second) + p.string() + ": " + why;
    auto run = std::make_shared<bridge::mask_run>();
    run->policy = std::move(*policy);
    cfg.masking[kv.first.as<std::string>()] = run;
  }
  return {};
}

}  // namespace

std::string server_config::validate() const {
  std::set<std::string> names;
  for (const auto& k : api_keys) {
    if (k.name.empty()) return "api key without a name";
    if (!names.insert(k.name).second) return "api key name '" + k.name + "' is used twice";
    for (const auto& s : k.scopes) {
      bool ok = s == "transform" || s.rfind("read:", 0) == 0 || s.rfind("write:", 0) == 0 ||
                s.rfind("read-masked:", 0) == 0;
      if (!ok || s == "read:" || s == "write:" || s == "read-masked:")
        return "api key '" + k.name + "': unknown scope '" + s +
               "' (read:DATASET, read-masked:DATASET, write:DATASET, read:*, read-masked:*, write:*, transform)";
    }
  }
  if (tls.enabled() && tls.private_key.empty()) return "tls: a certificate needs a private_key";
  if (!tls.enabled() && !tls.private_key.empty()) return "tls: a private_key needs a certificate";
  if (limits.max_body_bytes == 0 || limits.max_page_size == 0) return "limits must be positive";
  // The HTTP parser counts header bytes in 32 bits; a megabyte of headers is already absurd.
  if (limits.max_header_bytes > (std::size_t{1} << 20)) return "limits: max_header_bytes exceeds 1048576";
  if (limits.default_page_size > limits.max_page_size)
    return "limits: default_page_size exceeds max_page_size";
  return detail::check_shared_keys(*this);
}

bool server_config::if_match_required(std::string_view dataset) const {
  return std::any_of(require_if_match.begin(), require_if_match.end(),
                     [&](const std::string& d) { return d == "*" || d == dataset; });
}

result<server_config> parse_config(std::string_view yaml, const std::string& name,
                                   const std::filesystem::path& base_dir) {
  server_config cfg = server_config::defaults();
  auto fail = [&](const std::string& why) { return error{name + ": " + why}; };
  try {
    YAML::Node root = YAML::Load(std::string(yaml));
    if (root.IsNull()) return cfg;
    if (!root.IsMap()) return fail("the config must be a map");
    if (auto why = check_keys(root, {"api_keys", "tls", "limits", "require_if_match", "openapi_schemas",
                                     "shared_keys", "masking"},
                              "the config");
        !why.empty())
      return fail(why);
    if (auto why = read_write_rules(root, cfg); !why.empty()) return fail(why);
    if (auto why = detail::read_shared_keys(root["shared_keys"], cfg); !why.empty()) return fail(why);
    if (root["masking"])
      if (auto why = read_masking(root["masking"], base_dir, cfg); !why.empty()) return fail(why);
    if (root["api_keys"])
      if (auto why = read_keys(root["api_keys"], cfg); !why.empty()) return fail(why);
    if (auto tls = root["tls"]) {
      if (!tls.IsMap()) return fail(where(tls) + "tls must be a map");
      if (auto why = check_keys(tls, {"certificate", "private_key"}, "tls"); !why.empty())
        return fail(why);
      auto resolve = [&](const char* key) {
        if (!tls[key]) return std::string();
        std::filesystem::path p = tls[key].as<std::string>();
        return (p.is_relative() && !base_dir.empty() ? base_dir / p : p).string();
      };
      cfg.tls.certificate = resolve("certificate");
      cfg.tls.private_key = resolve("private_key");
    }
    if (auto lim = root["limits"]) {
      if (!lim.IsMap()) return fail(where(lim) + "limits must be a map");
      auto& l = cfg.limits;
      const std::pair<const char*, std::size_t*> sizes[] = {
          {"max_body_bytes", &l.max_body_bytes},
          {"max_page_size", &l.max_page_size},
          {"default_page_size", &l.default_page_size},
          {"max_header_bytes", &l.max_header_bytes},
          {"max_header_count", &l.max_header_count},
          {"max_connections", &l.max_connections},
          {"request_timeout_seconds", &l.request_timeout_seconds},
          {"idle_timeout_seconds", &l.idle_timeout_seconds}};
      if (auto why = check_keys(lim, {"max_body_bytes", "max_page_size", "default_page_size",
                                      "max_header_bytes", "max_header_count", "max_connections",
                                      "request_timeout_seconds", "idle_timeout_seconds"},
                                "limits");
          !why.empty())
        return fail(why);
      for (const auto& [key, field] : sizes)
        if (auto why = read_size(lim, key, *field); !why.empty()) return fail(why);
      if (!lim["default_page_size"])
        cfg.limits.default_page_size = std::min(cfg.limits.default_page_size, cfg.limits.max_page_size);
    }
  } catch (const YAML::Exception& e) {
    return fail(e.what());
  }
  if (auto why = cfg.validate(); !why.empty()) return fail(why);
  return cfg;
}

result<server_config> load_config(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return error{"cannot read the config " + file.string()};
  std::ostringstream text;
  text << in.rdbuf();
  return parse_config(text.str(), file.string(), file.parent_path());
}

}  // namespace mfb::rehost
