// The output-style flags of `mfbridge convert` (output_style_options.hpp).

#include "output_style_options.hpp"

namespace mfb::cli {

void add_output_style_options(CLI::App& cmd, output_style_args& a) {
  cmd.add_option("--naming", a.naming,
                 "Keys and value text: cobol (COBOL names, nulls written) or spark (Spark's rows, "
                 "as Cobrix writes them: '-' becomes '_', null members left out, numbers as Java "
                 "prints them)")
      ->check(CLI::IsMember({"cobol", "spark"}))
      ->capture_default_str();
  cmd.add_option("--schema-retention", a.retention,
                 "collapse-root (the 01's items are the row) or keep-original (the 01 record is "
                 "the row's one object)")
      ->check(CLI::IsMember({"collapse-root", "keep-original"}))
      ->capture_default_str();
  cmd.add_flag("--generate-record-id", a.generate_record_id,
               "Write File_Id, Record_Id (0-based) and Record_Byte_Length first in each row");
  cmd.add_option("--debug-columns", a.debug,
                 "After each elementary field a NAME_debug column with its bytes: none, hex "
                 "(upper-case) or raw (base64)")
      ->check(CLI::IsMember({"none", "hex", "raw"}))
      ->capture_default_str();
  cmd.add_option("--value-fillers", a.value_fillers,
                 "Elementary FILLERs: drop, or keep under generated names (default: left out)")
      ->check(CLI::IsMember({"drop", "keep"}));
  cmd.add_option("--group-fillers", a.group_fillers,
                 "FILLER groups: drop (with what they hold), or keep under generated names "
                 "(default: their named items written in the enclosing object)")
      ->check(CLI::IsMember({"drop", "keep"}));
  cmd.add_option("--filler-naming", a.filler_naming,
                 "Names of kept FILLERs: sequence (FILLER_P1.. values, FILLER_1.. groups) or "
                 "previous-field (FILLER_AFTER_<the item before>)")
      ->check(CLI::IsMember({"sequence", "previous-field"}))
      ->capture_default_str();
  cmd.add_option("--non-terminal", a.non_terminals,
                 "GROUP[,GROUP...]: also write the group's bytes as one text column GROUP_NT "
                 "right after it (repeatable)")
      ->delimiter(',');
}

namespace {

bridge::filler_policy filler(const std::string& v) {
  if (v == "drop") return bridge::filler_policy::drop;
  if (v == "keep") return bridge::filler_policy::keep;
  return bridge::filler_policy::inline_items;
}

}  // namespace

std::string apply_output_style(const output_style_args& a, bridge::output_style& s) {
  s.naming = a.naming == "spark" ? bridge::naming_style::spark : bridge::naming_style::cobol;
  s.retention = a.retention == "keep-original" ? bridge::schema_retention::keep_original
                                               : bridge::schema_retention::collapse_root;
  s.generate_record_id = a.generate_record_id;
  s.debug = a.debug == "hex"   ? bridge::debug_columns::hex
            : a.debug == "raw" ? bridge::debug_columns::raw
                               : bridge::debug_columns::none;
  s.value_fillers = filler(a.value_fillers);
  s.group_fillers = filler(a.group_fillers);
  s.filler_names = a.filler_naming == "previous-field" ? bridge::filler_naming::previous_field
                                                       : bridge::filler_naming::sequence;
  for (const auto& g : a.non_terminals) {
    if (g.empty()) return "--non-terminal: an empty group name";
    s.non_terminals.push_back(g);
  }
  return {};
}

}  // namespace mfb::cli
