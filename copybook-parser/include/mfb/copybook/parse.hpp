#pragma once
// Entry points: copybook text in, record layouts and diagnostics out.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "mfb/copybook/diagnostic.hpp"
#include "mfb/copybook/layout.hpp"
#include "mfb/copybook/limits.hpp"

namespace mfb::copybook {

enum class source_format { automatic, fixed, free };

/// A copybook or COPY member held in memory: its file name ("CUSTADDR.cpy") and its text.
struct source_text {
  std::string name;
  std::string text;
};

/// Options for reading copybooks; plain data with defaults.
struct parse_options {
  std::vector<std::filesystem::path> include_dirs;  ///< search path for COPY members (-I)
  source_format format = source_format::automatic;
  int fixed_right_margin = 72;   ///< last code column in fixed format
  /// Fixed format: columns 1 to N are the sequence area and N + 1 the indicator column; code
  /// runs from N + 2 to fixed_right_margin (IBM: 6, so 7 and 8-72). Another N only means
  /// something in fixed format, so `automatic` then reads fixed (Cobrix's comments_lbound).
  int fixed_sequence_area = 6;
  bool debug_lines = false;      ///< treat 'D' indicator lines as code (WITH DEBUGGING MODE)
  /// Accept Cobrix's extensions instead of rejecting them as IBM does: BINARY items of more
  /// than 18 digits (sized to the fewest bytes that hold them), numeric items of more than
  /// 31 digits, and S in numeric-edited pictures.
  bool cobrix_extensions = false;
  /// Text items (PIC X or A) accepted as OCCURS DEPENDING ON objects, by name (case and
  /// '-'/'_' ignored): their values are counted through a map (--occurs-map, Cobrix's
  /// occurs_mappings). IBM allows only integer objects; any other text object is refused.
  std::vector<std::string> text_odo_objects;
  /// Resolve COPY statements against the filesystem. Off for text from an untrusted client
  /// (a REST request): every COPY is then an error, reported before any file is looked up,
  /// so the answer is the same whether the member exists or not.
  bool allow_copy = true;
  /// COPY members held in memory. When not empty, COPY is resolved among these only (by file
  /// name, with the spellings and extensions a folder search tries), never on the
  /// filesystem: a dataset read from its catalog parses the same on every machine.
  std::vector<source_text> members;
  /// Record length and expanded item count beyond which a copybook is refused.
  layout_limits limits;

  static parse_options defaults() { return {}; }
};

/// The outcome of a parse: layouts when it worked, diagnostics in any case.
struct parse_result {
  std::vector<record_layout> records;
  std::vector<diagnostic> diagnostics;
  bool ok() const { return !has_errors(diagnostics); }
};

/// Parse one copybook file (COPY members resolved against its folder and include_dirs).
parse_result parse_copybook_file(const std::filesystem::path& file, const parse_options& opts = {});

/// Parse copybook text held in memory; `name` is used in diagnostics.
parse_result parse_copybook_text(std::string_view text, std::string name,
                                 const parse_options& opts = {});

/// Parse several copybook texts held in memory as one, in order; each text's name is used
/// in diagnostics (COPY members come from opts.members or opts.include_dirs).
parse_result parse_copybook_texts(const std::vector<source_text>& texts,
                                  const parse_options& opts = {});

/// Parse several copybook files as one: their records appended in order (--copybook repeated).
parse_result parse_copybook_files(const std::vector<std::filesystem::path>& files,
                                  const parse_options& opts = {});

}  // namespace mfb::copybook
