// Length-field and ODO framings resolved from the copybook layout; the ODO length walk
// (nested tables included) is in odo_walk.cpp.

#include "mfb/bridge/io/layout_framing.hpp"
#include "mfb/copybook/name_lookup.hpp"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <vector>

#include "io/odo_walk.hpp"

namespace mfb::bridge {

namespace {

namespace cb = mfb::copybook;
namespace eb = mfb::ebcdic;

bool is_numeric_item(const cb::field& f) { return !f.is_group() && f.kind == cb::category::numeric; }

std::string display_name(const cb::field& f) { return f.path.empty() ? f.name : f.path; }

// An item is at a fixed offset unless it follows an ODO table or sits in any table (its
// offset is then per occurrence).
std::string fixed_location_problem(const cb::record_layout& layout, const cb::field& f) {
  if (f.variably_located) return display_name(f) + " follows an ODO table, so its offset varies";
  for (int i = f.parent; i >= 0; i = layout.fields[static_cast<std::size_t>(i)].parent) {
    if (layout.fields[static_cast<std::size_t>(i)].is_occurs())
      return display_name(f) + " is inside an OCCURS table";
  }
  return {};
}

}  // namespace

ebcdic::zoned_sign zoned_sign_of(const copybook::field& f) {
  if (!f.picture || !f.picture->is_signed) return ebcdic::zoned_sign::none;
  bool lead = f.sign == copybook::sign_position::leading;
  if (f.sign_separate) return lead ? ebcdic::zoned_sign::leading_separate : ebcdic::zoned_sign::trailing_separate;
  return lead ? ebcdic::zoned_sign::leading_overpunch : ebcdic::zoned_sign::trailing_overpunch;
}

std::string set_length_field(framing_options& framing, const copybook::record_layout& layout,
                             std::string_view name, ebcdic::zoned_charset zoned) {
  const cb::field* f = layout.find(name);
  if (!f)
    return "--length-field " + std::string(name) + " is not a field of " + layout.name +
           cb::did_you_mean(name, cb::item_names({&layout}));
  if (!is_numeric_item(*f)) return "--length-field " + display_name(*f) + " is not numeric";
  if (auto why = fixed_location_problem(layout, *f); !why.empty()) return "--length-field " + why;
  switch (f->use) {
    case cb::usage::binary:
    case cb::usage::comp_5:
      framing.length_field_kind = length_field_encoding::binary_big_endian;
      break;
    case cb::usage::display:
      if (f->sign_separate)
        return "--length-field " + display_name(*f) + " has a separate sign";
      framing.length_field_kind = zoned == eb::zoned_charset::ascii
                                      ? length_field_encoding::ascii_digits
                                      : length_field_encoding::ebcdic_digits;
      break;
    default:
      return "--length-field " + display_name(*f) +
             " must be binary (COMP, COMP-5) or zoned DISPLAY digits";
  }
  framing.format = recfm::length_field;
  framing.length_field_offset = f->offset;
  framing.length_field_size = f->length;
  return {};
}

std::string set_odo_framing(framing_options& framing, const copybook::record_layout& layout,
                            ebcdic::zoned_charset zoned, ebcdic::truncation trunc,
                            const text_counts& text) {
  std::string why;
  auto length = detail::odo_length_function(layout, detail::number_coding{zoned, trunc}, text, why);
  if (!length) return why;
  framing.format = recfm::custom;
  framing.record_length = std::move(length);
  return {};
}

mfb::result<record_length_fn> layout_length_function(const copybook::record_layout& layout,
                                                     std::string_view length_field,
                                                     long long adjust, ebcdic::zoned_charset zoned,
                                                     ebcdic::truncation trunc,
                                                     const text_counts& text) {
  framing_options probe;
  if (length_field.empty()) {
    if (auto why = set_odo_framing(probe, layout, zoned, trunc, text); !why.empty())
      return error{why};
    return probe.record_length;
  }
  if (auto why = set_length_field(probe, layout, length_field, zoned); !why.empty())
    return error{why};
  const detail::number_coding coding{zoned, trunc};
  const detail::number_item field = detail::number_item_of(*layout.find(length_field));
  return record_length_fn([coding, field, adjust](std::span<const std::uint8_t> bytes)
                              -> mfb::result<std::size_t> {
    if (bytes.size() < field.offset + field.length)
      return mfb::error{"the record ends before its length field " + field.name};
    std::int64_t v = 0;
    if (!detail::read_number(coding, field, bytes.data() + field.offset, v))
      return mfb::error{"length field " + field.name + " does not hold a valid number"};
    long long length = static_cast<long long>(v) + adjust;
    if (length <= 0)
      return mfb::error{"length field " + field.name + " gives a length of " +
                        std::to_string(length)};
    return static_cast<std::size_t>(length);
  });
}

}  // namespace mfb::bridge
