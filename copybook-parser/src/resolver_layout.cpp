// Resolver, storage pass: offsets, lengths, SYNC slack bytes, REDEFINES areas, OCCURS
// strides, ODO minimum lengths, variably located items and dotted paths.

#include <algorithm>

#include "resolver_impl.hpp"

namespace mfb::copybook::detail {
namespace {

std::size_t round_up(std::size_t n, std::size_t to) { return to <= 1 ? n : (n + to - 1) / to * to; }

int last_descendant(const record_layout& r, int i) {
  const field& f = r.fields[static_cast<std::size_t>(i)];
  return f.children.empty() ? i : last_descendant(r, f.children.back());
}

}  // namespace

void resolver_pass::finish_record(record_work& r) {
  type_fields(r);
  check_values(r);
  resolve_redefines(r);
  resolve_odo(r);
  layout(r);
  resolve_renames(r);
  mark_variably_located(r);
  assign_paths(r);
}

void resolver_pass::layout(record_work& r) {
  auto& fields = r.layout.fields;
  // Largest SYNC boundary in each subtree (children come after their parent).
  for (std::size_t i = fields.size(); i-- > 0;) {
    item_info& info = r.info[i];
    info.max_align = std::max(info.max_align, info.align);
    info.last_descendant = last_descendant(r.layout, static_cast<int>(i));
    if (fields[i].parent >= 0) {
      item_info& p = r.info[static_cast<std::size_t>(fields[i].parent)];
      p.max_align = std::max(p.max_align, info.max_align);
    }
  }
  place(r, 0, 0);
  if (r.over_limit) return;
  r.layout.length = fields[0].length;
  r.layout.min_length = r.layout.has_odo ? min_total(r, 0) : r.layout.length;
}

/// Place item `i` (its first occurrence) at record offset `at` and size it.
void resolver_pass::place(record_work& r, int i, std::size_t at) {
  field& f = r.layout.fields[static_cast<std::size_t>(i)];
  item_info& info = r.info[static_cast<std::size_t>(i)];
  f.offset = at;
  if (!f.children.empty()) {
    std::size_t area_end = at;  // end of the current REDEFINES area
    for (int c : f.children) {
      field& child = r.layout.fields[static_cast<std::size_t>(c)];
      item_info& cinfo = r.info[static_cast<std::size_t>(c)];
      std::size_t start = area_end;
      if (child.redefines >= 0) start = r.layout.fields[static_cast<std::size_t>(child.redefines)].offset;
      // IBM: slack bytes go right before a SYNC item so that it sits on its natural
      // boundary counted from the start of the record.
      if (cinfo.align > 1 && child.children.empty()) {
        std::size_t aligned = round_up(start, cinfo.align);
        child.slack_before = static_cast<int>(aligned - start);
        start = aligned;
      }
      place(r, c, start);
      if (r.over_limit) return;
      // Each child is within the limits, so these sums cannot overflow.
      std::size_t end = start + cinfo.total;
      // A redefining item larger than the original grows the area (and the group).
      area_end = std::max(area_end, end);
      info.items += cinfo.items;
      if (!check_limits(r, i, area_end - at, info.items, c)) return;
    }
    f.length = area_end - at;
  } else {
    info.items = 1;
  }
  std::size_t count = f.occurs_max > 0 ? static_cast<std::size_t>(f.occurs_max) : 1;
  // Inter-occurrence slack: every occurrence of a table holding SYNC items must keep them
  // on their boundaries, so the stride is a multiple of the largest boundary inside.
  // IBM counts that slack in the occurrence's own length.
  f.stride = f.occurs_max > 0 ? round_up(f.length, info.max_align) : f.length;
  f.length = f.stride;
  const layout_limits& lim = opts_.limits;
  info.total = capped_product(f.stride, count, lim.max_record_length);
  info.items = capped_product(info.items, count, lim.max_items);
  check_limits(r, i, info.total, info.items, i);
}

/// Report the first item that takes item `i` (`cause`: one of its children, or its own
/// OCCURS) past a layout limit, at that item; later sizes of the record are not computed.
bool resolver_pass::check_limits(record_work& r, int i, std::size_t bytes, std::size_t items,
                                 int cause) {
  const layout_limits& lim = opts_.limits;
  bool too_long = bytes > lim.max_record_length;
  if (!too_long && items <= lim.max_items) return true;
  r.over_limit = true;
  const field& f = r.layout.fields[static_cast<std::size_t>(i)];
  const item_info& cinfo = r.info[static_cast<std::size_t>(cause)];
  const ast::entry* e = cinfo.entry;
  bool by_occurs = cause == i && cinfo.occurs != nullptr;
  std::size_t where = by_occurs ? cinfo.occurs->offset : e != nullptr ? name_offset(*e) : 0;
  std::string what = by_occurs ? "OCCURS " + std::to_string(f.occurs_max) + " TIMES makes table " + f.name
                               : "item " + r.layout.fields[static_cast<std::size_t>(cause)].name +
                                     " makes " + (f.parent < 0 ? "record " : "group ") + f.name;
  if (too_long) {
    error(where, what + " larger than " + with_commas(lim.max_record_length) +
                     " bytes, the limit for a record, group or table");
  } else {
    error(where, what + (by_occurs || f.parent >= 0 ? " (in record " + r.layout.name + ")" : "") +
                     " hold more than " + with_commas(lim.max_items) +
                     " elementary items once OCCURS are expanded, the limit for a record");
  }
  return false;
}

/// Bytes item `i` takes (all occurrences) when every ODO table is at its minimum.
std::size_t resolver_pass::min_total(record_work& r, int i) {
  const field& f = r.layout.fields[static_cast<std::size_t>(i)];
  std::size_t one = f.length;
  if (!f.children.empty()) {
    std::size_t area_start = f.offset, area_end = f.offset;
    for (int c : f.children) {
      const field& child = r.layout.fields[static_cast<std::size_t>(c)];
      std::size_t start = child.redefines >= 0 ? area_start : area_end;
      if (child.redefines < 0) area_start = area_end;
      start += static_cast<std::size_t>(child.slack_before);
      std::size_t end = start + min_total(r, c);
      area_end = std::max(area_end, end);
    }
    one = area_end - f.offset;
  }
  if (f.occurs_max == 0) return one;
  std::size_t count = static_cast<std::size_t>(f.depending_on >= 0 || !f.depending_on_name.empty()
                                                   ? f.occurs_min
                                                   : f.occurs_max);
  std::size_t stride = one == f.length ? f.stride : one;
  return stride * count;
}

void resolver_pass::mark_variably_located(record_work& r) {
  auto& fields = r.layout.fields;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].depending_on_name.empty() || fields[i].level == 66) continue;
    int last = r.info[i].last_descendant;
    for (std::size_t j = static_cast<std::size_t>(last) + 1; j < fields.size(); ++j) {
      if (fields[j].level != 66) fields[j].variably_located = true;
    }
  }
}

void resolver_pass::assign_paths(record_work& r) {
  auto& fields = r.layout.fields;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    field& f = fields[i];
    if (f.parent < 0) {
      f.path = r.info[i].synthetic || f.is_filler ? std::string() : f.name;
      continue;
    }
    // A FILLER has no path of its own; its named children skip it.
    std::string base;
    for (int at = f.parent; at >= 0; at = fields[static_cast<std::size_t>(at)].parent) {
      if (!fields[static_cast<std::size_t>(at)].path.empty()) {
        base = fields[static_cast<std::size_t>(at)].path;
        break;
      }
    }
    if (f.is_filler) continue;
    f.path = base.empty() ? f.name : base + "." + f.name;
  }
}

}  // namespace mfb::copybook::detail
