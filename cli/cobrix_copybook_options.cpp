// Cobrix's copybook source and per-field text options, mapped onto --copybook-text,
// --copybook-format, --copybook-columns, --field-codepage and --binary-text (see
// cobrix_copybook_options.hpp). Cobrix's own rules, from its parameter parser: the bounds
// default to 6 and 72; truncate_comments=false cannot be given with a bound; an empty code
// page after field_code_page: is skipped by Cobrix, and is an error here (never ignored).

#include "cobrix_copybook_options.hpp"

namespace mfb::cli::cobrix {

std::string page_name(const std::string& cobrix_page) {
  std::string cp = lower(cobrix_page);
  if (cp == "cp037_extended") cp = "cp037";  // ICU's cp037 keeps the control characters
  if (cp == "common_extended") cp = "common-extended";
  return cp;
}

std::string copybook_contents_option(const std::string& v, mapping_state& s) {
  if (v.find_first_not_of(" \t\r\n") == std::string::npos) return "needs the copybook's text";
  s.flags.insert(s.flags.end(), {"--copybook-text", v});
  return {};
}

std::string truncate_comments_option(const std::string& v, mapping_state& s) {
  return optional_bool(v, s.truncate_comments);
}

std::string comment_bound_option(const std::string& v, bool upper, mapping_state& s) {
  long long n = 0;
  if (!parse_int(v, n)) return "needs a whole number, not '" + v + "'";
  if (n < 0)
    return "is negative (" + v + "): Cobrix then drops characters from the other end of each "
           "line, which no compiler does; not supported";
  (upper ? s.comments_ubound : s.comments_lbound) = n;
  return {};
}

std::string field_code_page_option(const std::string& v, const std::string& page, mapping_state& s) {
  if (page.empty()) return "needs a code page after ':' (field_code_page:cp037)";
  auto fields = split_list(v);
  if (fields.empty()) return "needs the fields, comma-separated";
  s.flags.insert(s.flags.end(), {"--field-codepage", page_name(page) + "=" + join(fields)});
  return {};
}

std::string binary_as_hex_option(const std::string& v, mapping_state& s) {
  bool hex = false;
  if (auto why = bool_value(v, hex); !why.empty()) return why;
  if (hex) s.flags.insert(s.flags.end(), {"--binary-text", "hex"});
  return {};
}

std::string comment_flags(mapping_state& s) {
  const bool bounds = s.comments_lbound || s.comments_ubound;
  if (s.truncate_comments == false) {
    if (bounds)
      return "when truncate_comments=false, comments_lbound and comments_ubound cannot be used";
    s.flags.insert(s.flags.end(), {"--copybook-format", "free"});
    return {};
  }
  if (!bounds && !s.truncate_comments) return {};
  const long long lbound = s.comments_lbound.value_or(6);
  const long long ubound = s.comments_ubound.value_or(72);
  if (lbound + 2 > ubound)
    return "comments_lbound " + std::to_string(lbound) + " and comments_ubound " +
           std::to_string(ubound) + " leave no code column (column " + std::to_string(lbound + 1) +
           " is the indicator; code runs from " + std::to_string(lbound + 2) + " to comments_ubound)";
  s.flags.insert(s.flags.end(), {"--copybook-columns", std::to_string(lbound) + ":" + std::to_string(ubound)});
  return {};
}

}  // namespace mfb::cli::cobrix
