#pragma once
// --occurs-map's text: a JSON object as Cobrix's occurs_mappings takes it,
// {"FIELD": {"VALUE": COUNT, ...}, ...}, or the short form FIELD=VALUE:COUNT[,VALUE:COUNT...];
// and the check of a map against the copybook's layouts. Every problem is a usage error
// that names the field, value or count at fault.

#include <string>
#include <string_view>
#include <vector>

#include "mfb/bridge/io/occurs_map.hpp"
#include "mfb/copybook/layout.hpp"

namespace mfb::bridge {

/// True when --occurs-map text is read as JSON: it starts with '{', '[' or '"' (after white
/// space); anything else is the short form (or, on the command line, a file's name).
bool occurs_map_is_json(std::string_view text) noexcept;

/// Add the mappings of one --occurs-map text (JSON or the short form, as
/// occurs_map_is_json tells) to `map`. Return why the text is malformed, or "".
std::string add_occurs_map(occurs_map& map, std::string_view text);

/// Check `map` against the layouts: every field it names must be the text (PIC X or A)
/// object of an OCCURS DEPENDING ON in some record. Return the problem, or "" (also when
/// `map` is null or there are no records). Callers check before the copybook's own
/// diagnostics: a misspelt name then gets this message, not the resolver's refusal.
std::string check_occurs_map(const occurs_map* map,
                             const std::vector<copybook::record_layout>& records);

}  // namespace mfb::bridge
