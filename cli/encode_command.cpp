// `mfbridge encode`: JSON Lines -> mainframe records (write-back). Only option parsing
// lives here; the work is mfb::bridge::run_encode.

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "commands.hpp"
#include "mfb/bridge/record_encoder.hpp"

namespace mfb::cli {

namespace {

struct encode_args {
  bridge::encode_run_options opts;
  std::vector<std::string> copybooks;
  std::vector<std::string> include_dirs;
  std::string recfm = "FB";
  std::string on_error = "fail";
  std::string float_format = "hfp";
  std::string zoned = "ebcdic";
  std::string trunc = "std";
  std::string odo = "auto";
  long long lrecl = 0;
  long long block_size = 32760;
  bool rdw_little_endian = false;
  bool rdw_excludes_header = false;
  bool no_pad = false;
};

// Turn the parsed strings into options; return a usage error or "".
std::string finish(encode_args& a) {
  auto& o = a.opts;
  for (const auto& c : a.copybooks) o.copybooks.emplace_back(c);
  for (const auto& d : a.include_dirs) o.include_dirs.emplace_back(d);
  auto fmt = bridge::parse_recfm(a.recfm);
  if (!fmt) return "unknown --recfm " + a.recfm + " (F, FB, V, VB, TEXT)";
  o.writer.format = *fmt;
  if (a.lrecl < 0) return "--lrecl must be positive";
  if (a.block_size < 0) return "--block-size must be positive";
  o.writer.lrecl = static_cast<std::size_t>(a.lrecl);
  o.writer.block_size = static_cast<std::size_t>(a.block_size);
  o.writer.rdw_big_endian = !a.rdw_little_endian;
  o.writer.rdw_includes_header = !a.rdw_excludes_header;
  o.writer.pad_short = !a.no_pad;
  o.odo_shrink = a.odo == "auto" ? -1 : a.odo == "shrink" ? 1 : 0;
  o.on_error = *bridge::parse_error_policy(a.on_error);
  o.encode.float_format = a.float_format == "ieee" ? ebcdic::float_format::ieee_big
                                                   : ebcdic::float_format::ibm_hex;
  o.encode.zoned_charset =
      a.zoned == "ascii" ? ebcdic::zoned_charset::ascii : ebcdic::zoned_charset::ebcdic;
  o.encode.binary_trunc = a.trunc == "bin" ? ebcdic::truncation::binary
                                           : ebcdic::truncation::standard;
  if (o.max_errors < -1) return "--max-errors must be 0 or more";
  return {};
}

}  // namespace

void add_encode_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("encode", "Encode JSON Lines back into mainframe records");
  auto a = std::make_shared<encode_args>();
  auto& o = a->opts;
  cmd->add_option("--copybook", a->copybooks, "Copybook file (repeatable)")->required();
  cmd->add_option("-I,--include", a->include_dirs, "Folder searched for COPY members");
  cmd->add_option("--input", o.input, "JSON Lines input, or - for stdin")->capture_default_str();
  cmd->add_option("--output,-o", o.output, "Output file, or - for stdout")->capture_default_str();
  cmd->add_option("--codepage", o.codepage,
                  "EBCDIC code page (see `mfbridge codepages`) or a 256-entry table file")
      ->capture_default_str();
  cmd->add_option("--recfm", a->recfm, "Record format: F, FB, V, VB, TEXT")->capture_default_str();
  cmd->add_option("--lrecl", a->lrecl, "Record length for F/FB (default: the record's length)");
  cmd->add_option("--block-size", a->block_size, "VB: largest block, BDW included")
      ->capture_default_str();
  cmd->add_flag("--rdw-little-endian", a->rdw_little_endian, "Write RDW/BDW lengths little-endian");
  cmd->add_flag("--rdw-excludes-header", a->rdw_excludes_header,
                "RDW lengths do not count the 4-byte RDW itself");
  cmd->add_flag("--no-pad", a->no_pad, "F/FB: a record shorter than LRECL is an error");
  cmd->add_option("--odo", a->odo,
                  "Record length with OCCURS DEPENDING ON: auto (full for F/FB, shortened for "
                  "V/VB), shrink, or full")
      ->check(CLI::IsMember({"auto", "shrink", "full"}))
      ->capture_default_str();
  cmd->add_flag("--cobrix", o.cobrix_extensions,
                "Accept Cobrix extensions (BINARY over 18 digits, numbers over 31 digits, S in "
                "edited pictures)");
  cmd->add_option("--record", o.record_name, "The 01 record to write");
  cmd->add_option("--record-type-key", o.record_type_key,
                  "Route each line to the 01 record named by this key's value (e.g. _record)");
  cmd->add_option("--keep", o.keep,
                  "REDEFINES alternative that wins when a line holds several (repeatable)");
  cmd->add_flag("--check-88", o.encode.check_88,
                "A field with 88 levels must hold one of their values");
  cmd->add_option("--on-error", a->on_error, "Bad-line policy")
      ->check(CLI::IsMember({"fail", "skip", "reject"}))
      ->capture_default_str();
  cmd->add_option("--reject-file", o.reject_file, "Where rejected JSON lines go (reject)");
  cmd->add_option("--max-errors", o.max_errors, "Bad lines allowed before exit code 2");
  cmd->add_option("--float-format", a->float_format, "COMP-1/COMP-2 format")
      ->check(CLI::IsMember({"hfp", "ieee"}))
      ->capture_default_str();
  cmd->add_option("--zoned", a->zoned, "Zoned decimal digits: ebcdic (F0-F9) or ascii (30-39)")
      ->check(CLI::IsMember({"ebcdic", "ascii"}))
      ->capture_default_str();
  cmd->add_option("--trunc", a->trunc, "Binary limits: std (picture digits) or bin (full range)")
      ->check(CLI::IsMember({"std", "bin"}))
      ->capture_default_str();
  cmd->callback([a, &exit_code] {
    if (auto why = finish(*a); !why.empty()) {
      std::fprintf(stderr, "mfbridge encode: %s\n", why.c_str());
      exit_code = exit_usage;
      return;
    }
    exit_code = bridge::run_encode(a->opts, stderr).exit_code;
  });
}

}  // namespace mfb::cli
