// `mfbridge inspect`: one record as hex with field boundaries and decoded values, the tool
// for investigating a bad record. Only option parsing and printing live here.

#include <cstddef>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "commands.hpp"
#include "layout_options.hpp"
#include "mfb/bridge/codec/inspect.hpp"
#include "mfb/bridge/io/layout_framing.hpp"
#include "mfb/bridge/codec/open_code_page.hpp"
#include "mfb/bridge/io/record_reader.hpp"
#include "mfb/copybook/name_lookup.hpp"
#include "mfb/bridge/codec/source_spec.hpp"

namespace mfb::cli {

namespace {

struct inspect_args {
  layout_args layout;
  std::string input;
  long long record_number = 0;
  long long offset = -1;
  std::size_t record_start_offset = 0;
  std::size_t record_end_offset = 0;
};

int fail(int code, const std::string& why) {
  std::fprintf(stderr, "mfbridge inspect: %s\n", why.c_str());
  return code;
}

int run(const inspect_args& a) {
  layout_args l = a.layout;
  if (auto why = detect_recfm(l, a.input, "inspect"); !why.empty()) return fail(exit_usage, why);
  if ((a.record_number > 0) == (a.offset >= 0))
    return fail(exit_usage, "give one of --record-number N (from 1) or --offset BYTES");
  bridge::source_spec src;
  apply_copybook_options(l, src);
  auto parsed = bridge::parse_copybooks(src);
  if (!parsed.ok()) {
    std::fputs(copybook::to_string(parsed.diagnostics).c_str(), stderr);
    return fail(exit_usage, "the copybook has errors");
  }
  const copybook::record_layout* layout = nullptr;
  for (const auto& r : parsed.records)
    if (src.record_name.empty() || r.name == src.record_name) {
      if (layout) return fail(exit_usage, "the copybook has several records: choose one with --record");
      layout = &r;
    }
  if (!layout) {
    std::vector<std::string> names;
    for (const auto& r : parsed.records) names.push_back(r.name);
    return fail(exit_usage, "no record named " + src.record_name +
                                copybook::did_you_mean(src.record_name, names));
  }
  // inspect shows every item's bytes anyway; a --raw name must still be one of its items.
  for (const auto& name : raw_fields_of(l))
    if (auto why = copybook::check_item_name("--raw", name, {layout}, true); !why.empty())
      return fail(exit_usage, why);
  auto page = bridge::open_code_page(src.codepage);
  if (!page) return fail(exit_usage, page.err().message);

  bridge::framing_options framing;
  layout_framing kind = layout_framing::none;
  if (auto why = framing_format_of(l, framing, kind); !why.empty()) return fail(exit_usage, why);
  if (kind != layout_framing::none) {
    auto why = kind == layout_framing::odo
                   ? bridge::set_odo_framing(framing, *layout, zoned_charset_of(l), truncation_of(l))
                   : bridge::set_length_field(framing, *layout, l.length_field, zoned_charset_of(l));
    if (!why.empty()) return fail(exit_usage, why);
  }
  framing.lrecl = l.lrecl > 0 ? static_cast<std::size_t>(l.lrecl) : layout->length;
  framing.rdw_big_endian = !l.rdw_little_endian;
  framing.rdw_includes_header = !l.rdw_excludes_header;
  framing.record_start_offset = a.record_start_offset;
  framing.record_end_offset = a.record_end_offset;
  // --offset: frame from that byte, as if the file started there.
  if (a.offset >= 0) framing.skip_head = static_cast<std::size_t>(a.offset);
  auto target = static_cast<std::uint64_t>(a.offset >= 0 ? 1 : a.record_number);
  auto reader = bridge::record_reader::open(a.input, framing);
  if (!reader) return fail(exit_io, reader.err().message);
  bridge::record_batch batch;
  while ((*reader)->next(batch, std::size_t{1} << 20)) {
    for (const auto& rec : batch) {
      if (rec.number != target) continue;
      bridge::inspect_options io;
      io.float_format = float_format_of(l);
      io.zoned_charset = zoned_charset_of(l);
      io.binary_trunc = truncation_of(l);
      auto fields = bridge::inspect_record(*layout, *page, io, rec.data, rec.size);
      std::string which = a.offset >= 0 ? "record" : "record " + std::to_string(rec.number);
      std::printf("%s: %s at file offset %llu: %zu bytes, layout %s (%zu bytes)\n\n",
                  (*reader)->name().c_str(), which.c_str(),
                  static_cast<unsigned long long>(rec.file_offset), rec.size, layout->name.c_str(),
                  layout->length);
      std::fputs(bridge::hex_dump(rec.data, rec.size, *page).c_str(), stdout);
      std::fputs("\n", stdout);
      std::fputs(bridge::format_fields(fields).c_str(), stdout);
      std::size_t bad = 0;
      for (const auto& f : fields) bad += !f.error.empty();
      if (bad) std::printf("\n%zu bad field%s\n", bad, bad == 1 ? "" : "s");
      return bad ? exit_bad_data : exit_ok;
    }
  }
  if (const auto* e = (*reader)->error()) return fail(exit_bad_data, e->to_string());
  return fail(exit_bad_data, "the input has no record " + std::to_string(target) +
                                 (a.offset >= 0 ? " at offset " + std::to_string(a.offset) : ""));
}

}  // namespace

void add_inspect_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("inspect", "Show one record as hex with its fields decoded");
  auto a = std::make_shared<inspect_args>();
  add_layout_options(*cmd, a->layout,
                     {"Record format: F, FB, V, VB, VS, VBS, TEXT, LENGTH-FIELD, ODO",
                      "RDW/BDW lengths are little-endian", "The 01 record to use"});
  add_length_field_options(*cmd, a->layout);
  cmd->add_option("--input", a->input, "Input file, or - for stdin")->required();
  cmd->add_option("--record-number", a->record_number, "The record to show (from 1)");
  cmd->add_option("--offset", a->offset, "Show the record starting at this byte of the file");
  cmd->add_option("--record-start-offset", a->record_start_offset,
                  "Bytes to drop at the start of each framed record");
  cmd->add_option("--record-end-offset", a->record_end_offset,
                  "Bytes to drop at the end of each framed record");
  cmd->callback([a, &exit_code] { exit_code = run(*a); });
}

namespace {
const command_registration registered{50, add_inspect_command};
}  // namespace

}  // namespace mfb::cli
