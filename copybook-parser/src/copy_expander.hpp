#pragma once
// COPY and REPLACE statements: members found on the search path, read in their own
// format, expanded recursively, REPLACING applied; then REPLACE over the result.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "located_text.hpp"
#include "logical_source.hpp"
#include "mfb/copybook/parse.hpp"

namespace mfb::copybook::detail {

/// COPY nesting deeper than this is reported (IBM sets no limit; 50 catches runaways).
inline constexpr int max_copy_depth = 50;

/// Find a COPY member: in each folder (the including file's first, then the include
/// dirs), try `lib/member` when a library is named, then `member`; each as given and in
/// upper and lower case, with no extension or .cpy .CPY .cob .COB .cbl .CBL .copy .COPY
/// .txt .TXT. Returns the first regular file found.
std::optional<std::filesystem::path> find_copy_member(
    const std::string& member, const std::string& library,
    const std::vector<std::filesystem::path>& folders);

/// Find a COPY member among texts held in memory: the first whose file name is the member
/// with the spellings and extensions find_copy_member tries; null when none is.
const source_text* find_memory_member(const std::string& member,
                                      const std::vector<source_text>& members);

/// Expand the COPY statements in `text` (read from a file in `including_dir`, or from
/// memory when that is empty). New member files are appended to `out.files`; problems go
/// to `out.diagnostics`. `chain` holds the canonical paths of the files being expanded.
located_text expand_copy_statements(const located_text& text,
                                    const std::filesystem::path& including_dir,
                                    const parse_options& opts, logical_source& out,
                                    std::vector<std::string>& chain);

/// Apply the REPLACE statements in `text` to the text that follows each, removing them.
located_text apply_replace_statements(const located_text& text, logical_source& out);

}  // namespace mfb::copybook::detail
