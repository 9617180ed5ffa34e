// The policy model's checks, the glob match and the secret loading.

#include "mfb/bridge/mask/policy.hpp"

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "mfb/ebcdic/decimal.hpp"

namespace mfb::bridge {

namespace {

std::string where(const mask_policy& p, const mask_rule& r) {
  std::string at = p.file.empty() ? std::string("the policy") : p.file;
  if (r.line) at += ":" + std::to_string(r.line);
  return at + ": field rule '" + r.pattern + "'";
}

bool lower_equal(char a, char b) {
  return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
}

}  // namespace

bool mask_policy::needs_secret() const {
  for (const auto& r : rules)
    if (r.action == mask_action::pseudonymise) return true;
  return false;
}

std::string mask_policy::validate() const {
  for (const auto& r : rules) {
    if (r.pattern.empty()) return where(*this, r) + ": the field pattern is empty";
    if (r.action == mask_action::redact &&
        (static_cast<unsigned char>(r.fill) < 0x20 || static_cast<unsigned char>(r.fill) > 0x7e))
      return where(*this, r) + ": the fill must be one printable ASCII character";
    if (r.action == mask_action::pseudonymise && r.format == token_format::hex && r.length > 64)
      return where(*this, r) + ": a hex token has at most 64 characters";
    if (r.action != mask_action::generalise) continue;
    bool amount = r.kind == generalise_kind::band || r.kind == generalise_kind::round;
    if (!amount) continue;
    ebcdic::decimal d;
    if (r.step.empty() || ebcdic::parse_decimal(r.step, d) != ebcdic::decode_status::ok ||
        d.unscaled <= 0)
      return where(*this, r) + ": " + std::string(to_string(r.kind)) +
             " needs a positive decimal step (e.g. 1000 or 0.5)";
  }
  return {};
}

bool mask_glob_match(std::string_view pattern, std::string_view name) {
  // Iterative glob with one backtrack point: linear in practice, no recursion on hostile input.
  std::size_t p = 0, n = 0, star = std::string_view::npos, mark = 0;
  while (n < name.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || lower_equal(pattern[p], name[n]))) {
      ++p;
      ++n;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = n;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      n = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

std::string load_mask_secret(mask_policy& policy) {
  const auto& src = policy.secret_source;
  if (!src.file.empty()) {
    std::ifstream in(src.file, std::ios::binary);
    if (!in) return "the pseudonymisation secret file " + src.file + " cannot be read";
    std::ostringstream all;
    all << in.rdbuf();
    std::string s = all.str();
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
    if (s.empty()) return "the pseudonymisation secret file " + src.file + " is empty";
    policy.secret = std::move(s);
    return {};
  }
  const char* v = std::getenv(src.env.c_str());
  if (!v) return "the pseudonymisation secret variable " + src.env + " is not set";
  if (!*v) return "the pseudonymisation secret variable " + src.env + " is empty";
  policy.secret = v;
  return {};
}

std::string_view to_string(mask_action a) {
  switch (a) {
    case mask_action::keep: return "keep";
    case mask_action::drop: return "drop";
    case mask_action::redact: return "redact";
    case mask_action::pseudonymise: return "pseudonymise";
    case mask_action::generalise: return "generalise";
  }
  return "?";
}

std::string_view to_string(token_format f) {
  switch (f) {
    case token_format::hex: return "hex";
    case token_format::nino: return "nino";
    case token_format::digits: return "digits";
  }
  return "?";
}

std::string_view to_string(generalise_kind k) {
  switch (k) {
    case generalise_kind::year: return "year";
    case generalise_kind::month: return "month";
    case generalise_kind::band: return "band";
    case generalise_kind::round: return "round";
  }
  return "?";
}

}  // namespace mfb::bridge
