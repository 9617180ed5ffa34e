#pragma once
// Diagnostics: a bad copybook is an expected outcome, reported as data, not thrown.

#include <string>
#include <vector>

namespace mfb::copybook {

/// Point at a place in a copybook source (1-based line and column).
struct source_location {
  std::string file;  ///< the file as named to the user (the COPY member's path for copied text)
  int line = 0;
  int column = 0;
};

enum class severity { error, warning, note };

/// Describe one problem in a copybook, with the source line it sits on.
struct diagnostic {
  severity level = severity::error;
  source_location where;
  std::string message;      ///< in words a COBOL programmer knows
  std::string source_line;  ///< the raw text of the line, for the caret display
};

/// Render as `file:line:column: error: message`, then the source line and a caret.
std::string to_string(const diagnostic& d);

/// Render every diagnostic, one block after another.
std::string to_string(const std::vector<diagnostic>& ds);

/// Tell whether any diagnostic is an error (warnings alone do not fail a parse).
bool has_errors(const std::vector<diagnostic>& ds);

}  // namespace mfb::copybook
