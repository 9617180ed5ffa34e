#pragma once
// Framings whose parameters come from the record layout: a length field named by the
// copybook (--recfm LENGTH-FIELD --length-field NAME) and records cut by their OCCURS
// DEPENDING ON counters (--recfm ODO).

#include <string>
#include <string_view>

#include "mfb/bridge/framing_options.hpp"
#include "mfb/copybook/layout.hpp"
#include "mfb/ebcdic/binary.hpp"
#include "mfb/ebcdic/zoned.hpp"

namespace mfb::bridge {

/// Point `framing` (recfm::length_field) at the layout's field `name`: offset, size and
/// kind from its usage. Return an empty string, or why the field cannot be a length field.
std::string set_length_field(framing_options& framing, const copybook::record_layout& layout,
                             std::string_view name, ebcdic::zoned_charset zoned);

/// Make `framing` recfm::custom with a length function reading the layout's ODO counters:
/// length = layout.length - sum over tables of (occurs_max - count) * stride. Return an
/// empty string, or why the layout cannot be framed this way (nested ODO is refused).
std::string set_odo_framing(framing_options& framing, const copybook::record_layout& layout,
                            ebcdic::zoned_charset zoned, ebcdic::truncation trunc);

}  // namespace mfb::bridge
