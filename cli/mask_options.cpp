// The --mask flags: policy and secret loaded, rules checked, report written (mask_options.hpp).

#include "mask_options.hpp"

#include <fstream>

#include "mfb/bridge/codec/open_code_page.hpp"
#include "mfb/rehost/jobs/mask_policy_file.hpp"

namespace mfb::cli {

void add_mask_options(CLI::App& cmd, mask_args& a) {
  cmd.add_option("--mask", a.policy,
                 "Masking policy (YAML): keep, drop, redact, pseudonymise or generalise fields "
                 "before any output is written (docs/masking.md)");
  cmd.add_option("--mask-report", a.report,
                 "With --mask: write what was done to every field, and the unmasked fields that "
                 "look personal, as JSON here");
}

std::string load_mask(mask_args& a) {
  if (a.policy.empty()) return a.report.empty() ? "" : "--mask-report needs --mask";
  auto policy = rehost::load_mask_policy(a.policy);
  if (!policy) return policy.err().message;
  if (policy->needs_secret())
    if (auto why = bridge::load_mask_secret(*policy); !why.empty()) return a.policy + ": " + why;
  a.run = std::make_shared<bridge::mask_run>();
  a.run->policy = std::move(*policy);
  return {};
}

std::string prepare_mask(mask_args& a, bridge::source_spec& spec, bridge::reporter& rep) {
  if (auto why = load_mask(a); !why.empty() || !a.run) return why;
  a.run->zoned_charset = spec.decode.zoned_charset;
  a.run->binary_trunc = spec.decode.binary_trunc;
  auto parsed = bridge::parse_copybooks(spec);
  auto page = bridge::open_code_page(spec.codepage);
  // A copybook or code page that does not open is reported by the run itself, in its words.
  if (parsed.ok() && page) {
    a.checked = bridge::check_mask_policy(*a.run, parsed.records, *page);
    if (!a.checked.errors.empty()) {
      std::string all;
      for (const auto& e : a.checked.errors) all += (all.empty() ? "" : "\n") + e;
      return all;
    }
    for (const auto& w : a.checked.unmatched_rules) rep.message(bridge::severity::warning, w);
  }
  spec.decode.mask = a.run;
  return {};
}

bool finish_mask(const mask_args& a, bridge::mask_report checked, bridge::reporter& rep) {
  if (!a.run) return true;
  checked.add_findings(*a.run->findings);
  rep.message(bridge::severity::info, checked.summary());
  for (const auto& e : checked.fields)
    for (const auto& why : e.flags)
      rep.message(bridge::severity::warning, e.field + " is not masked, but " + why);
  if (a.report.empty()) return true;
  std::ofstream out(a.report, std::ios::binary);
  out << checked.to_json();
  out.close();
  if (out) return true;
  rep.message(bridge::severity::error, a.report + ": cannot write the masking report");
  return false;
}

}  // namespace mfb::cli
