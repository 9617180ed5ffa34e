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
/// Each non-blank line is tried both ways; a line that makes sense only one way votes
/// for it (code in columns 1-7 votes free; sequence numbers or an indicator such as '-'
/// or 'D' in column 7 vote fixed). Ties go to fixed, IBM's only format.
source_format detect_source_format(const std::vector<std::string>& lines, int right_margin);

/// Keep only the code of `lines` (one file), joined into located text; each kept line
/// ends in '\n'. `format` must be fixed or free. Problems go to `diagnostics`.
located_text read_code_lines(const std::vector<std::string>& lines, int file_index,
                             const std::string& file_name, source_format format,
                             const parse_options& opts, std::vector<diagnostic>& diagnostics);

/// Read the code of one file in the format opts.format names, or detects when automatic.
located_text read_file_code(const source_file& file, int file_index, const parse_options& opts,
                            std::vector<diagnostic>& diagnostics);

}  // namespace mfb::copybook::detail
