// The YAML form of a masking policy, read strictly: an unknown key or action stops the run
// before it reads a record, because a typo must never leave a field unmasked.

#include "mfb/rehost/jobs/mask_policy_file.hpp"

#include <yaml-cpp/yaml.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

namespace mfb::rehost {

namespace {

using bridge::mask_action;
using bridge::mask_rule;

struct policy_error {
  std::string message;
};

class policy_parser {
 public:
  policy_parser(std::string file, mask_policy_limits limits) : file_(std::move(file)), limits_(limits) {}

  [[noreturn]] void fail(const YAML::Mark& m, const std::string& why) const {
    throw policy_error{file_ + ":" + std::to_string(m.line + 1) + ":" + std::to_string(m.column + 1) + ": " + why};
  }

  std::string scalar(const YAML::Node& n, const std::string& what) const {
    if (!n.IsScalar()) fail(n.Mark(), what + " must be a single value");
    return n.Scalar();
  }

  void keys_of(const YAML::Node& map, const std::set<std::string>& allowed, const std::string& where) const {
    if (!map.IsMap()) fail(map.Mark(), where + " must be a map");
    for (const auto& kv : map) {
      auto key = scalar(kv.first, "a key");
      if (!allowed.count(key)) {
        std::string list;
        for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
        fail(kv.first.Mark(), "unknown key '" + key + "' in " + where + " (known: " + list + ")");
      }
    }
  }

  template <typename E, std::size_t N>
  E choice(const YAML::Node& n, const std::string& what, const std::pair<std::string_view, E> (&names)[N]) const {
    auto v = scalar(n, what);
    std::string list;
    for (const auto& [name, e] : names) {
      if (v == name) return e;
      list += (list.empty() ? "" : ", ") + std::string(name);
    }
    fail(n.Mark(), "unknown " + what + " '" + v + "' (one of: " + list + ")");
  }

  void rule(const YAML::Node& n, bridge::mask_policy& p) const {
    keys_of(n, {"match", "action", "fill", "format", "length", "to", "step"}, "a field rule");
    if (!n["match"]) fail(n.Mark(), "a field rule needs 'match' (a COBOL name, path or glob)");
    if (!n["action"]) fail(n.Mark(), "a field rule needs 'action'");
    static const std::pair<std::string_view, mask_action> actions[] = {
        {"keep", mask_action::keep}, {"drop", mask_action::drop}, {"redact", mask_action::redact},
        {"pseudonymise", mask_action::pseudonymise}, {"pseudonymize", mask_action::pseudonymise},
        {"generalise", mask_action::generalise}, {"generalize", mask_action::generalise}};
    static const std::pair<std::string_view, bridge::token_format> formats[] = {
        {"hex", bridge::token_format::hex}, {"nino", bridge::token_format::nino},
        {"digits", bridge::token_format::digits}, {"utr", bridge::token_format::digits},
        {"sort-code", bridge::token_format::digits}, {"account-number", bridge::token_format::digits}};
    static const std::pair<std::string_view, bridge::generalise_kind> kinds[] = {
        {"year", bridge::generalise_kind::year}, {"month", bridge::generalise_kind::month},
        {"band", bridge::generalise_kind::band}, {"round", bridge::generalise_kind::round}};
    mask_rule r;
    r.line = static_cast<std::size_t>(n.Mark().line) + 1;
    r.action = choice(n["action"], "action", actions);
    if (auto f = n["fill"]) {
      auto s = scalar(f, "fill");
      if (s.size() != 1) fail(f.Mark(), "fill must be one character");
      r.fill = s[0];
    }
    if (auto f = n["format"]) r.format = choice(f, "format", formats);
    if (auto l = n["length"]) {
      auto s = scalar(l, "length");
      if (s.empty() || s.size() > 3 || s.find_first_not_of("0123456789") != std::string::npos || std::stoul(s) == 0)
        fail(l.Mark(), "length must be a number of characters from 1 to 64");
      r.length = std::stoul(s);
    }
    if (auto t = n["to"]) r.kind = choice(t, "generalisation ('to')", kinds);
    if (auto s = n["step"]) r.step = scalar(s, "step");
    if (r.action == mask_action::generalise && !n["to"])
      fail(n.Mark(), "generalise needs 'to': year, month, band or round");
    const auto& m = n["match"];
    std::vector<std::string> patterns;
    if (m.IsSequence()) {
      for (const auto& item : m) patterns.push_back(scalar(item, "match"));
    } else {
      patterns.push_back(scalar(m, "match"));
    }
    for (auto& pattern : patterns) {
      if (p.rules.size() >= limits_.max_rules)
        fail(n.Mark(), "more than " + std::to_string(limits_.max_rules) + " field rules");
      r.pattern = pattern;
      p.rules.push_back(r);
    }
  }

  bridge::mask_policy parse(const YAML::Node& root) const {
    bridge::mask_policy p;
    p.file = file_;
    if (!root || root.IsNull()) throw policy_error{file_ + ": the policy is empty (it needs 'fields')"};
    keys_of(root, {"secret", "fields"}, "the policy");
    if (auto s = root["secret"]) {
      keys_of(s, {"env", "file"}, "secret");
      if (s["env"] && s["file"]) fail(s.Mark(), "secret takes 'env' or 'file', not both");
      if (s["env"]) p.secret_source.env = scalar(s["env"], "secret env");
      if (s["file"]) p.secret_source.file = scalar(s["file"], "secret file");
    }
    auto fields = root["fields"];
    if (!fields || !fields.IsSequence()) fail(root.Mark(), "the policy needs 'fields', a list of field rules");
    for (const auto& n : fields) rule(n, p);
    return p;
  }

 private:
  std::string file_;
  mask_policy_limits limits_;
};

}  // namespace

mfb::result<bridge::mask_policy> parse_mask_policy(std::string_view yaml, const std::filesystem::path& file,
                                                   mask_policy_limits limits) {
  if (yaml.size() > limits.max_bytes)
    return mfb::error{file.string() + ": the policy is larger than " + std::to_string(limits.max_bytes) + " bytes"};
  policy_parser parser(file.string(), limits);
  try {
    auto policy = parser.parse(YAML::Load(std::string(yaml)));
    if (auto why = policy.validate(); !why.empty()) return mfb::error{why};
    return policy;
  } catch (const policy_error& e) {
    return mfb::error{e.message};
  } catch (const YAML::Exception& e) {
    return mfb::error{file.string() + ":" + std::to_string(e.mark.line + 1) + ":" +
                      std::to_string(e.mark.column + 1) + ": " + e.msg};
  }
}

mfb::result<bridge::mask_policy> load_mask_policy(const std::filesystem::path& file, mask_policy_limits limits) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return mfb::error{file.string() + ": cannot read the masking policy"};
  std::string text(limits.max_bytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  return parse_mask_policy(text, file, limits);
}

}  // namespace mfb::rehost
