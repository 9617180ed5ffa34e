// run_encode: copybooks and JSON Lines in, framed mainframe records out, one line at a time
// with the bad-record policy; every message names the input line and the field.

#include <fstream>
#include <iostream>
#include <map>
#include <memory>

#include "mfb/bridge/codec/record_encoder.hpp"
#include "mfb/bridge/io/layout_framing.hpp"
#include "mfb/bridge/codec/occurs_map_parse.hpp"
#include "mfb/bridge/codec/open_code_page.hpp"
#include "mfb/copybook/name_lookup.hpp"
#include "mfb/copybook/parse.hpp"

namespace mfb::bridge {

namespace {

bool blank(const std::string& line) {
  return line.find_first_not_of(" \t\r") == std::string::npos;
}

// --keep and --raw name items: a name no layout has is a typo, refused with the closest names.
std::string unknown_item_option(const std::vector<const copybook::record_layout*>& layouts,
                                const encode_run_options& opts) {
  for (const auto& name : opts.keep)
    if (auto why = copybook::check_item_name("--keep", name, layouts); !why.empty()) return why;
  for (const auto& name : opts.encode.raw_fields)
    if (auto why = copybook::check_item_name("--raw", name, layouts, true); !why.empty())
      return why;
  return {};
}

}  // namespace

encode_run_summary run_encode(const encode_run_options& opts, reporter& rep) {
  encode_run_summary summary;
  const source_spec& src = opts.source;
  if (!src.has_copybooks()) return stop_run(summary, failure_kind::usage, "--copybook is required", rep);
  if (src.detect_framing)
    return stop_run(summary, failure_kind::usage, "--recfm auto reads the framing from an input; encode writes one: give --recfm", rep);
  if (opts.on_error == error_policy::reject && opts.reject_file.empty())
    return stop_run(summary, failure_kind::usage, "--on-error reject needs --reject-file", rep);
  auto parsed = parse_copybooks(src);
  if (auto why = check_occurs_map(opts.encode.occurs.get(), parsed.records); !why.empty())
    return stop_run(summary, failure_kind::usage, why, rep);
  if (!parsed.ok()) {
    rep.detail(copybook::to_string(parsed.diagnostics));
    return stop_run(summary, failure_kind::usage, "the copybook has errors", rep);
  }
  auto page = open_code_page(src.codepage);
  if (!page) return stop_run(summary, failure_kind::usage, page.err().message, rep);

  // The layouts this run writes: the named one, the only one, or all (routed by a key).
  std::vector<const copybook::record_layout*> layouts;
  for (const auto& r : parsed.records)
    if (src.record_name.empty() || r.name == src.record_name)
      layouts.push_back(&r);
  if (layouts.empty()) {
    std::vector<std::string> names;
    for (const auto& r : parsed.records) names.push_back(r.name);
    return stop_run(summary, failure_kind::usage,
                "no record named " + src.record_name +
                    copybook::did_you_mean(src.record_name, names),
                rep);
  }
  if (layouts.size() > 1 && opts.record_type_key.empty())
    return stop_run(summary, failure_kind::usage,
                "the copybook has several records: choose one with --record, or route lines "
                "with --record-type-key",
                rep);
  if (auto why = unknown_item_option(layouts, opts); !why.empty()) return stop_run(summary, failure_kind::usage, why, rep);
  std::vector<encode_plan> plans;
  plans.reserve(layouts.size());
  for (const auto* l : layouts) {
    auto plan = encode_plan::compile(*l, *page, opts.encode, opts.keep);
    if (!plan) return stop_run(summary, failure_kind::usage, plan.err().message, rep);
    plans.push_back(std::move(plan).value());
  }
  std::vector<record_encoder> encoders;
  std::map<std::string, std::size_t> by_name;
  for (std::size_t i = 0; i < plans.size(); ++i) {
    encoders.emplace_back(plans[i]);
    if (!opts.record_type_key.empty()) encoders.back().ignore_key(opts.record_type_key);
    by_name.emplace(plans[i].name(), i);
  }

  // Length-field and ODO files have no descriptor words: records go out back to back, and
  // each is checked to carry the length the reader will find in it.
  const bool layout_framed = !src.length_field.empty() || src.odo_framing;
  record_length_fn framed_length;
  if (layout_framed) {
    if (plans.size() != 1)
      return stop_run(summary, failure_kind::usage, "--recfm LENGTH-FIELD and --recfm ODO need one record layout", rep);
    if (src.odo_framing && opts.odo_shrink == 0)
      return stop_run(summary, failure_kind::usage,
                  "--recfm ODO writes each record at its OCCURS DEPENDING ON length; "
                  "--odo full contradicts it",
                  rep);
    auto fn = layout_length_function(plans.front().layout(),
                                     src.odo_framing ? std::string_view{} : src.length_field,
                                     src.framing.length_adjust, opts.encode.zoned_charset,
                                     opts.encode.binary_trunc, {opts.encode.occurs.get(), &*page});
    if (!fn) return stop_run(summary, failure_kind::usage, fn.err().message, rep);
    framed_length = std::move(fn).value();
  }

  writer_options wopt = opts.writer;
  if (layout_framed) wopt.format = recfm::v;  // not used to write; keeps validate() quiet
  bool fixed = wopt.format == recfm::f || wopt.format == recfm::fb;
  if (fixed && wopt.lrecl == 0)
    for (const auto& p : plans) wopt.lrecl = std::max(wopt.lrecl, p.layout().length);
  wopt.pad_byte = plans.front().space_byte();
  bool shrink = opts.odo_shrink < 0 ? !fixed : opts.odo_shrink == 1;

  std::ifstream file;
  std::istream* in = &std::cin;
  if (opts.input != "-") {
    file.open(opts.input, std::ios::binary);
    if (!file) return stop_run(summary, failure_kind::target, opts.input + ": cannot open for reading", rep);
    in = &file;
  }
  const std::string in_name = opts.input == "-" ? "<stdin>" : opts.input;
  if (auto why = wopt.validate(); !why.empty()) return stop_run(summary, failure_kind::usage, why, rep);
  auto out = output_file::open(opts.output);
  if (!out) return stop_run(summary, failure_kind::target, out.err().message, rep);
  output_file& raw = **out;  // layout framings write here directly
  auto writer = record_writer::open(std::move(out).value(), wopt);
  if (!writer) return stop_run(summary, failure_kind::usage, writer.err().message, rep);
  auto write = [&](const std::uint8_t* data, std::size_t size) -> std::string {
    if (!layout_framed) return (*writer)->write(data, size);
    auto expect = framed_length(std::span<const std::uint8_t>(data, size));
    if (!expect) return expect.err().message;
    if (*expect != size)
      return "the record is " + std::to_string(size) + " bytes, but " +
             (src.odo_framing ? std::string("its ODO counters give ")
                               : "its length field " + src.length_field +
                                     (src.framing.length_adjust ? " (with --length-adjust " +
                                                               std::to_string(src.framing.length_adjust) +
                                                               ")"
                                                         : std::string()) +
                                     " gives ") +
             std::to_string(*expect);
    raw.write(data, size);
    return raw.ok() ? std::string() : raw.error();
  };
  std::unique_ptr<output_file> rejects;
  if (opts.on_error == error_policy::reject) {
    auto r = output_file::open(opts.reject_file);
    if (!r) return stop_run(summary, failure_kind::target, r.err().message, rep);
    rejects = std::move(r).value();
  }

  std::string line;
  encoded_record rec;
  std::vector<field_error> errors;
  int printed = 0;
  while (std::getline(*in, line)) {
    ++summary.lines_read;
    if (blank(line)) continue;
    errors.clear();
    std::size_t which = 0;
    if (!opts.record_type_key.empty() && encoders.size() > 1) {
      std::string type = json_string_member(line, opts.record_type_key);
      auto it = by_name.find(type);
      if (it == by_name.end())
        errors.push_back({opts.record_type_key, "no record layout named \"" + type + "\"", {}});
      else
        which = it->second;
    }
    if (errors.empty() && encoders[which].encode(line, rec, errors)) {
      std::size_t size = shrink ? rec.odo_length : rec.bytes.size();
      std::string why = write(rec.bytes.data(), size);
      if (why.empty()) {
        ++summary.records_written;
        continue;
      }
      if (!(*writer)->ok()) return stop_run(summary, failure_kind::target, why, rep);
      errors.push_back({{}, why, {}});
    }
    // A bad line: report every field, then apply the policy.
    ++summary.records_rejected;
    bool show = opts.on_error == error_policy::fail || printed < opts.messages_limit;
    if (show) {
      ++printed;
      for (const auto& e : errors)
        rep.detail(in_name + ":" + std::to_string(summary.lines_read) + ": " + e.to_string() +
                   "\n");
    }
    if (opts.on_error == error_policy::fail)
      return stop_run(summary, failure_kind::bad_data, "line " + std::to_string(summary.lines_read) + " cannot be encoded", rep);
    if (rejects) {
      rejects->write(line);
      rejects->put('\n');
    }
    if (opts.max_errors >= 0 && static_cast<long long>(summary.records_rejected) > opts.max_errors)
      return stop_run(summary, failure_kind::bad_data, "more than " + std::to_string(opts.max_errors) + " bad lines (--max-errors)", rep);
  }
  if (in->bad()) return stop_run(summary, failure_kind::target, in_name + ": read failed", rep);
  if (rejects) {
    auto r = rejects->close();
    if (!r) return stop_run(summary, failure_kind::target, r.err().message, rep);
  }
  auto closed = (*writer)->close();
  if (!closed) return stop_run(summary, failure_kind::target, closed.err().message, rep);
  rep.message(severity::info,
              std::to_string(summary.records_written) + " records written, " +
                  std::to_string(summary.records_rejected) + " bad lines" +
                  (summary.records_rejected
                       ? (opts.on_error == error_policy::skip ? " skipped" : " rejected")
                       : ""));
  return summary;
}

}  // namespace mfb::bridge
