// `mfbridge convert`: mainframe records -> JSON Lines or CSV. Only option parsing lives
// here; the work is mfb::bridge::run_convert.

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "commands.hpp"
#include "mfb/bridge/convert.hpp"

namespace mfb::cli {

namespace {

struct convert_args {
  bridge::convert_options opts;
  std::vector<std::string> copybooks;
  std::vector<std::string> include_dirs;
  std::string recfm = "FB";
  std::string format = "jsonl";
  std::string on_error = "fail";
  std::string float_format = "hfp";
  std::string zoned = "ebcdic";
  std::string trunc = "std";
  long long lrecl = 0;
  bool rdw_little_endian = false;
  bool rdw_excludes_header = false;
  bool no_progress = false;
};

// Turn the parsed strings into options; return a usage error or "".
std::string finish(convert_args& a) {
  auto& o = a.opts;
  for (const auto& c : a.copybooks) o.copybooks.emplace_back(c);
  for (const auto& d : a.include_dirs) o.include_dirs.emplace_back(d);
  auto fmt = bridge::parse_recfm(a.recfm);
  if (!fmt) return "unknown --recfm " + a.recfm + " (F, FB, V, VB, VS, VBS, TEXT)";
  o.framing.format = *fmt;
  if (a.lrecl < 0) return "--lrecl must be positive";
  o.framing.lrecl = static_cast<std::size_t>(a.lrecl);
  o.framing.rdw_big_endian = !a.rdw_little_endian;
  o.framing.rdw_includes_header = !a.rdw_excludes_header;
  o.decode.format = a.format == "csv" ? bridge::output_format::csv : bridge::output_format::jsonl;
  o.on_error = *bridge::parse_error_policy(a.on_error);
  o.decode.float_format = a.float_format == "ieee" ? ebcdic::float_format::ieee_big
                                                   : ebcdic::float_format::ibm_hex;
  o.decode.zoned_charset =
      a.zoned == "ascii" ? ebcdic::zoned_charset::ascii : ebcdic::zoned_charset::ebcdic;
  o.decode.binary_trunc = a.trunc == "bin" ? ebcdic::truncation::binary
                                           : ebcdic::truncation::standard;
  o.progress = !a.no_progress;
  return o.validate();
}

}  // namespace

void add_convert_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("convert", "Convert mainframe records to JSON Lines or CSV");
  auto a = std::make_shared<convert_args>();
  auto& o = a->opts;
  cmd->add_option("--copybook", a->copybooks, "Copybook file (repeatable)")->required();
  cmd->add_option("-I,--include", a->include_dirs, "Folder searched for COPY members");
  cmd->add_option("--input", o.input, "Input file, or - for stdin")->capture_default_str();
  cmd->add_option("--codepage", o.codepage,
                  "EBCDIC code page (see `mfbridge codepages`) or a 256-entry table file")
      ->capture_default_str();
  cmd->add_option("--recfm", a->recfm, "Record format: F, FB, V, VB, VS, VBS, TEXT")
      ->capture_default_str();
  cmd->add_option("--lrecl", a->lrecl, "Record length for F/FB (default: the record's length)");
  cmd->add_option("--record-start-offset", o.framing.record_start_offset,
                  "Bytes to drop at the start of each framed record");
  cmd->add_option("--record-end-offset", o.framing.record_end_offset,
                  "Bytes to drop at the end of each framed record");
  cmd->add_option("--skip-head", o.framing.skip_head,
                  "Leading bytes of the file to ignore (a file header)");
  cmd->add_option("--skip-tail", o.framing.skip_tail,
                  "Trailing bytes of the file to ignore (a file trailer)");
  cmd->add_flag("--rdw-little-endian", a->rdw_little_endian, "RDW/BDW lengths are little-endian");
  cmd->add_flag("--rdw-excludes-header", a->rdw_excludes_header,
                "RDW lengths do not count the 4-byte RDW itself");
  cmd->add_flag("--cobrix", o.cobrix_extensions,
                "Accept Cobrix extensions (BINARY over 18 digits, numbers over 31 digits, S in "
                "edited pictures)");
  cmd->add_option("--record", o.record_name, "The 01 record to decode");
  cmd->add_option("--select", o.selects,
                  "FIELD=VALUE:RECORD: decode records whose FIELD reads VALUE as RECORD (a 01 "
                  "or a REDEFINES alternative); repeatable, first match wins");
  cmd->add_option("--record-type-key", o.decode.record_type_key,
                  "Add this key (e.g. _record) holding the chosen record's name");
  cmd->add_option("--format", a->format, "Output format")
      ->check(CLI::IsMember({"jsonl", "csv"}))
      ->capture_default_str();
  cmd->add_option("--output,-o", o.output, "Output file, or - for stdout")->capture_default_str();
  cmd->add_option("--on-error", a->on_error, "Bad-record policy")
      ->check(CLI::IsMember({"fail", "skip", "reject"}))
      ->capture_default_str();
  cmd->add_option("--reject-file", o.reject_file,
                  "Raw bytes of bad records (reject); FILE.errors.jsonl describes them");
  cmd->add_option("--reject-log", o.reject_log, "Where the JSON descriptions of rejects go");
  cmd->add_option("--max-errors", o.max_errors, "Bad records allowed before exit code 2");
  cmd->add_option("--threads", o.threads, "Decoding threads (default: all cores)");
  cmd->add_flag("--keep-trailing-spaces", o.decode.keep_trailing_spaces,
                "Keep trailing spaces in text fields");
  cmd->add_option("--float-format", a->float_format, "COMP-1/COMP-2 format")
      ->check(CLI::IsMember({"hfp", "ieee"}))
      ->capture_default_str();
  cmd->add_option("--zoned", a->zoned, "Zoned decimal digits: ebcdic (F0-F9) or ascii (30-39)")
      ->check(CLI::IsMember({"ebcdic", "ascii"}))
      ->capture_default_str();
  cmd->add_option("--trunc", a->trunc, "Binary limits: std (picture digits) or bin (full range)")
      ->check(CLI::IsMember({"std", "bin"}))
      ->capture_default_str();
  cmd->add_option("--summary-json", o.summary_json, "Write the run summary as JSON here");
  cmd->add_flag("--no-progress", a->no_progress, "No progress line, even on a terminal");
  cmd->callback([a, &exit_code] {
    if (auto why = finish(*a); !why.empty()) {
      std::fprintf(stderr, "mfbridge convert: %s\n", why.c_str());
      exit_code = exit_usage;
      return;
    }
    exit_code = bridge::run_convert(a->opts, stderr).exit_code;
  });
}

}  // namespace mfb::cli
