#pragma once
// Reference format handling for one file: fixed (sequence area, indicator column, margin)
// or free, comments, debug lines, EJECT/SKIPn and continuation lines. COPY is not
// expanded here (see copy_expander.hpp).

#include <string>
#include <string_view>
#include <vector>

#include "located_text.hpp"
#include "mfb/copybook/diagnostic.hpp"
#include "mfb/copybook/parse.hpp"

namespace mfb::copybook::detail {

/// Tell whether a character is a fixed-format indicator (column 7) other than '$' or '>'.
inline bool is_indicator(char c) {
  return c == ' ' || c == '*' || c == '/' || c == '-' || c == 'D' || c == 'd';
}

/// Split file contents into lines as shown to the user: UTF-8 BOM, CR-LF and a DOS
/// end-of-file mark (0x1A) removed, tabs expanded to the next multiple of 8 columns.
/// Columns in every span refer to these expanded lines.
std::vector<std::string> split_source_lines(std::string_view raw);

/// Decide whether lines are in fixed or free reference format.
/// Each non-blank line before any >>SOURCE directive is tried both ways; a line that
/// makes sense only one way votes for it: sequence numbers or a '-'/'D' indicator vote
/// fixed; a level number and name within columns 1-6, or a line past column 80, vote
/// free. Code starting in column 7 votes neither (the fixed reader takes it as code).
/// Ties go to fixed, IBM's only format.
source_format detect_source_format(const std::vector<std::string>& lines, int right_margin);

/// Keep only the code of `lines` (one file), joined into located text; each kept line
/// ends in '\n'. `format` must be fixed or free. Problems go to `diagnostics`.
/// Fixed: columns 8 to the margin, column 7 an indicator (a character that is not one is
/// read as code). Free: the whole line; besides '*>' comments, a line whose first
/// non-blank is '*' is a comment (no data description starts with one, and copybooks
/// read as free often carry fixed-style '*' comments), and a literal continues onto the
/// next line when it ends in '-' and that line resumes it with a quote (ISO 2002).
located_text read_code_lines(const std::vector<std::string>& lines, int file_index,
                             const std::string& file_name, source_format format,
                             const parse_options& opts, std::vector<diagnostic>& diagnostics);

/// Read the code of one file in the format opts.format names, or detects when automatic.
located_text read_file_code(const source_file& file, int file_index, const parse_options& opts,
                            std::vector<diagnostic>& diagnostics);

}  // namespace mfb::copybook::detail
