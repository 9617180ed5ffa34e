// Compile a record layout into a flat decode plan: one pass over the layout tree that
// settles FILLER, REDEFINES choices, OCCURS/ODO loops, usage dispatch and JSON keys, and
// computes the output bound the decoder reserves once per record.

#include "mfb/bridge/codec/decode_plan.hpp"

#include <algorithm>
#include <map>

#include "mfb/copybook/limits.hpp"

#include "codec/decode_plan_builder.hpp"
#include "codec/plan_text_table.hpp"

namespace mfb::bridge {

// The decoder walks ops in a tight loop: one op per cache line.
static_assert(sizeof(plan_op) <= 64, "plan_op grew past a cache line");

namespace cb = mfb::copybook;
namespace eb = mfb::ebcdic;

// Emit the items under `group` (or the FILLER group's items inline); `base` is the offset
// of the enclosing element. Returns the most output bytes; `first` tracks the comma.
std::size_t decode_plan::builder::children(int group, std::size_t base, bool& first,
                                          const std::string& prefix, column_list& cols) {
  std::size_t total = 0;
  for (int c : layout.fields[static_cast<std::size_t>(group)].children) {
    const cb::field& f = layout.fields[static_cast<std::size_t>(c)];
    if (f.level == 66 || f.level == 88) continue;
    bool emitted = true, alternative = false;
    alternative_state(c, emitted, alternative);
    if (!emitted) continue;
    bool kept = false;
    if (f.is_filler && !styled_filler(c, kept)) {
      // A FILLER group may hold named items: they belong to the enclosing object.
      if (f.is_group() && !f.is_occurs()) total += children(c, base, first, prefix, cols);
      continue;
    }
    if ((f.is_filler && !kept) || group_writes_nothing(c)) continue;
    total += item(c, base, first, alternative, prefix, cols);
    if (!error.empty()) return total;
  }
  return total;
}

std::size_t decode_plan::builder::item(int index, std::size_t base, bool& first,
                                      bool alternative, const std::string& prefix,
                                      column_list& cols) {
  const cb::field& f = layout.fields[static_cast<std::size_t>(index)];
  std::uint32_t key = add_key(item_name(index), first);
  auto key_len = static_cast<std::uint32_t>(plan.keys_.size() - key);
  first = false;
  std::size_t total = key_len;
  std::size_t cols_before = cols.size();
  std::size_t alt_at = 0;
  if (alternative && f.is_group()) {
    plan_op a;
    a.code = op_code::begin_alternative;
    a.offset = key;  // alternatives keep their key here: only a null rewrite writes it
    a.length = key_len;
    a.field = index;
    alt_at = push(a);
  }
  std::string name = prefix + std::string(item_name(index));
  if (f.is_occurs()) {
    plan_op loop;
    loop.code = op_code::begin_array;
    loop.key_begin = key;
    loop.key_length = key_len;
    loop.offset = static_cast<std::uint32_t>(f.offset - base);
    loop.occurs_min = static_cast<std::uint32_t>(f.occurs_min);
    loop.occurs_max = static_cast<std::uint32_t>(f.occurs_max);
    loop.stride = static_cast<std::uint32_t>(f.stride ? f.stride : f.length);
    loop.field = index;
    if (f.depending_on >= 0) {
      auto it = slot_of.find(f.depending_on);
      if (it == slot_of.end()) {
        error = "field " + f.path + ": OCCURS DEPENDING ON object not found";
        return 0;
      }
      loop.slot = it->second;
    }
    std::size_t begin = push(loop);
    ++depth;
    plan.depth_ = std::max(plan.depth_, depth);
    column_list element;
    std::size_t body = 0;
    if (f.is_group()) {
      plan_op o;
      o.code = op_code::begin_object;
      o.field = index;
      push(o);
      bool inner_first = true;
      body = 2 + children(index, f.offset, inner_first, "", element);
      o.code = op_code::end_object;
      push(o);
    } else {
      plan_op e;
      e.field = index;
      e.alternative = false;
      body = elementary(f, e);
      push(e);
      element.add({}, column_source{index, {}});
    }
    --depth;
    plan_op end;
    end.code = op_code::end_array;
    end.field = index;
    end.jump = static_cast<std::uint32_t>(begin);
    std::size_t end_at = push(end);
    plan.ops_[begin].jump = static_cast<std::uint32_t>(end_at);
    plan.ops_[begin].columns = static_cast<std::uint32_t>(element.size());
    for (int i = 1; i <= f.occurs_max; ++i)
      for (std::size_t k = 0; k < element.size(); ++k) {
        const std::string& e = element.names[k];
        column_source src = element.sources[k];
        src.occurrence.insert(src.occurrence.begin(), static_cast<std::uint32_t>(i));
        cols.add(name + "_" + std::to_string(i) + (e.empty() ? "" : "_" + e), std::move(src));
      }
    total += 2 + (body + 1) * static_cast<std::size_t>(f.occurs_max);
  } else if (f.is_group()) {
    plan_op o;
    o.code = op_code::begin_object;
    o.key_begin = key;
    o.key_length = key_len;
    o.field = index;
    push(o);
    bool inner_first = true;
    total += 2 + children(index, base, inner_first, name + "_", cols);
    o.code = op_code::end_object;
    o.key_length = 0;
    push(o);
    total += non_terminal(index, base, name, cols);
  } else {
    plan_op e;
    e.key_begin = key;
    e.key_length = key_len;
    e.offset = static_cast<std::uint32_t>(f.offset - base);
    e.field = index;
    e.alternative = alternative;
    auto slot = slot_of.find(index);
    if (slot != slot_of.end()) e.slot = slot->second;
    total += elementary(f, e);
    if (e.slot >= 0 && !text_counter(f, e)) return 0;
    push(e);
    cols.add(name, column_source{index, {}});
    total += debug_column(f, e, name, cols);
  }
  if (alternative && f.is_group()) {
    plan_op a;
    a.code = op_code::end_alternative;
    a.offset = key;
    a.length = key_len;
    a.field = index;
    a.jump = static_cast<std::uint32_t>(alt_at);
    a.columns = static_cast<std::uint32_t>(cols.size() - cols_before);
    std::size_t end_at = push(a);
    plan.ops_[alt_at].jump = static_cast<std::uint32_t>(end_at);
    plan.ops_[alt_at].columns = a.columns;
    total += 4;
  }
  return total;
}

result<decode_plan> decode_plan::compile(const copybook::record_layout& layout,
                                         const ebcdic::code_page& page,
                                         const decode_options& opts,
                                         const std::vector<std::string>& keep,
                                         std::string type_name) {
  if (auto why = opts.validate(); !why.empty()) return error{why};
  if (layout.fields.empty()) return error{"record " + layout.name + " has no fields"};
  // Checked before anything is allocated: nested OCCURS can multiply to billions of cells.
  if (cb::expanded_item_count(layout, opts.max_cells) > opts.max_cells)
    return error{"record " + layout.name + " holds more than " + cb::with_commas(opts.max_cells) +
                 " elementary items once OCCURS are expanded, the limit"};
  decode_plan plan;
  plan.layout_ = std::make_shared<const copybook::record_layout>(layout);
  plan.page_ = std::make_shared<const ebcdic::code_page>(page);
  plan.opts_ = opts;
  plan.type_name_ = type_name.empty() ? layout.name : std::move(type_name);
  builder b{plan, *plan.layout_, keep, {}, {}, 0, page.kind() != ebcdic::page_kind::single_byte || page.variable_width_text()};
  for (const auto& f : plan.layout_->fields)
    if (f.depending_on >= 0 && !b.slot_of.count(f.depending_on))
      b.slot_of.emplace(f.depending_on, static_cast<std::int32_t>(b.slot_of.size()));
  plan.slots_ = b.slot_of.size();
  if (page.sbcs_table())
    detail::build_text_tables(page.sbcs_table(), opts.format, opts.trim_chars, plan.text_);
  if (auto why = b.open_field_pages(); !why.empty()) return error{why};

  bool first = true;
  std::size_t total = 2;
  decode_plan_columns cols;
  if (!opts.record_type_key.empty()) {
    plan_op t;
    t.code = op_code::record_type;
    t.key_begin = b.add_key(opts.record_type_key, true);
    if (opts.format == output_format::jsonl) {
      plan.keys_ += '"';
      plan.keys_ += plan.type_name_;
      plan.keys_ += '"';
    } else {
      plan.keys_ += plan.type_name_;
    }
    t.key_length = static_cast<std::uint32_t>(plan.keys_.size() - t.key_begin);
    total += t.key_length;
    cols.add(opts.record_type_key, column_source{});
    b.push(t);
    first = false;
  }
  if (auto why = b.check_style(); !why.empty()) return error{why};
  // The 01's children (a record that is one elementary item, 01 X PIC X(80).: one key, its
  // own name), or the 01 as one object under keep_original.
  total += b.record_root(first, cols);
  if (!b.error.empty()) return error{b.error};
  plan.columns_ = std::move(cols.names);
  plan.sources_ = std::move(cols.sources);
  b.finish_style();
  // Keys and cells each add a separator in CSV; the record adds its line end.
  plan.max_output_ = total + plan.columns_.size() * 3 + 4;
  return plan;
}

std::string decode_options::validate() const {
  for (char c : record_type_key)
    if (c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20)
      return "--record-type-key must not hold quotes, backslashes or control characters";
  if (style.generate_record_id && format != output_format::jsonl)
    return "--generate-record-id needs --format jsonl (the generated columns are JSON members)";
  if ((style.record_bytes || !style.file_name_column.empty()) && format != output_format::jsonl)
    return "--record-bytes and --file-name-column need --format jsonl (the generated columns are "
           "JSON members)";
  for (char c : style.file_name_column)
    if (c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20)
      return "--file-name-column must not hold quotes, backslashes or control characters";
  if (max_record_length != 0 && min_record_length > max_record_length)
    return "--min-record-length " + std::to_string(min_record_length) +
           " is more than --max-record-length " + std::to_string(max_record_length);
  return {};
}

}  // namespace mfb::bridge
