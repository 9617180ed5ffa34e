// Length-field and ODO framings resolved from the copybook layout. The ODO length function
// reads only counters at fixed offsets, so a record's length is known from its first bytes.

#include "mfb/bridge/io/layout_framing.hpp"
#include "mfb/copybook/name_lookup.hpp"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <vector>

#include "mfb/ebcdic/packed.hpp"

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


// One ODO table as the length function needs it.
struct odo_table {
  std::size_t counter_offset = 0;
  std::size_t counter_length = 0;
  cb::usage counter_use = cb::usage::display;
  eb::zoned_sign counter_sign = eb::zoned_sign::none;
  bool counter_signed = false;
  int counter_digits = 0;
  std::string counter_name;
  long long occurs_min = 0;
  long long occurs_max = 0;
  std::size_t stride = 0;
};

struct odo_plan {
  std::size_t max_length = 0;
  std::size_t header = 0;  ///< bytes needed to read every counter
  eb::zoned_charset zoned = eb::zoned_charset::ebcdic;
  eb::truncation trunc = eb::truncation::standard;
  std::vector<odo_table> tables;
};

// Read a numeric item (an ODO counter, a length field) at p; false when it is no number.
bool read_number(const odo_plan& plan, const odo_table& t, const std::uint8_t* p, std::int64_t& out) {
  std::int64_t v = 0;
  eb::decode_status st = eb::decode_status::ok;
  switch (t.counter_use) {
    case cb::usage::display:
      st = eb::decode_zoned64(p, t.counter_length, eb::zoned_format{t.counter_sign, plan.zoned}, v);
      break;
    case cb::usage::packed_decimal:
      st = eb::decode_packed64(p, t.counter_length, t.counter_digits, t.counter_signed, v);
      break;
    default: {
      eb::binary_format bf;
      bf.is_signed = t.counter_signed;
      bf.digits = t.counter_digits;
      bf.trunc = t.counter_use == cb::usage::comp_5 ? eb::truncation::binary : plan.trunc;
      st = eb::decode_binary(p, t.counter_length, bf, v);
      break;
    }
  }
  out = v;
  return st == eb::decode_status::ok;
}

mfb::result<std::int64_t> read_counter(const odo_plan& plan, const odo_table& t,
                                       const std::uint8_t* p) {
  std::int64_t v = 0;
  if (!read_number(plan, t, p, v))
    return mfb::error{"ODO counter " + t.counter_name + " does not hold a valid number"};
  return v;
}

// The numeric item `f` as read_number needs it.
odo_table numeric_item(const cb::field& f) {
  odo_table t;
  t.counter_offset = f.offset;
  t.counter_length = f.length;
  t.counter_use = f.use;
  t.counter_sign = zoned_sign_of(f);
  t.counter_signed = f.picture && f.picture->is_signed;
  t.counter_digits = f.picture ? f.picture->digits : 18;
  t.counter_name = display_name(f);
  return t;
}

mfb::result<std::size_t> odo_length(const odo_plan& plan, std::span<const std::uint8_t> bytes) {
  if (bytes.size() < plan.header) return std::size_t{0};
  std::size_t shortfall = 0;
  for (const auto& t : plan.tables) {
    auto count = read_counter(plan, t, bytes.data() + t.counter_offset);
    if (!count) return count.err();
    if (*count < t.occurs_min || *count > t.occurs_max) {
      return mfb::error{"ODO counter " + t.counter_name + " is " + std::to_string(*count) +
                        ", outside " + std::to_string(t.occurs_min) + " to " +
                        std::to_string(t.occurs_max)};
    }
    shortfall += static_cast<std::size_t>(t.occurs_max - *count) * t.stride;
  }
  return plan.max_length - shortfall;
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
                            ebcdic::zoned_charset zoned, ebcdic::truncation trunc) {
  auto plan = std::make_shared<odo_plan>();
  plan->max_length = layout.length;
  plan->zoned = zoned;
  plan->trunc = trunc;
  for (const auto& f : layout.fields) {
    if (f.depending_on < 0) continue;
    for (int i = f.parent; i >= 0; i = layout.fields[static_cast<std::size_t>(i)].parent) {
      if (layout.fields[static_cast<std::size_t>(i)].is_occurs())
        return "--recfm ODO: nested ODO tables are not supported (" + display_name(f) +
               " is inside a table)";
    }
    const auto& obj = layout.fields[static_cast<std::size_t>(f.depending_on)];
    if (auto why = fixed_location_problem(layout, obj); !why.empty())
      return "--recfm ODO: counter " + why;
    if (obj.offset + obj.length > f.offset)
      return "--recfm ODO: counter " + display_name(obj) + " does not lie before " + display_name(f);
    if (!is_numeric_item(obj)) return "--recfm ODO: counter " + display_name(obj) + " is not numeric";
    odo_table t = numeric_item(obj);
    t.occurs_min = f.occurs_min;
    t.occurs_max = f.occurs_max;
    t.stride = f.stride;
    switch (obj.use) {
      case cb::usage::display:
      case cb::usage::packed_decimal:
      case cb::usage::binary:
      case cb::usage::comp_5:
        break;
      default:
        return "--recfm ODO: counter " + t.counter_name + " must be zoned, packed or binary";
    }
    plan->header = std::max(plan->header, obj.offset + obj.length);
    plan->tables.push_back(std::move(t));
  }
  if (plan->tables.empty()) return "--recfm ODO: record " + layout.name + " has no OCCURS DEPENDING ON";
  framing.format = recfm::custom;
  framing.record_length = [plan](std::span<const std::uint8_t> bytes) {
    return odo_length(*plan, bytes);
  };
  return {};
}

mfb::result<record_length_fn> layout_length_function(const copybook::record_layout& layout,
                                                     std::string_view length_field,
                                                     long long adjust, ebcdic::zoned_charset zoned,
                                                     ebcdic::truncation trunc) {
  framing_options probe;
  if (length_field.empty()) {
    if (auto why = set_odo_framing(probe, layout, zoned, trunc); !why.empty()) return error{why};
    return probe.record_length;
  }
  if (auto why = set_length_field(probe, layout, length_field, zoned); !why.empty())
    return error{why};
  auto plan = std::make_shared<odo_plan>();
  plan->zoned = zoned;
  plan->trunc = trunc;
  const odo_table field = numeric_item(*layout.find(length_field));
  return record_length_fn([plan, field, adjust](std::span<const std::uint8_t> bytes)
                              -> mfb::result<std::size_t> {
    if (bytes.size() < field.counter_offset + field.counter_length)
      return mfb::error{"the record ends before its length field " + field.counter_name};
    std::int64_t v = 0;
    if (!read_number(*plan, field, bytes.data() + field.counter_offset, v))
      return mfb::error{"length field " + field.counter_name + " does not hold a valid number"};
    long long length = static_cast<long long>(v) + adjust;
    if (length <= 0)
      return mfb::error{"length field " + field.counter_name + " gives a length of " +
                        std::to_string(length)};
    return static_cast<std::size_t>(length);
  });
}

}  // namespace mfb::bridge
