#pragma once
// The options every command that reads copybooks shares (layout, convert, delta, encode,
// inspect, ddl, load): which copybook and record, how the file is framed, how values are
// coded. One definition, so every command spells them alike and none lacks one.

#include <CLI/CLI.hpp>

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "copybook_source_options.hpp"
#include "field_text_options.hpp"
#include "mfb/bridge/codec/source_spec.hpp"
#include "mfb/bridge/io/framing_options.hpp"
#include "mfb/ebcdic/binary.hpp"
#include "mfb/ebcdic/floating.hpp"
#include "mfb/ebcdic/zoned.hpp"

namespace mfb::cli {

/// The shared options as typed on the command line (strings until finish time).
struct layout_args {
  std::vector<std::string> copybooks;
  copybook_source_args sources;  ///< --copybook-text, --copybook-format, --copybook-columns
  std::vector<std::string> include_dirs;
  std::string codepage = "cp037";
  bool cobrix = false;
  std::string recfm = "FB";
  std::string length_field;    ///< --length-field NAME (with --recfm LENGTH-FIELD)
  long long length_adjust = 0;  ///< --length-adjust N
  long long lrecl = 0;
  bool rdw_little_endian = false;
  bool rdw_excludes_header = false;
  std::string record;
  std::string float_format = "hfp";
  std::string zoned = "ebcdic";
  std::string trunc = "std";
  std::vector<std::string> raw;  ///< --raw F1,F2 (repeatable)
  bool allow_trailing_bytes = false;  ///< --allow-trailing-bytes (commands that read records)
  std::size_t skip_head = 0;            ///< --skip-head BYTES (a file header)
  std::size_t skip_tail = 0;            ///< --skip-tail BYTES (a file trailer)
  std::size_t record_start_offset = 0;  ///< --record-start-offset BYTES
  std::size_t record_end_offset = 0;    ///< --record-end-offset BYTES
  std::string record_header;            ///< --record-header SPEC (a declared header)
  long long rdw_adjust = 0;             ///< --rdw-adjust N (added to RDW lengths)
  std::size_t min_record_length = 0;    ///< --min-record-length BYTES (shorter: bad record)
  std::size_t max_record_length = 0;    ///< --max-record-length BYTES (longer: bad record)
  std::string bdw_order;                ///< --bdw-order be|le ("" = as the RDWs)
  long long bdw_adjust = 0;             ///< --bdw-adjust N (added to BDW lengths)
  bool keep_partial_last_record = false;  ///< --keep-partial-last-record (F, FB)
  std::string length_map;               ///< --length-map VALUE=LENGTH,... (LENGTH-FIELD)
  bool ascii = false;                   ///< --ascii (text_options.hpp)
  std::string ascii_charset = "UTF-8";  ///< --ascii-charset NAME
  std::string trim;                     ///< --trim none|left|right|both ("" = right)
  std::string trim_rule = "space";      ///< --trim-rule space|java
  bool improved_null_detection = false;  ///< --improved-null-detection
  std::string numeric_policy = "strict";  ///< --numeric-policy strict|lenient
  std::vector<std::string> occurs_maps;   ///< --occurs-map (occurs_map_option.hpp)
  field_text_args field_text;  ///< --field-codepage, --binary-text (text_options.hpp)
};

/// The help texts that differ between commands (reading or writing records).
struct layout_help {
  const char* recfm;
  const char* rdw_little_endian;
  const char* record;
};

/// What a command does with the record file: read it (convert, delta, inspect, load: they
/// also take the options that frame a file's bytes), or write or only describe it (encode,
/// ddl).
enum class file_use { reads, writes_or_describes };

/// The copybook argument, given first (`mfbridge CMD FILE.cpy`) or as --copybook FILE.cpy:
/// one option, so the help and the errors name it alike; the files must exist. Or the
/// copybook's text, --copybook-text (copybook_source_options.hpp).
void add_copybook_option(CLI::App& cmd, std::vector<std::string>& copybooks,
                         copybook_source_args& sources);

/// Add the shared options to `cmd`, bound to `a`: the copybook, code page and coding,
/// --recfm and its details (--length-field ...), and for `file_use::reads` --skip-head,
/// --skip-tail, --record-start-offset, --record-end-offset and --allow-trailing-bytes.
void add_layout_options(CLI::App& cmd, layout_args& a, const layout_help& help, file_use use);

/// Copy --lrecl, the RDW options and the file and record offsets into `framing`; return a
/// usage error or "".
std::string apply_framing_options(const layout_args& a, bridge::framing_options& framing);

/// The option strings as paths (copybooks, include folders).
std::vector<std::filesystem::path> as_paths(const std::vector<std::string>& names);

/// The layout-derived framing the arguments ask for (set `framing.format` first).
enum class layout_framing { none, length_field, odo };

/// Read --recfm, --length-field and --length-adjust into `framing`; `kind` says which
/// layout-derived framing is still to be resolved. Return a usage error or "".
std::string framing_format_of(const layout_args& a, bridge::framing_options& framing,
                              layout_framing& kind);

/// --float-format hfp|ieee.
ebcdic::float_format float_format_of(const layout_args& a);

/// --zoned ebcdic|ascii.
ebcdic::zoned_charset zoned_charset_of(const layout_args& a);

/// --trunc std|bin.
ebcdic::truncation truncation_of(const layout_args& a);

/// --raw, comma lists split: the items kept as their bytes.
std::vector<std::string> raw_fields_of(const layout_args& a);

/// Fill a source_spec's copybooks, include folders, code page, --cobrix, --record and
/// --occurs-map; return a usage error or "".
[[nodiscard]] std::string apply_copybook_options(const layout_args& l, bridge::source_spec& o);

/// Fill a source_spec from the shared reading options (convert, delta; encode and inspect
/// take the parts they use); return a usage error or "".
std::string apply_reading_options(const layout_args& l, bridge::source_spec& o);

/// --recfm auto (convert and load detect in the library): detect `input`'s framing for
/// `spec`, report the choice on stderr as "mfbridge COMMAND: --recfm auto chose ...", and
/// set it; "" when done or not asked for, else why not.
std::string detect_recfm(bridge::source_spec& spec, const std::string& input, const char* command);

/// The same for a command that frames from `l` itself (inspect): rewrite its --recfm,
/// --lrecl and RDW flags to the detected ones.
std::string detect_recfm(layout_args& l, const std::string& input, const char* command);

}  // namespace mfb::cli
