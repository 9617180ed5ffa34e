// Shared options of the commands that read copybooks; the choices are checked by CLI11, so
// the *_of functions only map a checked string to its enum.

#include "layout_options.hpp"

#include <cstdio>
#include <filesystem>
#include <system_error>

#include "exit_codes.hpp"
#include "occurs_map_option.hpp"
#include "text_options.hpp"
#include "mfb/bridge/codec/detect.hpp"
#include "mfb/bridge/io/framing_flags.hpp"
#include "mfb/bridge/io/record_header.hpp"

namespace mfb::cli {

namespace {

void add_length_field_options(CLI::App& cmd, layout_args& a) {
  cmd.add_option("--length-field", a.length_field,
                 "With --recfm LENGTH-FIELD: the copybook field (binary or zoned) holding the "
                 "record length");
  cmd.add_option("--length-adjust", a.length_adjust,
                 "With --recfm LENGTH-FIELD: added to the field's value to give the length");
}

void add_framing_flags(CLI::App& cmd, layout_args& a) {
  cmd.add_option("--record-header", a.record_header,
                 "A declared header before each record, instead of --recfm: "
                 "size=N,length=OFF:LEN[,order=be|le][,adjust=N][,includes-header]"
                 "[,valid=OFF:V|V...], or rdw / rdw-le (see README)");
  cmd.add_option("--rdw-adjust", a.rdw_adjust,
                 "Added to every RDW length (V, VB, VS, VBS) or to the length field "
                 "(LENGTH-FIELD); may be negative");
  cmd.add_option("--min-record-length", a.min_record_length,
                 "A framed record shorter than this is a bad record (--on-error)");
  cmd.add_option("--max-record-length", a.max_record_length,
                 "A framed record longer than this is a bad record (--on-error)");
  cmd.add_option("--bdw-order", a.bdw_order, "VB, VBS: the BDWs' byte order (default: as the RDWs)")
      ->check(CLI::IsMember({"be", "le"}));
  cmd.add_option("--bdw-adjust", a.bdw_adjust,
                 "VB, VBS: added to every BDW length (which counts the BDW itself); may be negative");
  cmd.add_flag("--keep-partial-last-record", a.keep_partial_last_record,
               "F, FB: a last record cut short by the end of the file is read as a short record "
               "(a bad record under --on-error) instead of stopping the read");
  cmd.add_option("--length-map", a.length_map,
                 "With --recfm LENGTH-FIELD: VALUE=LENGTH,... the record length for each value of "
                 "the length field (text, trimmed, or a whole number); an unlisted value stops "
                 "the read");
}

void add_reading_options(CLI::App& cmd, layout_args& a) {
  cmd.add_option("--skip-head", a.skip_head, "Leading bytes of the file to ignore (a file header)");
  cmd.add_option("--skip-tail", a.skip_tail,
                 "Trailing bytes of the file to ignore (a file trailer)");
  cmd.add_option("--record-start-offset", a.record_start_offset,
                 "Bytes to drop at the start of each framed record");
  cmd.add_option("--record-end-offset", a.record_end_offset,
                 "Bytes to drop at the end of each framed record");
  add_framing_flags(cmd, a);
  cmd.add_flag("--allow-trailing-bytes", a.allow_trailing_bytes,
               "Accept records longer than their layout describes (an RDW, line or length "
               "field past the last field, an ODO count that ends the record early): the extra "
               "bytes are passed over and counted in the summary, instead of making the record "
               "bad");
}

}  // namespace

void add_copybook_option(CLI::App& cmd, std::vector<std::string>& copybooks,
                         copybook_source_args& sources) {
  add_copybook_sources(cmd, copybooks, sources);
}

void add_layout_options(CLI::App& cmd, layout_args& a, const layout_help& help, file_use use) {
  add_copybook_option(cmd, a.copybooks, a.sources);
  cmd.add_option("-I,--include", a.include_dirs, "Folder searched for COPY members");
  auto* codepage = cmd.add_option("--codepage", a.codepage,
                                  "EBCDIC code page (see `mfbridge codepages`) or a 256-entry "
                                  "table file")
                       ->capture_default_str();
  cmd.add_flag("--cobrix", a.cobrix,
               "Accept Cobrix extensions (BINARY over 18 digits, numbers over 31 digits, S in "
               "edited pictures)");
  cmd.add_option("--recfm", a.recfm, help.recfm)->capture_default_str();
  cmd.add_option("--lrecl", a.lrecl, "Record length for F/FB (default: the record's length)");
  cmd.add_flag("--rdw-little-endian", a.rdw_little_endian, help.rdw_little_endian);
  cmd.add_flag("--rdw-excludes-header", a.rdw_excludes_header,
               "RDW lengths do not count the 4-byte RDW itself");
  cmd.add_option("--record", a.record, help.record);
  cmd.add_option("--float-format", a.float_format, "COMP-1/COMP-2 format")
      ->check(CLI::IsMember({"hfp", "ieee"}))
      ->capture_default_str();
  auto* zoned =
      cmd.add_option("--zoned", a.zoned, "Zoned decimal digits: ebcdic (F0-F9) or ascii (30-39)")
          ->check(CLI::IsMember({"ebcdic", "ascii"}))
          ->capture_default_str();
  add_ascii_options(cmd, a, codepage, zoned);
  cmd.add_option("--trunc", a.trunc, "Binary limits: std (picture digits) or bin (full range)")
      ->check(CLI::IsMember({"std", "bin"}))
      ->capture_default_str();
  cmd.add_option("--raw", a.raw,
                 "Elementary items kept as their bytes: hex text, BYTEA/BLOB columns "
                 "(comma-separated COBOL names, repeatable)");
  add_length_field_options(cmd, a);
  add_occurs_map_option(cmd, a.occurs_maps);
  if (use == file_use::reads) add_reading_options(cmd, a);
}

std::vector<std::string> raw_fields_of(const layout_args& a) {
  std::vector<std::string> out;
  for (const auto& text : a.raw)
    for (std::size_t at = 0; at <= text.size();) {
      auto comma = std::min(text.find(',', at), text.size());
      if (comma > at) out.push_back(text.substr(at, comma - at));
      at = comma + 1;
    }
  return out;
}

std::vector<std::filesystem::path> as_paths(const std::vector<std::string>& names) {
  return {names.begin(), names.end()};
}

std::string framing_format_of(const layout_args& a, bridge::framing_options& framing,
                              layout_framing& kind) {
  kind = layout_framing::none;
  if (a.recfm == "ODO" || a.recfm == "odo") {
    kind = layout_framing::odo;
    framing.format = bridge::recfm::custom;
  } else {
    auto fmt = bridge::parse_recfm(a.recfm);
    if (!fmt || *fmt == bridge::recfm::custom)
      return "unknown --recfm " + a.recfm + " (F, FB, V, VB, VS, VBS, TEXT, LENGTH-FIELD, ODO)";
    framing.format = *fmt;
  }
  if (framing.format == bridge::recfm::length_field) {
    if (a.length_field.empty()) return "--recfm LENGTH-FIELD needs --length-field NAME";
    kind = layout_framing::length_field;
    framing.length_adjust = a.length_adjust;
  } else if (!a.length_field.empty() || a.length_adjust != 0) {
    return "--length-field and --length-adjust need --recfm LENGTH-FIELD";
  }
  return {};
}

ebcdic::float_format float_format_of(const layout_args& a) {
  return a.float_format == "ieee" ? ebcdic::float_format::ieee_big : ebcdic::float_format::ibm_hex;
}

ebcdic::zoned_charset zoned_charset_of(const layout_args& a) {
  return a.ascii || a.zoned == "ascii" ? ebcdic::zoned_charset::ascii
                                       : ebcdic::zoned_charset::ebcdic;
}

ebcdic::truncation truncation_of(const layout_args& a) {
  return a.trunc == "bin" ? ebcdic::truncation::binary : ebcdic::truncation::standard;
}

std::string apply_framing_options(const layout_args& a, bridge::framing_options& framing) {
  if (a.lrecl < 0) return "--lrecl must be positive";
  framing.lrecl = static_cast<std::size_t>(a.lrecl);
  framing.rdw_big_endian = !a.rdw_little_endian;
  framing.rdw_includes_header = !a.rdw_excludes_header;
  framing.skip_head = a.skip_head;
  framing.skip_tail = a.skip_tail;
  framing.record_start_offset = a.record_start_offset;
  framing.record_end_offset = a.record_end_offset;
  if (auto why = bridge::set_record_header(framing, a.record_header); !why.empty()) return why;
  if (auto why = bridge::set_bdw_options(framing, a.bdw_order, a.bdw_adjust); !why.empty()) return why;
  if (auto why = bridge::set_keep_partial_last_record(framing, a.keep_partial_last_record); !why.empty())
    return why;
  if (auto why = bridge::set_length_map(framing, a.length_map); !why.empty()) return why;
  return bridge::set_rdw_adjust(framing, a.rdw_adjust);
}

std::string apply_copybook_options(const layout_args& l, bridge::source_spec& o) {
  o.copybooks = as_paths(l.copybooks);
  apply_copybook_sources(l.sources, o);
  o.include_dirs = as_paths(l.include_dirs);
  o.codepage = codepage_of(l);
  o.cobrix_extensions = l.cobrix;
  o.record_name = l.record;
  return occurs_map_of(l.occurs_maps, o.decode.occurs);
}

std::string apply_reading_options(const layout_args& l, bridge::source_spec& o) {
  if (auto why = apply_copybook_options(l, o); !why.empty()) return why;
  layout_framing kind = layout_framing::none;
  // --recfm auto: the library detects the framing from the input before reading it.
  o.detect_framing = l.recfm == "auto" || l.recfm == "AUTO";
  layout_args framed = l;
  if (o.detect_framing) framed.recfm = "FB";
  if (auto why = framing_format_of(framed, o.framing, kind); !why.empty()) return why;
  if (kind == layout_framing::length_field) o.length_field = l.length_field;
  o.odo_framing = kind == layout_framing::odo;
  if (auto why = apply_framing_options(l, o.framing); !why.empty()) return why;
  o.decode.float_format = float_format_of(l);
  o.decode.zoned_charset = zoned_charset_of(l);
  o.decode.binary_trunc = truncation_of(l);
  o.decode.cobrix_numbers = l.cobrix;
  o.decode.raw_fields = raw_fields_of(l);
  o.decode.allow_trailing_bytes = l.allow_trailing_bytes;
  o.decode.min_record_length = l.min_record_length;
  o.decode.max_record_length = l.max_record_length;
  if (auto why = apply_text_options(l, o.decode); !why.empty()) return why;
  o.decode.fixed_length_records =
      o.framing.format == bridge::recfm::f || o.framing.format == bridge::recfm::fb;
  return {};
}

std::string detect_recfm(bridge::source_spec& spec, const std::string& input, const char* command) {
  if (!spec.detect_framing) return {};
  file_reporter rep(command, stderr);
  return bridge::apply_detected_framing(spec, input, true, rep);
}

std::string detect_recfm(layout_args& l, const std::string& input, const char* command) {
  if (l.recfm != "auto" && l.recfm != "AUTO") return {};
  bridge::source_spec spec;
  if (auto why = apply_copybook_options(l, spec); !why.empty()) return why;
  spec.detect_framing = true;
  if (auto why = detect_recfm(spec, input, command); !why.empty()) return why;
  const auto& f = spec.framing;
  if (f.skip_head != 0 || f.skip_tail != 0)
    return "--recfm auto found a " + std::to_string(f.skip_head) + "-byte header and a " +
           std::to_string(f.skip_tail) + "-byte trailer: give --recfm " +
           std::string(bridge::to_string(f.format)) + " and --offset yourself";
  l.recfm = std::string(bridge::to_string(f.format));
  l.lrecl = static_cast<long long>(f.lrecl);
  l.rdw_little_endian = !f.rdw_big_endian;
  l.rdw_excludes_header = !f.rdw_includes_header;
  return {};
}

}  // namespace mfb::cli
