// `mfbridge inspect`: one record as hex with field boundaries and decoded values, the tool
// for investigating a bad record. Only option parsing and printing live here.

#include <cstddef>
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "commands.hpp"
#include "input_options.hpp"
#include "layout_options.hpp"
#include "mfb/bridge/codec/inspect.hpp"
#include "mfb/bridge/codec/inspect_html.hpp"
#include "mfb/bridge/codec/occurs_map_parse.hpp"
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
  std::string html;                  ///< write a self-contained HTML page here
  std::size_t html_max_records = 1000;  ///< a whole file's page shows at most this many
};

int fail(int code, const std::string& why) {
  std::fprintf(stderr, "mfbridge inspect: %s\n", why.c_str());
  return code;
}

// --html: the chosen record (target > 0) or every record up to the limit, as one page.
struct html_page {
  const inspect_args& a;
  const copybook::record_layout& layout;
  const ebcdic::code_page& page;
  const bridge::inspect_options& io;
  std::string codepage;

  int write(bridge::record_reader& reader, std::uint64_t target) const {
    std::vector<bridge::inspected_record> shown;
    bridge::inspect_page_info info{reader.name(), codepage, 0};
    std::size_t bad = 0;
    bridge::record_batch batch;
    while (reader.next(batch, std::size_t{1} << 20)) {
      for (const auto& rec : batch) {
        if (target > 0 && rec.number != target) continue;
        if (shown.size() >= a.html_max_records) {
          ++info.left_out;
          continue;
        }
        bridge::inspected_record r{a.offset >= 0 ? 0 : rec.number, rec.file_offset, layout.name,
                                   {rec.data, rec.data + rec.size},
                                   bridge::inspect_record(layout, page, io, rec.data, rec.size)};
        for (const auto& f : r.fields) bad += !f.error.empty();
        shown.push_back(std::move(r));
      }
      if (target > 0 && !shown.empty()) break;
    }
    // Bad framing after some records: the page still shows them, and says where it stopped.
    const auto* stopped = reader.error();
    if (stopped != nullptr && (shown.empty() || target > 0)) return fail(exit_bad_data, stopped->to_string());
    if (stopped != nullptr) info.stopped = stopped->to_string();
    if (shown.empty())
      return fail(exit_bad_data, target > 0 ? "the input has no record " + std::to_string(target) : "the input has no record");
    std::ofstream out(a.html, std::ios::binary | std::ios::trunc);
    out << bridge::inspect_html(info, shown);
    out.close();
    if (!out) return fail(exit_io, "cannot write " + a.html);
    std::fprintf(stderr, "mfbridge inspect: wrote %s: %zu record%s, %zu bad field%s%s\n", a.html.c_str(), shown.size(),
                 shown.size() == 1 ? "" : "s", bad, bad == 1 ? "" : "s",
                 info.left_out ? (", " + std::to_string(info.left_out) + " records left out").c_str() : "");
    if (stopped != nullptr) return fail(exit_bad_data, info.stopped);
    return bad ? exit_bad_data : exit_ok;
  }
};

int run(const inspect_args& a) {
  layout_args l = a.layout;
  if (auto why = one_input_only("inspect", a.input); !why.empty()) return fail(exit_usage, why);
  if (auto why = detect_recfm(l, a.input, "inspect"); !why.empty()) return fail(exit_usage, why);
  const bool whole_file = !a.html.empty() && a.record_number <= 0 && a.offset < 0;
  if (!whole_file && (a.record_number > 0) == (a.offset >= 0))
    return fail(exit_usage, "give one of --record-number N (from 1) or --offset BYTES" +
                                std::string(a.html.empty() ? "" : " (or neither, for the whole file)"));
  bridge::source_spec src;
  if (auto why = apply_copybook_options(l, src); !why.empty()) return fail(exit_usage, why);
  auto parsed = bridge::parse_copybooks(src);
  if (auto why = bridge::check_occurs_map(src.decode.occurs.get(), parsed.records); !why.empty())
    return fail(exit_usage, why);
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
                   ? bridge::set_odo_framing(framing, *layout, zoned_charset_of(l), truncation_of(l),
                                             {src.decode.occurs.get(), &*page})
               : l.length_map.empty()
                   ? bridge::set_length_field(framing, *layout, l.length_field, zoned_charset_of(l))
                   : std::string();  // resolved below, once --length-map is read
    if (!why.empty()) return fail(exit_usage, why);
  }
  if (auto why = apply_framing_options(l, framing); !why.empty()) return fail(exit_usage, why);
  if (!framing.length_map.empty()) {
    auto shared = std::make_shared<const ebcdic::code_page>(*page);
    if (auto why = bridge::set_length_map_framing(framing, *layout, l.length_field, shared, zoned_charset_of(l),
                                                  truncation_of(l));
        !why.empty())
      return fail(exit_usage, why);
  }
  if (framing.lrecl == 0) framing.lrecl = layout->length;
  // --offset: frame from that byte of the file (it counts from the file's start, so it
  // stands for --skip-head), as if the file started there.
  if (a.offset >= 0) framing.skip_head = static_cast<std::size_t>(a.offset);
  auto target = static_cast<std::uint64_t>(a.offset >= 0 ? 1 : a.record_number);
  auto reader = bridge::record_reader::open(a.input, framing);
  if (!reader) return fail(exit_io, reader.err().message);
  bridge::inspect_options io;
  io.float_format = float_format_of(l);
  io.zoned_charset = zoned_charset_of(l);
  io.binary_trunc = truncation_of(l);
  io.occurs = src.decode.occurs;
  if (!a.html.empty()) {
    html_page page_out{a, *layout, *page, io, src.codepage};
    return page_out.write(**reader, whole_file ? 0 : target);
  }
  bridge::record_batch batch;
  std::uint64_t records = 0;
  while ((*reader)->next(batch, std::size_t{1} << 20)) {
    for (const auto& rec : batch) {
      records = rec.number;
      if (rec.number != target) continue;
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
  // Asking past the end is a wrong argument, not bad data: say how many records there are.
  if (a.offset >= 0)
    return fail(exit_usage, "the input has no record at offset " + std::to_string(a.offset) +
                                " (it ends before a whole record there)");
  return fail(exit_usage, "--record-number " + std::to_string(target) + ": the input has " +
                              std::to_string(records) + (records == 1 ? " record" : " records") +
                              " (numbered from 1)");
}

}  // namespace

void add_inspect_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("inspect", "Show one record as hex with its fields decoded");
  auto a = std::make_shared<inspect_args>();
  add_layout_options(*cmd, a->layout,
                     {"Record format: F, FB, V, VB, VS, VBS, TEXT, LENGTH-FIELD, ODO",
                      "RDW/BDW lengths are little-endian", "The 01 record to use"},
                     file_use::reads);
  cmd->add_option("--input", a->input, "Input file, or - for stdin")->required();
  cmd->add_option("--record-number", a->record_number, "The record to show (from 1)");
  cmd->add_option("--offset", a->offset, "Show the record starting at this byte of the file");
  cmd->add_option("--html", a->html,
                  "Write a self-contained HTML page (no script) to this file: the chosen record, or "
                  "every record of the file when neither --record-number nor --offset is given");
  cmd->add_option("--html-max-records", a->html_max_records, "Most records on a whole file's page")
      ->check(CLI::PositiveNumber);
  cmd->callback([a, &exit_code] { exit_code = run(*a); });
}

namespace {
const command_registration registered{50, add_inspect_command};
}  // namespace

}  // namespace mfb::cli
