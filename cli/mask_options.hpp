#pragma once
// --mask POLICY and --mask-report FILE, shared by convert, load, export and delta: the
// policy is read, its secret loaded and its rules checked against the copybooks before
// the run reads a record; the report is written after it.

#include <CLI/CLI.hpp>

#include <memory>
#include <string>

#include "mfb/bridge/codec/source_spec.hpp"
#include "mfb/bridge/io/outcome.hpp"
#include "mfb/bridge/mask/mask_report.hpp"
#include "mfb/bridge/mask/record_masker.hpp"

namespace mfb::cli {

struct mask_args {
  std::string policy;
  std::string report;
  std::shared_ptr<bridge::mask_run> run;  ///< set by prepare_mask when --mask is given
  bridge::mask_report checked;            ///< the fields and rules, before the run
};

void add_mask_options(CLI::App& cmd, mask_args& a);

/// Read the policy and its secret into a.run (nothing to do without --mask); "" or the
/// usage error (a policy error, a missing secret: the message names the variable or file).
std::string load_mask(mask_args& a);

/// load_mask, then check the rules against `spec`'s copybooks and set spec.decode.mask;
/// rules matching no field are warnings on `rep`.
std::string prepare_mask(mask_args& a, bridge::source_spec& spec, bridge::reporter& rep);

/// After the run: the summary line, and the JSON report when --mask-report was given.
/// `checked` is the report to write (a.checked unless the run built its own). False when
/// the report cannot be written.
bool finish_mask(const mask_args& a, bridge::mask_report checked, bridge::reporter& rep);

}  // namespace mfb::cli
