#pragma once
// The masking report: every field of every record layout and what the policy does to it,
// the rules that match nothing, and fields left unmasked whose name or sampled content
// looks like a personal identifier. It never holds a value or the secret.

#include <cstddef>
#include <string>
#include <vector>

#include "mfb/bridge/mask/record_masker.hpp"
#include "mfb/copybook/layout.hpp"
#include "mfb/ebcdic/code_page.hpp"

namespace mfb::bridge {

struct mask_field_entry {
  std::string record;
  std::string field;   ///< RECORD.PATH
  std::string picture;
  std::string action;  ///< keep, drop, redact, pseudonymise, generalise
  std::string detail;  ///< "nino", "hex 16", "year", "band 1000", "fill *" ...
  std::string rule;    ///< the pattern that matched ("" when no rule did)
  std::size_t line = 0;
  std::vector<std::string> flags;  ///< why an unmasked field looks personal
};

struct mask_report {
  std::string policy;
  std::vector<mask_field_entry> fields;
  std::vector<std::string> unmatched_rules;  ///< "FILE:LINE: rule 'X' matches no field" (warnings)
  std::vector<std::string> errors;           ///< rules that cannot apply (the run must not start)

  /// Add the findings of a run's sampling (content that looks like a NINO or a UTR).
  void add_findings(const mask_findings& findings);
  std::size_t flagged() const;
  /// One line: fields per action, flagged fields, rules matching nothing.
  std::string summary() const;
  std::string to_json() const;
};

/// Check `run.policy` against every layout (compiling it as the decoders will) and describe
/// every field; errors and unmatched rules are listed, not thrown.
mask_report check_mask_policy(const mask_run& run, const std::vector<copybook::record_layout>& layouts,
                              const ebcdic::code_page& page);

}  // namespace mfb::bridge
