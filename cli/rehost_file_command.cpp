// `mfbridge rehost-file`: an EBCDIC record file -> the data file the same COBOL program
// reads when compiled with GnuCOBOL on Linux, and back with --reverse. Only option parsing
// lives here; the work is mfb::bridge::run_rehost_file.

#include <cstdio>
#include <memory>
#include <string>

#include "commands.hpp"
#include "layout_options.hpp"
#include "mfb/bridge/convert/rehost_file.hpp"

namespace mfb::cli {

namespace {

struct rehost_args {
  bridge::rehost_file_options opts;
  layout_args layout;
  std::string charset = "ascii";
  std::string sign = "ascii";
  std::string byteorder = "big-endian";
  std::string organization = "sequential";
  std::string unmappable = "fail";
  std::string on_error = "fail";
};

// Turn the parsed strings into options; return a usage error or "".
std::string finish(rehost_args& a) {
  auto& o = a.opts;
  if (auto why = apply_reading_options(a.layout, o.source); !why.empty()) return why;
  auto& f = o.format;
  f.charset = a.charset == "utf-8"    ? bridge::rehost_charset::utf8
              : a.charset == "latin1" ? bridge::rehost_charset::latin1
                                      : bridge::rehost_charset::ascii;
  f.sign = a.sign == "ebcdic" ? bridge::rehost_sign::ebcdic : bridge::rehost_sign::ascii;
  f.binary_native = a.byteorder == "native";
  f.substitute = a.unmappable == "substitute";
  f.organization = a.organization == "line-sequential"
                       ? bridge::rehost_organization::line_sequential
                       : bridge::rehost_organization::sequential;
  o.on_error = *bridge::parse_error_policy(a.on_error);
  return o.validate();
}

}  // namespace

void add_rehost_file_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand(
      "rehost-file", "Convert an EBCDIC record file into the data file GnuCOBOL programs read");
  auto a = std::make_shared<rehost_args>();
  auto& o = a->opts;
  add_layout_options(
      *cmd, a->layout,
      {"Record format of the EBCDIC file: F, FB, V or VB",
       "RDW/BDW lengths of the EBCDIC file are little-endian", "The 01 record to convert"},
      file_use::reads);
  cmd->add_option("--input", o.input, "Input file, or - for stdin")->capture_default_str();
  cmd->add_option("--output,-o", o.output, "Output file, or - for stdout")->capture_default_str();
  cmd->add_option("--select", o.source.selects,
                  "FIELD=VALUE:RECORD: records whose FIELD reads VALUE are converted as RECORD "
                  "(a 01 or a REDEFINES alternative); repeatable, first match wins");
  cmd->add_option("--charset", a->charset, "Character set of text in the rehosted file")
      ->check(CLI::IsMember({"ascii", "latin1", "utf-8"}))
      ->capture_default_str();
  cmd->add_option("--unmappable", a->unmappable,
                  "A character the target character set lacks: fail (a bad record) or "
                  "substitute ('?' in the rehosted file, the code page's SUB byte back)")
      ->check(CLI::IsMember({"fail", "substitute"}))
      ->capture_default_str();
  cmd->add_option("--sign", a->sign,
                  "Zoned decimal signs, as cobc -fsign: ascii (GnuCOBOL's default on Linux) or "
                  "ebcdic")
      ->check(CLI::IsMember({"ascii", "ebcdic"}))
      ->capture_default_str();
  cmd->add_option("--binary-byteorder", a->byteorder,
                  "COMP/BINARY byte order, as cobc -fbinary-byteorder (COMP-5 is always native)")
      ->check(CLI::IsMember({"big-endian", "native"}))
      ->capture_default_str();
  cmd->add_option("--organization", a->organization,
                  "The rehosted file: sequential (RECORD SEQUENTIAL: fixed records, or "
                  "COB_VARSEQ_FORMAT 0 headers for V/VB) or line-sequential")
      ->check(CLI::IsMember({"sequential", "line-sequential"}))
      ->capture_default_str();
  cmd->add_flag("--reverse", o.reverse, "Convert a rehosted file back into the EBCDIC file");
  cmd->add_option("--block-size", o.block_size,
                  "--reverse to VB: the largest block, BDW included (the data set's BLKSIZE)")
      ->capture_default_str();
  cmd->add_option("--on-error", a->on_error, "Bad-record policy")
      ->check(CLI::IsMember({"fail", "skip", "reject"}))
      ->capture_default_str();
  cmd->add_option("--reject-file", o.reject_file,
                  "Bad records as read (reject); FILE.errors.jsonl describes them");
  cmd->callback([a, &exit_code] {
    if (auto why = finish(*a); !why.empty()) {
      std::fprintf(stderr, "mfbridge rehost-file: %s\n", why.c_str());
      exit_code = exit_usage;
      return;
    }
    file_reporter rep("rehost-file", stderr);
    auto summary = bridge::run_rehost_file(a->opts, rep);
    exit_code = exit_code_of(summary.failure);
    if (exit_code == exit_ok)
      warn_left_out(rep, a->opts.on_error, summary.records_rejected, a->opts.reject_file);
  });
}

namespace {
const command_registration registered{35, add_rehost_file_command};
}  // namespace

}  // namespace mfb::cli
