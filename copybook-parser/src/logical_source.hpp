#pragma once
// The copybook after source-format handling and COPY expansion: one stream of code text
// that the grammar parses, plus a map from every offset back to where it was written.
//
// Contract between the source reader / COPY expander (which build it) and the grammar
// and resolver (which consume it):
//  - `text` holds only code: sequence area, indicator column, columns past the right
//    margin, comment lines, *> comments, debug lines (unless enabled), EJECT/SKIPn and
//    COPY statements are gone; COPY members are inlined with REPLACING applied.
//  - Each source line that holds code contributes its code followed by '\n' (blank and
//    comment lines contribute nothing). A continued literal or word is joined into one on
//    the first line's text; the joined line ends in one '\n', mapped to the end of the
//    last continuation line.
//  - Separators are kept as written (the grammar skips whitespace, commas and semicolons
//    used as separators).

#include <cstddef>
#include <string>
#include <vector>

#include "mfb/copybook/diagnostic.hpp"
#include "mfb/copybook/parse.hpp"

namespace mfb::copybook::detail {

/// A run of `text` that came from one place in one source file, column by column.
struct source_span {
  std::size_t text_offset = 0;  ///< where the run starts in logical_source::text
  std::size_t length = 0;
  int file_index = 0;           ///< into logical_source::files
  int line = 0;                 ///< 1-based
  int column = 0;               ///< 1-based column of the run's first character
};

struct source_file {
  std::string name;                ///< as shown in diagnostics
  std::vector<std::string> lines;  ///< raw lines, for the caret display
};

struct logical_source {
  std::string text;
  std::vector<source_span> spans;   ///< sorted by text_offset, covering every code character
  std::vector<source_file> files;   ///< [0] is the main copybook
  std::vector<diagnostic> diagnostics;  ///< format and COPY problems (missing member, ...)

  /// Map an offset in `text` to file:line:column plus the raw source line.
  source_location locate(std::size_t text_offset) const;
  std::string line_at(const source_location& where) const;
  /// Build a diagnostic pointing at an offset in `text`.
  diagnostic make_diagnostic(std::size_t text_offset, std::string message,
                             severity level = severity::error) const;
};

/// Read a copybook file: detect the format, strip what is not code, expand COPY.
logical_source read_copybook_file(const std::string& path, const parse_options& opts);

/// The same for text in memory; `name` is used in diagnostics, and COPY members are
/// searched in opts.include_dirs only.
logical_source read_copybook_text(const std::string& text, const std::string& name,
                                  const parse_options& opts);

}  // namespace mfb::copybook::detail
