// --recfm ODO: a record's length from its OCCURS DEPENDING ON counters. Items whose size
// no counter changes are stepped over whole; a table with a counter inside its elements
// (nested ODO) is walked element by element, each reading its own counter where the
// elements before it put it. No separators: the record ends where its last item ends.

#include "io/odo_walk.hpp"

#include <memory>
#include <optional>
#include <vector>

#include "mfb/bridge/io/layout_framing.hpp"
#include "mfb/ebcdic/packed.hpp"

namespace mfb::bridge::detail {

namespace {

namespace cb = mfb::copybook;
namespace eb = mfb::ebcdic;

std::string display_name(const cb::field& f) { return f.path.empty() ? f.name : f.path; }

constexpr std::size_t unset = static_cast<std::size_t>(-1);

struct odo_layout {
  cb::record_layout layout;
  number_coding coding;
  std::vector<char> varies;           ///< per field: a counter inside an occurrence changes its size
  std::vector<number_item> counters;  ///< per field: its counter, for ODO tables
  /// Text counters (--occurs-map): the map, the page, and per field the index of its
  /// counter's mapping (-1: a numeric counter).
  occurs_map map;
  std::optional<ebcdic::code_page> page;
  std::vector<int> text_map;
};

/// One walk over one record's bytes; `start` holds where each item last began.
struct odo_walk {
  const odo_layout& o;
  std::span<const std::uint8_t> bytes;
  std::vector<std::size_t>& start;
  bool need_more = false;
  std::string error;

  bool stopped() const { return need_more || !error.empty(); }

  /// Where counter `object` begins in this record. A counter inside a group no counter
  /// resizes (05 HDR. 10 N PIC 9.) is not walked item by item: it sits at its layout offset
  /// within the nearest enclosing item the walk placed.
  std::size_t counter_start(int object) const {
    for (int at = object; at >= 0; at = o.layout.fields[static_cast<std::size_t>(at)].parent) {
      const std::size_t placed = start[static_cast<std::size_t>(at)];
      if (placed == unset) continue;
      return placed + (o.layout.fields[static_cast<std::size_t>(object)].offset -
                       o.layout.fields[static_cast<std::size_t>(at)].offset);
    }
    return unset;
  }

  long long count_of(const cb::field& table, std::size_t index) {
    const auto& c = o.counters[index];
    const std::size_t at = counter_start(table.depending_on);
    if (at == unset) {
      error = "ODO counter " + c.name + " is not laid out before " + display_name(table);
      return 0;
    }
    if (at + c.length > bytes.size()) {
      need_more = true;
      return 0;
    }
    std::int64_t v = 0;
    if (o.text_map[index] >= 0) {
      std::string value;
      v = mapped_count(o.map.fields[static_cast<std::size_t>(o.text_map[index])], *o.page,
                       bytes.data() + at, c.length, value);
      if (v < 0) {
        error = unmapped_value_reason(c.name, value) + " (record offset " + std::to_string(at) + ")";
        return 0;
      }
    } else if (!read_number(o.coding, c, bytes.data() + at, v)) {
      error = "ODO counter " + c.name + " at record offset " + std::to_string(at) +
              " does not hold a valid number";
      return 0;
    }
    if (v < table.occurs_min || v > table.occurs_max) {
      error = "ODO counter " + c.name + " at record offset " + std::to_string(at) + " is " +
              std::to_string(v) + ", outside " + std::to_string(table.occurs_min) + " to " +
              std::to_string(table.occurs_max);
      return 0;
    }
    return v;
  }

  /// Where item `index` ends when it begins at `at` (all its occurrences).
  std::size_t item_end(std::size_t index, std::size_t at) {
    const cb::field& f = o.layout.fields[index];
    start[index] = at;
    long long count = f.is_occurs() ? f.occurs_max : 1;
    if (f.depending_on >= 0) count = count_of(f, index);
    if (stopped()) return at;
    const std::size_t stride = f.is_occurs() ? f.stride : f.length;
    if (!o.varies[index] || !f.is_group()) return at + static_cast<std::size_t>(count) * stride;
    for (long long i = 0; i < count && !stopped(); ++i) at = group_end(f, at);
    return at;
  }

