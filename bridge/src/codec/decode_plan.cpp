// Compile a record layout into a flat decode plan: one pass over the layout tree that
// settles FILLER, REDEFINES choices, OCCURS/ODO loops, usage dispatch and JSON keys, and
// computes the output bound the decoder reserves once per record.

#include "mfb/bridge/codec/decode_plan.hpp"

#include <algorithm>
#include <map>

#include "mfb/copybook/limits.hpp"

#include "codec/plan_text_table.hpp"

namespace mfb::bridge {

namespace cb = mfb::copybook;
namespace eb = mfb::ebcdic;

namespace {
// The flat columns as the builder collects them: names and sources side by side.
struct column_list {
  std::vector<std::string> names;
  std::vector<column_source> sources;
  std::size_t size() const { return names.size(); }
  void add(std::string name, column_source source) {
    names.push_back(std::move(name));
    sources.push_back(std::move(source));
  }
};
}  // namespace

struct decode_plan::builder {
  decode_plan& plan;
  const cb::record_layout& layout;
  const std::vector<std::string>& keep;
  std::map<int, std::int32_t> slot_of;  // ODO object field index -> slot
  std::string error;
  std::size_t depth = 0;
  bool mixed_text = false;

  bool csv() const { return plan.opts_.format != output_format::jsonl; }

  std::uint32_t add_key(std::string_view name, bool first) {
    auto begin = static_cast<std::uint32_t>(plan.keys_.size());
    if (csv()) return begin;
    if (!first) plan.keys_ += ',';
    plan.keys_ += '"';
    plan.keys_ += name;
    plan.keys_ += "\":";
    return begin;
  }

  std::size_t push(plan_op op) {
    plan.ops_.push_back(op);
    return plan.ops_.size() - 1;
  }

