#pragma once
// The Cobrix options about the copybook's source and per-field text: copybook_contents,
// truncate_comments, comments_lbound, comments_ubound, field_code_page:PAGE and
// binary_as_hex. Their table rows (cobrix_option_table.cpp) call these handlers.

#include <string>

#include "cobrix_mapping.hpp"

namespace mfb::cli::cobrix {

/// The Cobrix spelling of a code page as mfbridge names it (cp037_extended is ICU's cp037,
/// common_extended is common-extended).
std::string page_name(const std::string& cobrix_page);

std::string copybook_contents_option(const std::string& v, mapping_state& s);
std::string truncate_comments_option(const std::string& v, mapping_state& s);
/// comments_lbound (`upper` false) or comments_ubound (`upper` true).
std::string comment_bound_option(const std::string& v, bool upper, mapping_state& s);
/// field_code_page:PAGE = "FIELD1, FIELD2": `page` is the part of the name after ':'.
std::string field_code_page_option(const std::string& v, const std::string& page, mapping_state& s);
std::string binary_as_hex_option(const std::string& v, mapping_state& s);

/// The flags of truncate_comments and the comment bounds, once all options are known: none
/// when none was given, --copybook-format free for truncate_comments=false, else
/// --copybook-columns LBOUND:UBOUND (Cobrix keeps the characters after the first LBOUND and
/// up to UBOUND, so column LBOUND + 1 is the indicator). "" or the error.
std::string comment_flags(mapping_state& s);

}  // namespace mfb::cli::cobrix
