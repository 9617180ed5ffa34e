// Dataset options shared by ddl and load, so a dataset is spelled the same way in both.

#include "dataset_options.hpp"

#include <algorithm>
#include <filesystem>

#include "occurs_map_option.hpp"
#include "text_options.hpp"

namespace mfb::cli {

namespace {

std::vector<std::string> comma_list(const std::string& text) {
  std::vector<std::string> out;
  for (std::size_t start = 0; start <= text.size();) {
    auto comma = std::min(text.find(',', start), text.size());
    if (comma > start) out.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

}  // namespace

void add_dataset_options(CLI::App& cmd, dataset_args& a, file_use use) {
  add_layout_options(cmd, a.layout,
                     {"Record format: F, FB, V, VB, VS, VBS, TEXT, LENGTH-FIELD (with "
                      "--length-field), ODO",
                      "RDW/BDW lengths are little-endian", "The 01 record to load"},
                     use);
  cmd.add_option("--select", a.selects,
                 "FIELD=VALUE:RECORD: records whose FIELD holds VALUE are of type RECORD "
                 "(repeatable; one table per record type)");
  cmd.add_option("--table", a.table,
                 "Dataset and main table name (default: the record name in snake_case); with "
                 "several record types each table is NAME_<type>");
  cmd.add_option("--key", a.keys,
                 "Key fields, comma-separated COBOL names (default: the record number); "
                 "RECORD=F1,F2 gives one record type's key (repeatable)");
  cmd.add_option("--parent", a.parents,
                 "CHILD=PARENT: hierarchical files; CHILD rows carry the key of the PARENT "
                 "record before them (give the parent's key with --key PARENT=FIELD)");
  cmd.add_option("--index", a.indexes,
                 "Index on the main table: comma-separated COBOL names (repeatable; one index "
                 "each). The REST facade filters on key and indexed fields");
  cmd.add_flag("--flatten-occurs", a.flatten_occurs,
               "OCCURS become numbered columns instead of child tables");
  cmd.add_flag("--check-88", a.check_88, "88-level values become CHECK constraints");
  cmd.add_option("--block-size", a.block_size,
                 "VB: the file's block size (BLKSIZE), kept for export (default 32760)");
}

std::string dataset_spec_of(const dataset_args& a, rehost::dataset_spec& spec) {
  const layout_args& l = a.layout;
  bridge::framing_options checked;  // the --recfm, --length-field pairing, checked once
  layout_framing kind = layout_framing::none;
  layout_args framed = l;  // --recfm auto is resolved by the load itself, from the input
  if (framed.recfm == "auto" || framed.recfm == "AUTO") framed.recfm = "FB";
  if (auto why = framing_format_of(framed, checked, kind); !why.empty()) return why;
  auto read = rehost::dataset_spec::from_files(l.copybooks, l.include_dirs);
  if (!read) return read.err().message;
  spec = std::move(read).value();
  bridge::source_spec& src = spec.source;
  if (l.copybooks.empty()) apply_copybook_sources(l.sources, src);  // --copybook-text
  else {
    auto texts = std::move(src.copybook_texts);
    apply_copybook_sources(l.sources, src);  // the reference format
    src.copybook_texts = std::move(texts);
  }
  src.codepage = codepage_of(l);
  src.cobrix_extensions = l.cobrix;
  if (auto why = occurs_map_of(l.occurs_maps, src.decode.occurs); !why.empty()) return why;
  spec.set_recfm(l.recfm);
  if (kind == layout_framing::length_field) {
    src.length_field = l.length_field;
    src.framing.length_adjust = l.length_adjust;
  }
  if (auto why = apply_framing_options(l, src.framing); !why.empty()) return why;
  src.record_name = l.record;
  src.selects = a.selects;
  src.decode.float_format = float_format_of(l);
  src.decode.zoned_charset = zoned_charset_of(l);
  src.decode.binary_trunc = truncation_of(l);
  spec.raw = raw_fields_of(l);
  src.decode.allow_trailing_bytes = l.allow_trailing_bytes;
  src.decode.min_record_length = l.min_record_length;
  src.decode.max_record_length = l.max_record_length;
  for (const auto& k : a.keys) {
    if (k.find('=') != std::string::npos) {  // RECORD=F1,F2 stays whole
      spec.key.push_back(k);
      continue;
    }
    for (auto& part : comma_list(k)) spec.key.push_back(std::move(part));
  }
  for (const auto& i : a.indexes) spec.indexes.push_back(comma_list(i));
  src.parents = a.parents;
  spec.flatten_occurs = a.flatten_occurs;
  if (a.block_size < 0) return "--block-size must be positive";
  spec.block_size = static_cast<std::size_t>(a.block_size);
  spec.check_88 = a.check_88;
  spec.name = a.table;
  if (spec.name.empty()) {
    // The dataset is named after its record: open it once to learn the record's name.
    auto opened = rehost::dataset::open(spec);
    if (!opened) return opened.err().message;
    const auto& plans = (*opened)->selector().plans();
    spec.name = rehost::snake_case(plans.size() == 1 ? plans.front().type_name()
                                                     : plans.front().layout().name);
  }
  return {};
}

}  // namespace mfb::cli
