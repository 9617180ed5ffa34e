#pragma once
// Framings whose parameters come from the record layout: a length field named by the
// copybook (--recfm LENGTH-FIELD --length-field NAME) and records cut by their OCCURS
// DEPENDING ON counters (--recfm ODO).

#include <memory>
#include <string>
#include <string_view>

#include "mfb/bridge/io/framing_options.hpp"
#include "mfb/bridge/io/occurs_map.hpp"
#include "mfb/copybook/layout.hpp"
#include "mfb/ebcdic/binary.hpp"
#include "mfb/ebcdic/code_page.hpp"
#include "mfb/ebcdic/zoned.hpp"

namespace mfb::bridge {

/// How a numeric DISPLAY field carries its sign (none, overpunched or separate, leading or
/// trailing): the one mapping from the copybook's SIGN clause to the zoned codec.
ebcdic::zoned_sign zoned_sign_of(const copybook::field& f);

/// Point `framing` (recfm::length_field) at the layout's field `name`: offset, size and
/// kind from its usage. Return an empty string, or why the field cannot be a length field.
std::string set_length_field(framing_options& framing, const copybook::record_layout& layout,
                             std::string_view name, ebcdic::zoned_charset zoned);

/// --length-map: make `framing` (recfm::length_field, its length_map filled) recfm::custom
/// with a length function that looks the value of the layout's field `name` up in the map
/// and adds length_adjust. The field is text (PIC X or A: decoded with `page`, then trimmed
/// as Java's String.trim trims) or a whole number (its digits, '-' first when negative).
/// A value the map lacks leaves the record's length unknown: a framing error naming the
/// field, its offset and the value, and reading stops there. Return "" or why not.
std::string set_length_map_framing(framing_options& framing, const copybook::record_layout& layout,
                                   std::string_view name, std::shared_ptr<const ebcdic::code_page> page,
                                   ebcdic::zoned_charset zoned, ebcdic::truncation trunc);

/// Make `framing` recfm::custom with a length function reading the layout's ODO counters:
/// the record as its counters lay it out, nested tables included (each occurrence reads its
/// own counter). Return an empty string, or why the layout cannot be framed this way.
/// A text counter (PIC X) is counted through `text` (--occurs-map).
std::string set_odo_framing(framing_options& framing, const copybook::record_layout& layout,
                            ebcdic::zoned_charset zoned, ebcdic::truncation trunc,
                            const text_counts& text = {});

/// The record length a reader derives from a record's own bytes: the length field's value
/// plus `adjust` (--recfm LENGTH-FIELD, `length_field` names it) or, with `length_field`
/// empty, the ODO counters (--recfm ODO). Used to check records before they are written.
/// Fails as set_length_field / set_odo_framing do for a layout that cannot be framed so.
mfb::result<record_length_fn> layout_length_function(const copybook::record_layout& layout,
                                                     std::string_view length_field,
                                                     long long adjust, ebcdic::zoned_charset zoned,
                                                     ebcdic::truncation trunc,
                                                     const text_counts& text = {});

}  // namespace mfb::bridge
