#pragma once
// Per-field code pages (--field-codepage, Cobrix's field_code_page:PAGE): the checks made
// once for the whole copybook, before any plan is compiled.

#include <string>
#include <vector>

#include "mfb/bridge/codec/options.hpp"
#include "mfb/copybook/layout.hpp"

namespace mfb::bridge::detail {

/// "" when every field of `pages` names an elementary item of one of `records` (as --raw
/// names do: name or dotted path, any case, '_' for '-') and no field is given two pages;
/// else the error, naming the field and the option.
std::string check_field_codepages(const std::vector<field_codepage>& pages,
                                  const std::vector<const copybook::record_layout*>& records);

}  // namespace mfb::bridge::detail
