#pragma once
// The options convert, encode and inspect share: which copybook and record, how the file is
// framed, how values are coded. One definition so the three commands spell them alike.

#include <CLI/CLI.hpp>

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "mfb/bridge/io/framing_options.hpp"
#include "mfb/ebcdic/binary.hpp"
#include "mfb/ebcdic/floating.hpp"
#include "mfb/ebcdic/zoned.hpp"

namespace mfb::cli {

/// The shared options as typed on the command line (strings until finish time).
struct layout_args {
  std::vector<std::string> copybooks;
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
};

/// The help texts that differ between commands (reading or writing records).
struct layout_help {
  const char* recfm;
  const char* rdw_little_endian;
  const char* record;
};

/// Add the shared options to `cmd`, bound to `a`.
void add_layout_options(CLI::App& cmd, layout_args& a, const layout_help& help);

/// Add --length-field and --length-adjust (with --recfm LENGTH-FIELD).
void add_length_field_options(CLI::App& cmd, layout_args& a);

/// Add --allow-trailing-bytes (commands that read records: convert, delta, ddl, load).
void add_trailing_bytes_option(CLI::App& cmd, layout_args& a);

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

/// Copy the shared reading options into a command's options (convert, delta: the same
/// field names); return a usage error or "".
template <typename Options>
std::string apply_reading_options(const layout_args& l, Options& o) {
  o.copybooks = as_paths(l.copybooks);
  o.include_dirs = as_paths(l.include_dirs);
  o.codepage = l.codepage;
  o.cobrix_extensions = l.cobrix;
  o.record_name = l.record;
  layout_framing kind = layout_framing::none;
  if (auto why = framing_format_of(l, o.framing, kind); !why.empty()) return why;
  if (kind == layout_framing::length_field) o.length_field = l.length_field;
  o.odo_framing = kind == layout_framing::odo;
  if (l.lrecl < 0) return "--lrecl must be positive";
  o.framing.lrecl = static_cast<std::size_t>(l.lrecl);
  o.framing.rdw_big_endian = !l.rdw_little_endian;
  o.framing.rdw_includes_header = !l.rdw_excludes_header;
  o.decode.float_format = float_format_of(l);
  o.decode.zoned_charset = zoned_charset_of(l);
  o.decode.binary_trunc = truncation_of(l);
  o.decode.raw_fields = raw_fields_of(l);
  o.decode.allow_trailing_bytes = l.allow_trailing_bytes;
  o.decode.fixed_length_records =
      o.framing.format == bridge::recfm::f || o.framing.format == bridge::recfm::fb;
  return {};
}

}  // namespace mfb::cli
