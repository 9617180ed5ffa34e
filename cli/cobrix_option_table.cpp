// The table of Cobrix reader options (Cobrix's README, "Summary of all available options")
// and what each becomes in mfbridge. docs/cobrix.md lists the same rows for users.

#include <string>
#include <vector>

#include "cobrix_copybook_options.hpp"
#include "cobrix_mapping.hpp"

namespace mfb::cli::cobrix {

#define H MFB_COBRIX_HANDLER

const std::vector<table_row>& value_rows() {
  static const std::vector<table_row> table = {
      // Files and copybooks
      {{"copybook", mapped, "--copybook FILE (a file:// prefix is dropped)"},
       H { s.copybooks.push_back(v.rfind("file://", 0) == 0 ? v.substr(7) : v); return {}; }},
      {{"copybooks", mapped, "--copybook FILE, once per file of the comma list"},
       H { for (auto& c : split_list(v)) s.copybooks.push_back(c); return {}; }},
      {{"copybook_contents", mapped, "--copybook-text TEXT (one line in an options file)"},
       H { return copybook_contents_option(v, s); }},
      {{"path", mapped, "--input PATH (a file, a folder or a glob: every file in one run)"},
       H { s.inputs.push_back(v); return {}; }},
      {{"paths", mapped, "--input PATH, once per path of the comma list"},
       H { for (auto& p : split_list(v)) s.inputs.push_back(p); return {}; }},
      {{"data_paths", mapped, "--input PATH, once per path of the comma list (as paths)"},
       H { for (auto& p : split_list(v)) s.inputs.push_back(p); return {}; }},
      {{"file_start_offset", mapped, "--skip-head BYTES"}, H { return count_flag("--skip-head", v, s); }},
      {{"file_end_offset", mapped, "--skip-tail BYTES"}, H { return count_flag("--skip-tail", v, s); }},
      {{"record_start_offset", mapped, "--record-start-offset BYTES"},
       H { return count_flag("--record-start-offset", v, s); }},
      {{"record_end_offset", mapped, "--record-end-offset BYTES"},
       H { return count_flag("--record-end-offset", v, s); }},
      {{"truncate_comments", mapped, "true: --copybook-columns 6:72 (fixed format); false: --copybook-format free"},
       H { return truncate_comments_option(v, s); }},
      {{"comments_lbound", mapped, "--copybook-columns LBOUND:UBOUND (column LBOUND+1 is the indicator)"},
       H { return comment_bound_option(v, false, s); }},
      {{"comments_ubound", mapped, "--copybook-columns LBOUND:UBOUND (the last code column)"},
       H { return comment_bound_option(v, true, s); }},
      // Values
      {{"encoding", mapped, "ascii: --ascii; ebcdic: the default"},
       H {
         std::string e;
         if (auto why = choice(v, {"ebcdic", "ascii"}, e); !why.empty()) return why;
         s.ascii = e == "ascii";
         return {};
       }},
      {{"ascii_charset", mapped, "--ascii-charset NAME (UTF-8, ISO-8859-1, US-ASCII)"},
       H { s.flags.insert(s.flags.end(), {"--ascii-charset", v}); return {}; }},
      {{"string_trimming_policy", mapped, "--trim none|left|right|both"},
       H {
         std::string t;
         if (auto why = choice(v, {"none", "left", "right", "both"}, t); !why.empty())
           return why + (lower(v) == "keep_all" ? " (keep_all is not supported)" : "");
         s.flags.insert(s.flags.end(), {"--trim", t});
         return {};
       }},
      {{"ebcdic_code_page", mapped, "--codepage NAME (common, common_extended, cp037, cp037_extended = cp037, ...)"},
       H { s.flags.insert(s.flags.end(), {"--codepage", page_name(v)}); return {}; }},
      {{"ebcdic_code_page_class", unsupported, "a Java class: give the table as a 256-entry file, --codepage FILE"}, nullptr},
      {{"field_code_page:PAGE", mapped, "--field-codepage PAGE=FIELD,... (single-byte pages, PIC X fields)"},
       H { return field_code_page_option(v, index, s); }},
      {{"is_utf16_big_endian", mapped, "true: the default (PIC N is UTF-16BE); false is not supported"},
       H {
         bool b = false;
         if (auto why = bool_value(v, b); !why.empty()) return why;
         return b ? std::string() : "false (little-endian PIC N) is not supported";
       }},
      {{"floating_point_format", mapped, "--float-format hfp|ieee (IBM, IEEE754)"},
       H {
         std::string f;
         if (auto why = choice(v, {"ibm", "ieee754"}, f); !why.empty())
           return why + " (the little-endian forms are not supported)";
         s.flags.insert(s.flags.end(), {"--float-format", f == "ibm" ? "hfp" : "ieee"});
         return {};
       }},
      {{"variable_size_occurs", mapped, "true: --recfm ODO for fixed-format files (records shrink with their ODO counts)"},
       H { return bool_value(v, s.variable_size_occurs); }},
      {{"strict_sign_overpunching", mapped, "true: the default; false is not supported"},
       H {
         bool b = false;
         if (auto why = bool_value(v, b); !why.empty()) return why;
         return b ? std::string() : "false (a sign on an unsigned picture) is not supported";
       }},
      {{"improved_null_detection", mapped, "--improved-null-detection (on in the Cobrix profile)"},
       H { return bool_value(v, s.improved_null_detection); }},
      {{"strict_integral_precision", no_effect, "JSON prints decimal(n,0) and integers alike"},
       H {
         bool b = false;
         return bool_value(v, b);
       }},
      {{"binary_as_hex", mapped, "true: --binary-text hex (PIC X USAGE COMP items, upper-case hex; false: base64)"},
       H { return binary_as_hex_option(v, s); }},
      // Output
      {{"schema_retention_policy", mapped, "--schema-retention collapse-root|keep-original"},
       H {
         std::string p;
         if (auto why = choice(v, {"collapse_root", "keep_original"}, p); !why.empty()) return why;
         s.flags.insert(s.flags.end(), {"--schema-retention", p == "collapse_root" ? "collapse-root" : "keep-original"});
         return {};
       }},
      {{"drop_group_fillers", mapped, "--group-fillers drop|keep"},
       H { return bool_choice_flag("--group-fillers", v, "drop", "keep", s); }},
      {{"drop_value_fillers", mapped, "--value-fillers drop|keep"},
       H { return bool_choice_flag("--value-fillers", v, "drop", "keep", s); }},
      {{"filler_naming_policy", mapped, "--filler-naming sequence|previous-field"},
       H {
         std::string p;
         if (auto why = choice(v, {"sequence_numbers", "previous_field_name"}, p); !why.empty()) return why;
         s.flags.insert(s.flags.end(), {"--filler-naming", p == "sequence_numbers" ? "sequence" : "previous-field"});
         return {};
       }},
      {{"non_terminals", mapped, "--non-terminal GROUP,..."},
       H {
         auto groups = split_list(v);
         if (groups.empty()) return "needs a group name";
         s.flags.insert(s.flags.end(), {"--non-terminal", join(groups)});
         return {};
       }},
      {{"generate_record_id", mapped, "--generate-record-id"},
       H { return bool_flag("--generate-record-id", v, s); }},
      {{"generate_record_bytes", mapped, "--record-bytes"},
       H { return bool_flag("--record-bytes", v, s); }},
      {{"with_input_file_name_col", mapped, "--file-name-column NAME --file-name-form uri"},
       H {
         if (v.empty()) return "needs a column name";
         s.flags.insert(s.flags.end(), {"--file-name-column", v, "--file-name-form", "uri"});
         return {};
       }},
      {{"metadata", no_effect, "Spark schema metadata: no effect on the rows"},
       H { std::string m; return choice(v, {"false", "basic", "extended"}, m); }},
      {{"debug", mapped, "--debug-columns hex|raw (true = hex; binary or raw = raw)"},
       H {
         std::string d;
         if (auto why = choice(v, {"none", "false", "true", "hex", "binary", "raw"}, d); !why.empty())
           return why + (lower(v) == "string" ? " (string is not supported)" : "");
         if (d == "true" || d == "hex") s.flags.insert(s.flags.end(), {"--debug-columns", "hex"});
         if (d == "binary" || d == "raw") s.flags.insert(s.flags.end(), {"--debug-columns", "raw"});
         return {};
       }},
  };
  return table;
}

}  // namespace mfb::cli::cobrix
