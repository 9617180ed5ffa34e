#pragma once
// The --codepage value of convert/encode/inspect: a page name known to ICU, or the path of a
// 256-entry table file (a site's custom page, e.g. Cobrix's t09 custom table).

#include <string>

#include "mfb/ebcdic/code_page.hpp"
#include "mfb/ebcdic/result.hpp"

namespace mfb::bridge {

/// Open `name_or_file`: a known page name first; if there is none by that name and the
/// text names an existing file, the file is read with code_page::from_table_file.
result<ebcdic::code_page> open_code_page(const std::string& name_or_file);

}  // namespace mfb::bridge
