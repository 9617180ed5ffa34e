#pragma once
// Where a command's copybook comes from and how its lines are read: a file (given first or
// as --copybook) or the text itself (--copybook-text, Cobrix's copybook_contents), and the
// reference format (--copybook-format, --copybook-columns: Cobrix's truncate_comments,
// comments_lbound and comments_ubound).

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "mfb/bridge/codec/source_spec.hpp"
#include "mfb/copybook/parse.hpp"

namespace mfb::cli {

/// The copybook source options as typed.
struct copybook_source_args {
  std::vector<std::string> texts;  ///< --copybook-text TEXT (repeatable)
  std::string format = "auto";     ///< --copybook-format auto|fixed|free
  std::string columns;             ///< --copybook-columns SEQ:LAST ("" = 6:72)
};

/// The name an inline copybook has in diagnostics ("<copybook text>:3:12").
inline constexpr const char* inline_copybook_name = "<copybook text>";

/// Add the copybook (a FILE given first or as --copybook, repeatable) and --copybook-text,
/// one of which is required and which exclude each other, and --copybook-format and
/// --copybook-columns.
void add_copybook_sources(CLI::App& cmd, std::vector<std::string>& copybooks,
                          copybook_source_args& a);

/// The texts of --copybook-text as copybooks held in memory, in order.
std::vector<copybook::source_text> copybook_texts_of(const copybook_source_args& a);

/// Set the reference format the options name in parser options.
void apply_copybook_format(const copybook_source_args& a, copybook::parse_options& opts);

/// Set a source's copybook texts and reference format from the options.
void apply_copybook_sources(const copybook_source_args& a, bridge::source_spec& spec);

}  // namespace mfb::cli
