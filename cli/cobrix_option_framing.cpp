// Cobrix's framing, segment and Spark-partitioning options, and what each becomes in
// mfbridge (the rows about values and output are in cobrix_option_table.cpp).

#include <optional>
#include <string>
#include <vector>

#include "cobrix_length_map.hpp"
#include "cobrix_mapping.hpp"

namespace mfb::cli::cobrix {

namespace {

#define H MFB_COBRIX_HANDLER

// A Spark option about partitions or indexes: the rows are the same whatever its value, so
// it is accepted once its value has the right type.
#define NO_EFFECT_BOOL H { bool b = false; return bool_value(v, b); }
// occurs_mappings is JSON in Cobrix; --occurs-map also takes a short form and file names,
// which a Cobrix value must not be mistaken for.
std::string occurs_map_flag(const std::string& v, mapping_state& s) {
  const auto first = v.find_first_not_of(" \t\r\n");
  if (first == std::string::npos || v[first] != '{')
    return "needs a JSON object, as {\"FIELD\": {\"VALUE\": COUNT}}, not '" + v + "'";
  s.flags.insert(s.flags.end(), {"--occurs-map", v});
  return {};
}

#define NO_EFFECT_COUNT H { long long n = 0; return parse_int(v, n) && n >= 0 ? std::string() : "needs a whole number, not '" + v + "'"; }

/// A whole number that may be negative (an adjustment).
std::string optional_int(const std::string& v, std::optional<long long>& out) {
  long long n = 0;
  if (!parse_int(v, n)) return "needs a whole number, not '" + v + "'";
  out = n;
  return {};
}

}  // namespace

const std::vector<table_row>& framing_rows() {
  static const std::vector<table_row> table = {
      {{"record_format", mapped, "--recfm F|FB|V|VB; D and D2: --recfm TEXT"},
       H {
         std::string f;
         if (auto why = choice(v, {"f", "fb", "v", "vb", "d", "d2"}, f); !why.empty()) return why;
         if (f == "d" || f == "d2") f = "text";
         for (char& c : f) c = static_cast<char>(c - 'a' + 'A');
         s.record_format = f;
         return {};
       }},
      {{"is_record_sequence", mapped, "true: --recfm V"},
       H {
         bool b = false;
         if (auto why = bool_value(v, b); !why.empty()) return why;
         if (b) s.record_format = "V";
         return {};
       }},
      {{"is_text", mapped, "true: --recfm TEXT"},
       H {
         bool b = false;
         if (auto why = bool_value(v, b); !why.empty()) return why;
         if (b) s.record_format = "TEXT";
         return {};
       }},
      {{"record_length", mapped, "--lrecl BYTES"}, H { return count_flag("--lrecl", v, s); }},
      {{"block_length", no_effect, "FB blocks are read as their records, back to back"}, NO_EFFECT_COUNT},
      {{"records_per_block", no_effect, "as block_length"}, NO_EFFECT_COUNT},
      {{"is_rdw_big_endian", mapped, "false (Cobrix's default): --rdw-little-endian, for V and VB"},
       H { return optional_bool(v, s.rdw_big_endian); }},
      {{"is_rdw_part_of_record_length", mapped, "false (Cobrix's default): --rdw-excludes-header"},
       H { return optional_bool(v, s.rdw_counts_header); }},
      {{"rdw_adjustment", mapped, "--rdw-adjust N (V, VB); --length-adjust N with record_length_field"},
       H { return optional_int(v, s.rdw_adjustment); }},
      {{"bdw_adjustment", mapped, "--bdw-adjust N (VB; the BDW's length counts the BDW itself)"},
       H { return optional_int(v, s.bdw_adjustment); }},
      {{"is_bdw_big_endian", mapped, "false (Cobrix's default): --bdw-order le; true: --bdw-order be (VB)"},
       H { return optional_bool(v, s.bdw_big_endian); }},
      {{"record_length_field", mapped, "--recfm LENGTH-FIELD --length-field FIELD (FIELD + N, FIELD - N: --length-adjust N)"},
       H { return length_field_expression(v, s.record_length_field, s.record_length_constant); }},
      {{"record_length_map", mapped, "--length-map VALUE=LENGTH,... (with record_length_field)"},
       H {
         std::string map;
         if (auto why = length_map_flag(v, map); !why.empty()) return why;
         s.flags.insert(s.flags.end(), {"--length-map", map});
         return {};
       }},
      {{"record_extractor", unsupported, "a Java class: declare the header with --record-header SPEC"}, nullptr},
      {{"re_additional_info", unsupported, "as record_extractor"}, nullptr},
      {{"record_header_parser", unsupported, "a Java class: declare the header with --record-header SPEC"}, nullptr},
      {{"rhp_additional_info", unsupported, "as record_header_parser"}, nullptr},
      {{"is_xcom", mapped, "true: --recfm V (Cobrix's older name for record_format V: it reads XCOM's headers as RDWs)"},
       H { return bool_value(v, s.xcom); }},
      {{"minimum_record_length", mapped, "--min-record-length BYTES"},
       H { return count_flag("--min-record-length", v, s); }},
      {{"maximum_record_length", mapped, "--max-record-length BYTES"},
       H { return count_flag("--max-record-length", v, s); }},
      {{"occurs_mappings", mapped, "--occurs-map JSON (the same JSON: text ODO object -> value -> count)"},
       H { return occurs_map_flag(v, s); }},
      {{"occurs_mapping", mapped, "as occurs_mappings"}, H { return occurs_map_flag(v, s); }},
      // Segments
      {{"segment_field", mapped, "--segment-field FIELD, and the FIELD of --select and --segment-filter"},
       H { s.segment_field = v; return {}; }},
      {{"segment_filter", mapped, "--segment-filter FIELD=VALUE,..."}, H { s.segment_filter = v; return {}; }},
      {{"segment_id_level:N", mapped, "--segment-id-level N=ID,... (segment_id_level0, 1, ...)"},
       H {
         if (split_list(v).empty()) return "needs segment ids";
         s.segment_levels.emplace_back(std::stoi(index), join(split_list(v)));
         return {};
       }},
      {{"segment_id_prefix", mapped, "--segment-id-prefix TEXT"},
       H { s.flags.insert(s.flags.end(), {"--segment-id-prefix", v}); return {}; }},
      {{"segment_id_root", mapped, "--segment-id-root ID"},
       H { s.segment_root = v; return {}; }},
      {{"redefine_segment_id_map:N", mapped, "--select FIELD=ID,...:GROUP"},
       H { return arrow_map(v, s.segment_maps); }},
      {{"segment_children:N", mapped, "--parent CHILD=PARENT per child, and --nest-children"},
       H { return arrow_map(v, s.children_maps); }},
      // Spark partitioning and logging: no effect on the rows.
      {{"enable_indexes", no_effect, "Spark partitioning (mfbridge splits: `mfbridge splits`)"}, NO_EFFECT_BOOL},
      {{"enable_index_cache", no_effect, "as enable_indexes"}, NO_EFFECT_BOOL},
      {{"input_split_records", no_effect, "as enable_indexes"}, NO_EFFECT_COUNT},
      {{"input_split_size_mb", no_effect, "as enable_indexes"}, NO_EFFECT_COUNT},
      {{"improve_locality", no_effect, "HDFS block placement"}, NO_EFFECT_BOOL},
      {{"optimize_allocation", no_effect, "HDFS block placement"}, NO_EFFECT_BOOL},
      {{"pedantic", no_effect, "mfbridge is always pedantic: an unknown option is an error"}, NO_EFFECT_BOOL},
      {{"debug_layout_positions", no_effect, "a log line; `mfbridge layout` prints the layout"}, NO_EFFECT_BOOL},
      {{"debug_ignore_file_size", mapped, "true: --keep-partial-last-record (F: the cut last record is a bad record, see --on-error)"},
       H { return bool_value(v, s.ignore_file_size); }},
  };
  return table;
}

}  // namespace mfb::cli::cobrix
