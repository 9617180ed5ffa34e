// The masking report: built from the policy and the layouts before a run, completed with
// what the run's sampling found.

#include "mfb/bridge/mask/mask_report.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <map>
#include <memory>

namespace mfb::bridge {

namespace cb = mfb::copybook;

namespace {

// Name parts that suggest a personal identifier (NI number, tax reference, names,
// addresses, dates of birth, bank details, contact details).
constexpr std::array<std::string_view, 21> personal_words = {
    "NINO", "UTR", "NAME", "SURNAME", "FORENAME", "ADDR", "DOB", "BIRTH", "SORT-CODE", "SORTCODE",
    "ACCOUNT", "ACCT", "IBAN", "POSTCODE", "POST-CODE", "PHONE", "TEL", "EMAIL", "MOBILE", "NI-NUMBER",
    "PASSPORT"};

std::string upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string detail_of(const mask_rule& r) {
  switch (r.action) {
    case mask_action::redact: return std::string("fill ") + r.fill;
    case mask_action::pseudonymise:
      return std::string(to_string(r.format)) + (r.format == token_format::hex && r.length ? " " + std::to_string(r.length) : "");
    case mask_action::generalise:
      return std::string(to_string(r.kind)) + (r.step.empty() ? "" : " " + r.step);
    default: return {};
  }
}

}  // namespace

mask_report check_mask_policy(const mask_run& run, const std::vector<cb::record_layout>& layouts,
                              const ebcdic::code_page& page) {
  mask_report rep;
  rep.policy = run.policy.file;
  std::vector<bool> used(run.policy.rules.size(), false);
  auto shared = std::make_shared<mask_run>(run);
  for (const auto& layout : layouts) {
    if (auto m = record_masker::compile(shared, layout, page); !m) rep.errors.push_back(m.err().message);
    for (const auto& t : mask_targets(run.policy, layout)) {
      const auto& f = layout.fields[static_cast<std::size_t>(t.field)];
      mask_field_entry e{layout.name, mask_field_label(layout, f), f.picture ? f.picture->text : "", "keep", {}, {}, 0, {}};
      if (t.rule >= 0) {
        const auto& r = run.policy.rules[static_cast<std::size_t>(t.rule)];
        used[static_cast<std::size_t>(t.rule)] = true;
        e.action = to_string(r.action);
        e.detail = detail_of(r);
        e.rule = r.pattern;
        e.line = r.line;
      }
      if (e.action == "keep") {
        std::string name = upper(f.name);
        for (auto w : personal_words)
          if (name.find(w) != std::string::npos) {
            e.flags.push_back("the name looks like a personal identifier (" + std::string(w) + ")");
            break;
          }
      }
      rep.fields.push_back(std::move(e));
    }
  }
  for (std::size_t r = 0; r < used.size(); ++r)
    if (!used[r])
      rep.unmatched_rules.push_back((run.policy.file.empty() ? std::string("the policy") : run.policy.file) + ":" +
                                    std::to_string(run.policy.rules[r].line) + ": rule '" +
                                    run.policy.rules[r].pattern + "' matches no field");
  return rep;
}

void mask_report::add_findings(const mask_findings& findings) {
  auto seen = findings.snapshot();
  for (auto& e : fields) {
    auto it = seen.find(e.field);
    if (it == seen.end()) continue;
    const auto& c = it->second;
    if (c.nino_like)
      e.flags.push_back(std::to_string(c.nino_like) + " of " + std::to_string(c.sampled) +
                        " sampled values look like a NINO");
    if (c.utr_like)
      e.flags.push_back(std::to_string(c.utr_like) + " of " + std::to_string(c.sampled) +
                        " sampled values look like a UTR (ten digits)");
  }
}

std::size_t mask_report::flagged() const {
  return static_cast<std::size_t>(std::count_if(fields.begin(), fields.end(), [](const auto& e) { return !e.flags.empty(); }));
}

std::string mask_report::summary() const {
  std::map<std::string, std::size_t> by_action;
  for (const auto& e : fields) ++by_action[e.action];
  std::string s = "mask: " + std::to_string(fields.size()) + " fields (";
  bool first = true;
  for (const auto& [action, n] : by_action) {
    s += (first ? "" : ", ") + std::to_string(n) + " " + action;
    first = false;
  }
  s += "), " + std::to_string(flagged()) + " unmasked field(s) flagged as personal, " +
       std::to_string(unmatched_rules.size()) + " rule(s) matching no field";
  return s;
}

std::string mask_report::to_json() const {
  nlohmann::ordered_json j;
  j["policy"] = policy;
  auto& list = j["fields"] = nlohmann::ordered_json::array();
  for (const auto& e : fields) {
    nlohmann::ordered_json f;
    f["record"] = e.record;
    f["field"] = e.field;
    f["picture"] = e.picture;
    f["action"] = e.action;
    if (!e.detail.empty()) f["detail"] = e.detail;
    if (!e.rule.empty()) {
      f["rule"] = e.rule;
      f["line"] = e.line;
    }
    f["flagged"] = !e.flags.empty();
    if (!e.flags.empty()) f["why_flagged"] = e.flags;
    list.push_back(std::move(f));
  }
  j["flagged"] = flagged();
  j["unmatched_rules"] = unmatched_rules;
  j["errors"] = errors;
  return j.dump(2) + "\n";
}

}  // namespace mfb::bridge
