#pragma once
// Several input files in one run: paths, folders and glob patterns expanded into the list of
// files a run reads, in the order that gives them their File_Id (0, 1, 2, ...).
//
// The rule is Cobrix's (its FileUtils.getFiles over Hadoop's globStatus): each pattern is a
// Hadoop glob (`*`, `?`, `[abc]`, `[^a]` or `[!a]`, `{a,b}`, `\` escapes; `*` and `?` never
// match `/`); each match that is a folder is listed one level deep, files only; names that
// start with `.` or `_` are hidden and skipped (in listings and glob matches, not when a
// file is named exactly); the files of one pattern come in sorted path order, patterns in
// the order given. A pattern that matches nothing is an error that names it.

#include <string>
#include <vector>

#include "mfb/ebcdic/result.hpp"

namespace mfb::bridge {

/// Tell whether `path` needs expanding: an existing folder, or (when no file of that name
/// exists) a text holding glob characters. "-" (stdin) and plain files do not.
bool names_several_files(const std::string& path);

/// Tell whether a file or folder name is hidden by Cobrix's rule (starts with `.` or `_`).
bool hidden_input_name(const std::string& name);

/// Match one path component against one Hadoop glob component (no `/`, braces expanded).
bool glob_component_matches(const std::string& pattern, const std::string& name);

/// Expand `{a,b}` alternatives (nested allowed) into whole patterns, in order.
std::vector<std::string> expand_braces(const std::string& pattern);

/// Expand each pattern into files by the rule above. An error names the pattern that
/// matches nothing (or a folder that holds no file) or that cannot be read.
result<std::vector<std::string>> expand_input_paths(const std::vector<std::string>& patterns);

}  // namespace mfb::bridge