  static bool same_name(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
             return (x >= 'a' && x <= 'z' ? x - 32 : x) == (y >= 'a' && y <= 'z' ? y - 32 : y);
           });
  }

  bool named_in_keep(const cb::field& f) const {
    for (const auto& k : keep)
      if (same_name(k, f.name) || same_name(k, f.path)) return true;
    return false;
  }

  // The members of the REDEFINES set `f` belongs to (the redefined item and its redefiners).
  std::vector<int> redefines_set(int index) const {
    const cb::field& f = layout.fields[static_cast<std::size_t>(index)];
    int base = f.redefines >= 0 ? f.redefines : index;
    std::vector<int> set{base};
    const cb::field& b = layout.fields[static_cast<std::size_t>(base)];
    if (b.parent < 0) return set;
    for (int c : layout.fields[static_cast<std::size_t>(b.parent)].children)
      if (layout.fields[static_cast<std::size_t>(c)].redefines == base) set.push_back(c);
    return set;
  }

  // Decide whether a REDEFINES member is written, and whether it is one of several written.
  void alternative_state(int index, bool& emitted, bool& alternative) const {
    const cb::field& f = layout.fields[static_cast<std::size_t>(index)];
    emitted = true;
    alternative = false;
    if (f.redefines < 0 && !f.redefined) return;
    auto set = redefines_set(index);
    bool any_kept = std::any_of(set.begin(), set.end(), [&](int m) {
      return named_in_keep(layout.fields[static_cast<std::size_t>(m)]);
    });
    if (any_kept) {
      emitted = named_in_keep(f);
      return;
    }
    int written = 0;
    for (int m : set)
      if (!layout.fields[static_cast<std::size_t>(m)].is_filler) ++written;
    alternative = written > 1;
  }

  // Fill the value part of an elementary op; return the most output bytes its value can take.
  std::size_t elementary(const cb::field& f, plan_op& op) {
    op.length = static_cast<std::uint32_t>(f.length);
    const auto* pic = f.picture ? &*f.picture : nullptr;
    op.digits = static_cast<std::int16_t>(pic ? pic->digits : 0);
    op.scale = static_cast<std::int16_t>(pic ? pic->scale : 0);
    op.is_signed = pic && pic->is_signed;
    const std::size_t number = 48;
    const std::size_t text = f.length * 6 + 2;
    for (const auto& name : plan.opts_.raw_fields)
      if (cb::names_equal(name, f.name) || cb::names_equal(name, f.path)) {
        op.code = op_code::raw;
        return f.length * 2 + 2;
      }
    switch (f.use) {
      case cb::usage::display:
        if (f.kind == cb::category::numeric) {
          op.code = op_code::zoned;
          eb::zoned_sign s = eb::zoned_sign::none;
          if (op.is_signed) {
            bool lead = f.sign == cb::sign_position::leading;
            s = f.sign_separate ? (lead ? eb::zoned_sign::leading_separate
                                        : eb::zoned_sign::trailing_separate)
                                : (lead ? eb::zoned_sign::leading_overpunch
                                        : eb::zoned_sign::trailing_overpunch);
          }
          op.sign = static_cast<std::uint8_t>(s);
          return number;
        }
        if (f.kind == cb::category::numeric_edited) {
          auto pat = eb::edit_pattern::compile(pic ? pic->expanded : std::string{},
                                               f.blank_when_zero);
          if (!pat) {
            error = "field " + f.path + ": " + pat.err().message;
            return 0;
          }
          op.code = op_code::edited;
          op.extra = static_cast<std::int32_t>(plan.patterns_.size());
          plan.patterns_.push_back(std::move(pat).value());
          plan.max_scratch_ = std::max(plan.max_scratch_, f.length * 4);
          return number;
        }
        if (f.kind == cb::category::dbcs) {
          op.code = op_code::dbcs;
          plan.max_scratch_ = std::max(plan.max_scratch_, f.length * 4);
          return f.length * 6 + 2;
        }
        op.code = mixed_text ? op_code::text_mixed : op_code::text;
        if (mixed_text) {
          std::size_t w = f.length * plan.page_->max_utf8_per_byte();
          plan.max_scratch_ = std::max(plan.max_scratch_, w);
          return w * 2 + 2;
        }
        return text;
      case cb::usage::display_1:
        op.code = op_code::dbcs;
        plan.max_scratch_ = std::max(plan.max_scratch_, f.length * 4);
        return f.length * 6 + 2;
      case cb::usage::national:
        if (f.kind == cb::category::numeric) {
          error = "field " + f.path + ": numeric USAGE NATIONAL is not supported";
          return 0;
        }
        op.code = op_code::national;
        plan.max_scratch_ = std::max(plan.max_scratch_, f.length * 2 + 4);
        return f.length * 6 + 2;
      case cb::usage::binary:
      case cb::usage::comp_5:
      case cb::usage::pointer:
      case cb::usage::index: {
        op.code = op_code::binary;
        bool full = f.use != cb::usage::binary ||
                    plan.opts_.binary_trunc == eb::truncation::binary;
        op.sign = full ? 1 : 0;
        if (f.use == cb::usage::pointer || f.use == cb::usage::index) {
          op.is_signed = f.use == cb::usage::index;
          op.digits = 18;
        }
        return number;
      }
      case cb::usage::comp_1:
      case cb::usage::comp_2:
        op.code = op_code::floating;
        return number;
      case cb::usage::packed_decimal:
        op.code = op_code::packed;
        return number;
    }
    return number;
  }

  // Emit the items under `group` (or the FILLER group's items inline); `base` is the offset
  // of the enclosing element. Returns the most output bytes; `first` tracks the comma.
  std::size_t children(int group, std::size_t base, bool& first, const std::string& prefix,
                       column_list& cols) {
    std::size_t total = 0;
    for (int c : layout.fields[static_cast<std::size_t>(group)].children) {
      const cb::field& f = layout.fields[static_cast<std::size_t>(c)];
      if (f.level == 66 || f.level == 88) continue;
      bool emitted = true, alternative = false;
      alternative_state(c, emitted, alternative);
      if (!emitted) continue;
      if (f.is_filler) {
        // A FILLER group may hold named items: they belong to the enclosing object.
        if (f.is_group() && !f.is_occurs()) total += children(c, base, first, prefix, cols);
        continue;
      }
      total += item(c, base, first, alternative, prefix, cols);
      if (!error.empty()) return total;
    }
    return total;
  }

  std::size_t item(int index, std::size_t base, bool& first, bool alternative,
                   const std::string& prefix, column_list& cols) {
    const cb::field& f = layout.fields[static_cast<std::size_t>(index)];
    std::uint32_t key = add_key(f.name, first);
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
    std::string name = prefix + f.name;
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
      push(e);
      cols.add(name, column_source{index, {}});
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
};

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
  builder b{plan, *plan.layout_, keep, {}, {}, 0, page.kind() != ebcdic::page_kind::single_byte};
  for (const auto& f : plan.layout_->fields)
    if (f.depending_on >= 0 && !b.slot_of.count(f.depending_on))
      b.slot_of.emplace(f.depending_on, static_cast<std::int32_t>(b.slot_of.size()));
  plan.slots_ = b.slot_of.size();
  if (page.sbcs_table()) {
    detail::build_text_table(page.sbcs_table(), opts.format, plan.table_, plan.space_);
    for (std::size_t i = 0; i < 256; ++i) {
      const byte_text& e = plan.table_[i];
      plan.plain_[i] = e.length == 1 && !e.special && e.bytes[0] != '\\' ? e.bytes[0] : '\0';
    }
  }

  bool first = true;
  std::size_t total = 2;
  column_list cols;
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
  const auto& root = plan.layout_->fields[0];
  if (root.is_group()) {
    total += b.children(0, root.offset, first, "", cols);
  } else {
    // A record that is one elementary item (01 X PIC X(80).): one key, its own name.
    total += b.item(0, root.offset, first, false, "", cols);
  }
  if (!b.error.empty()) return error{b.error};
  plan.columns_ = std::move(cols.names);
  plan.sources_ = std::move(cols.sources);
  // Keys and cells each add a separator in CSV; the record adds its line end.
  plan.max_output_ = total + plan.columns_.size() * 3 + 4;
  return plan;
}

std::string decode_options::validate() const {
  for (char c : record_type_key)
    if (c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20)
      return "--record-type-key must not hold quotes, backslashes or control characters";
  return {};
}

}  // namespace mfb::bridge
