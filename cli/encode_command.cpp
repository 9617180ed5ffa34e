// `mfbridge encode`: JSON Lines -> mainframe records (write-back). Only option parsing
// lives here; the work is mfb::bridge::run_encode.

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "commands.hpp"
#include "layout_options.hpp"
#include "mfb/bridge/codec/record_encoder.hpp"

namespace mfb::cli {

namespace {

struct encode_args {
  bridge::encode_run_options opts;
  layout_args layout;
  std::string on_error = "fail";
  std::string odo = "auto";
  long long block_size = 32760;
  bool no_pad = false;
};

// Turn the parsed strings into options; return a usage error or "".
std::string finish(encode_args& a) {
  auto& o = a.opts;
  const layout_args& l = a.layout;
  if (auto why = apply_reading_options(l, o.source); !why.empty()) return why;
  if (a.block_size < 0) return "--block-size must be positive";
  o.writer.format = o.source.framing.format;
  o.writer.lrecl = o.source.framing.lrecl;
  o.writer.block_size = static_cast<std::size_t>(a.block_size);
  o.writer.rdw_big_endian = o.source.framing.rdw_big_endian;
  o.writer.rdw_includes_header = o.source.framing.rdw_includes_header;
  o.writer.pad_short = !a.no_pad;
  o.odo_shrink = a.odo == "auto" ? -1 : a.odo == "shrink" ? 1 : 0;
  o.on_error = *bridge::parse_error_policy(a.on_error);
  o.encode.float_format = o.source.decode.float_format;
  o.encode.zoned_charset = o.source.decode.zoned_charset;
  o.encode.raw_fields = o.source.decode.raw_fields;
  o.encode.binary_trunc = o.source.decode.binary_trunc;
  o.encode.occurs = o.source.decode.occurs;
  if (o.max_errors < -1) return "--max-errors must be 0 or more";
  return {};
}

}  // namespace

void add_encode_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("encode", "Encode JSON Lines back into mainframe records");
  auto a = std::make_shared<encode_args>();
  auto& o = a->opts;
  add_layout_options(*cmd, a->layout,
                     {"Record format: F, FB, V, VB, TEXT, LENGTH-FIELD (with --length-field: "
                      "records back to back, each as long as its length field says), ODO "
                      "(back to back, each at its OCCURS DEPENDING ON length)",
                      "Write RDW/BDW lengths little-endian", "The 01 record to write"},
                     file_use::writes_or_describes);
  cmd->add_option("--input", o.input, "JSON Lines input, or - for stdin")->capture_default_str();
  cmd->add_option("--output,-o", o.output, "Output file, or - for stdout")->capture_default_str();
  cmd->add_option("--block-size", a->block_size, "VB: largest block, BDW included")
      ->capture_default_str();
  cmd->add_flag("--no-pad", a->no_pad, "F/FB: a record shorter than LRECL is an error");
  cmd->add_option("--odo", a->odo,
                  "Record length with OCCURS DEPENDING ON: auto (full for F/FB, shortened for "
                  "V/VB), shrink, or full")
      ->check(CLI::IsMember({"auto", "shrink", "full"}))
      ->capture_default_str();
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
  cmd->callback([a, &exit_code] {
    if (auto why = finish(*a); !why.empty()) {
      std::fprintf(stderr, "mfbridge encode: %s\n", why.c_str());
      exit_code = exit_usage;
      return;
    }
    file_reporter rep("encode", stderr);
    auto summary = bridge::run_encode(a->opts, rep);
    exit_code = exit_code_of(summary.failure);
    if (exit_code == exit_ok)
      warn_left_out(rep, a->opts.on_error, summary.records_rejected, a->opts.reject_file);
  });
}

namespace {
const command_registration registered{40, add_encode_command};
}  // namespace

}  // namespace mfb::cli