  /// Where one occurrence of group `g`, beginning at `at`, ends.
  std::size_t group_end(const cb::field& g, std::size_t at) {
    std::size_t cursor = at;
    for (int child : g.children) {
      const auto c = static_cast<std::size_t>(child);
      const cb::field& f = o.layout.fields[c];
      if (f.level == 66) continue;
      const std::size_t begin = f.redefines >= 0 ? start[static_cast<std::size_t>(f.redefines)]
                                                 : cursor + static_cast<std::size_t>(f.slack_before);
      cursor = std::max(cursor, item_end(c, begin));
      if (stopped()) break;
    }
    return cursor;
  }
};

mfb::result<std::size_t> odo_length(const odo_layout& o, std::span<const std::uint8_t> bytes) {
  thread_local std::vector<std::size_t> start;
  start.assign(o.layout.fields.size(), unset);
  odo_walk w{o, bytes, start, false, {}};
  const std::size_t end = w.item_end(0, 0);
  if (!w.error.empty()) return mfb::error{w.error};
  if (w.need_more) return std::size_t{0};
  return end;
}

/// Why table `f` cannot be framed by its counter, or "". `mapped`: the counter is a text
/// item an occurs map counts.
std::string counter_problem(const cb::record_layout& layout, std::size_t index, bool mapped) {
  const cb::field& f = layout.fields[index];
  const auto& obj = layout.fields[static_cast<std::size_t>(f.depending_on)];
  if (static_cast<std::size_t>(f.depending_on) >= index)
    return "counter " + display_name(obj) + " does not lie before " + display_name(f);
  for (int i = obj.parent; i >= 0; i = layout.fields[static_cast<std::size_t>(i)].parent)
    if (static_cast<std::size_t>(i) == index)
      return "counter " + display_name(obj) + " lies inside its own table " + display_name(f);
  if (mapped) return {};
  if (obj.is_group() || obj.kind != cb::category::numeric)
    return "counter " + display_name(obj) + " is not numeric (a text counter needs --occurs-map)";
  switch (obj.use) {
    case cb::usage::display:
    case cb::usage::packed_decimal:
    case cb::usage::binary:
    case cb::usage::comp_5:
      return {};
    default:
      return "counter " + display_name(obj) + " must be zoned, packed or binary";
  }
}

}  // namespace

number_item number_item_of(const cb::field& f) {
  number_item t;
  t.offset = f.offset;
  t.length = f.length;
  t.use = f.use;
  t.sign = zoned_sign_of(f);
  t.is_signed = f.picture && f.picture->is_signed;
  t.digits = f.picture ? f.picture->digits : 18;
  t.name = display_name(f);
  return t;
}

bool read_number(const number_coding& coding, const number_item& t, const std::uint8_t* p,
                 std::int64_t& out) {
  std::int64_t v = 0;
  eb::decode_status st = eb::decode_status::ok;
  switch (t.use) {
    case cb::usage::display:
      st = eb::decode_zoned64(p, t.length, eb::zoned_format{t.sign, coding.zoned}, v);
      break;
    case cb::usage::packed_decimal:
      st = eb::decode_packed64(p, t.length, t.digits, t.is_signed, v);
      break;
    default: {
      eb::binary_format bf;
      bf.is_signed = t.is_signed;
      bf.digits = t.digits;
      bf.trunc = t.use == cb::usage::comp_5 ? eb::truncation::binary : coding.trunc;
      st = eb::decode_binary(p, t.length, bf, v);
      break;
    }
  }
  out = v;
  return st == eb::decode_status::ok;
}

record_length_fn odo_length_function(const cb::record_layout& layout, number_coding coding,
                                     const text_counts& text, std::string& why) {
  auto o = std::make_shared<odo_layout>();
  o->layout = layout;
  o->coding = coding;
  o->varies.assign(layout.fields.size(), 0);
  o->counters.resize(layout.fields.size());
  o->text_map.assign(layout.fields.size(), -1);
  if (text.map != nullptr && text.page != nullptr) {
    o->map = *text.map;
    o->page = *text.page;
  }
  bool any = false;
  for (std::size_t i = 0; i < layout.fields.size(); ++i) {
    const cb::field& f = layout.fields[i];
    if (f.depending_on < 0) continue;
    const cb::field& obj = layout.fields[static_cast<std::size_t>(f.depending_on)];
    const bool text_obj = obj.kind == cb::category::alphanumeric || obj.kind == cb::category::alphabetic;
    const occurs_mapping* m = o->page && text_obj ? o->map.find(obj) : nullptr;
    if (m != nullptr) o->text_map[i] = static_cast<int>(m - o->map.fields.data());
    if (auto problem = counter_problem(layout, i, m != nullptr); !problem.empty()) {
      why = "--recfm ODO: " + problem;
      return {};
    }
    o->counters[i] = number_item_of(layout.fields[static_cast<std::size_t>(f.depending_on)]);
    any = true;
    // Every group holding the table changes size with the counter.
    for (int g = f.parent; g >= 0; g = layout.fields[static_cast<std::size_t>(g)].parent)
      o->varies[static_cast<std::size_t>(g)] = 1;
  }
  if (!any) {
    why = "--recfm ODO: record " + layout.name + " has no OCCURS DEPENDING ON";
    return {};
  }
  return [o](std::span<const std::uint8_t> bytes) { return odo_length(*o, bytes); };
}

}  // namespace mfb::bridge::detail
