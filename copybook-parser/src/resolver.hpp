#pragma once
// The resolver: syntax tree -> record layouts. It builds the level hierarchy, interprets
// clauses, applies IBM's storage rules (sizes, SYNC slack, REDEFINES areas, OCCURS and
// ODO, RENAMES) and reports semantic errors as diagnostics. It never throws on bad input.

#include <string>
#include <vector>

#include "ast.hpp"
#include "logical_source.hpp"
#include "mfb/copybook/layout.hpp"
#include "mfb/copybook/limits.hpp"

namespace mfb::copybook::detail {

struct resolve_options {
  /// Name of the synthetic record wrapping items that appear before any 01 level
  /// (the file stem upper-cased, e.g. CUSTOMER for customer.cpy).
  std::string default_record_name = "RECORD";
  /// Accept Cobrix's extensions (BINARY over 18 digits, numbers over 31 digits, S in
  /// edited pictures) instead of rejecting them as IBM does.
  bool cobrix_extensions = false;
  /// Text items accepted as ODO objects (parse_options::text_odo_objects).
  std::vector<std::string> text_odo_objects;
  /// Largest record length and expanded item count (exceeding one is an error).
  layout_limits limits;
};

/// Turn parsed entries into record layouts; problems go to `diags`.
std::vector<record_layout> resolve(const std::vector<ast::entry>& entries,
                                   const logical_source& src, const resolve_options& opts,
                                   std::vector<diagnostic>& diags);

/// Parse every data description entry of `src` (the grammar driver). Syntax errors go to
/// `diags`; parsing resumes at the next period or level number, so all errors are reported.
std::vector<ast::entry> parse_entries(const logical_source& src, std::vector<diagnostic>& diags);

}  // namespace mfb::copybook::detail
