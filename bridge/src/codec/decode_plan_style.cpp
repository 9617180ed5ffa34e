// The decode plan under an output style (output_style.hpp): Spark names, the 01 record kept
// as an object, `<NAME>_debug` and `<GROUP>_NT` columns, FILLERs kept or dropped under
// generated names, and the ops whose value text follows Java's rules. Everything here is
// settled before the first record; the decoder only reads plan_op::render.

#include <algorithm>

#include "codec/decode_plan_builder.hpp"
#include "codec/plan_text_table.hpp"

namespace mfb::bridge {

std::string decode_plan::builder::style_name(std::string_view cobol) const {
  std::string s(cobol);
  if (plan.opts_.style.spark()) std::replace(s.begin(), s.end(), '-', '_');
  return s;
}

std::string_view decode_plan::builder::item_name(int index) const {
  auto i = static_cast<std::size_t>(index);
  if (i < filler_names.size() && !filler_names[i].empty()) return filler_names[i];
  return layout.fields[i].name;
}

// Cobrix's FILLER names, given in source order whether or not the FILLER is written:
// FILLER_P<n> (value) and FILLER_<n> (group), or FILLER_AFTER_<previous item's name>.
static std::vector<std::string> name_fillers(const cb::record_layout& layout,
                                             const output_style& style) {
  std::vector<std::string> names(layout.fields.size());
  std::size_t groups = 0, values = 0;
  std::string previous;
  for (std::size_t i = 0; i < layout.fields.size(); ++i) {
    const cb::field& f = layout.fields[i];
    if (f.level == 66 || f.level == 88) continue;
    if (f.is_filler) {
      if (style.filler_names == filler_naming::previous_field)
        names[i] = "FILLER_AFTER_" + previous;
      else
        names[i] = f.is_group() ? "FILLER_" + std::to_string(++groups)
                                : "FILLER_P" + std::to_string(++values);
    }
    previous = names[i].empty() ? f.name : names[i];
  }
  return names;
}

bool decode_plan::builder::styled_filler(int index, bool& kept) {
  const cb::field& f = layout.fields[static_cast<std::size_t>(index)];
  const output_style& st = plan.opts_.style;
  filler_policy p = f.is_group() ? st.group_fillers : st.value_fillers;
  if (p == filler_policy::inline_items) return false;
  kept = p == filler_policy::keep;
  return true;
}

// Whether a group under a FILLER policy other than today's writes nothing at all (Spark
// has no empty struct, so Cobrix leaves such a group out).
static bool writes_nothing(const cb::record_layout& layout, const output_style& st, int index) {
  const cb::field& f = layout.fields[static_cast<std::size_t>(index)];
  if (f.level == 66 || f.level == 88) return true;
  if (f.is_filler) {
    filler_policy p = f.is_group() ? st.group_fillers : st.value_fillers;
    if (p == filler_policy::drop) return true;
    if (p == filler_policy::inline_items && !f.is_group()) return true;
  }
  if (!f.is_group()) return false;
  for (int c : f.children)
    if (!writes_nothing(layout, st, c)) return false;
  return true;
}

std::size_t decode_plan::builder::record_root(bool& first, column_list& cols) {
  const output_style& st = plan.opts_.style;
  if (st.value_fillers != filler_policy::inline_items ||
      st.group_fillers != filler_policy::inline_items)
    filler_names = name_fillers(layout, st);
  const auto& root = layout.fields[0];
  if (!root.is_group()) return item(0, root.offset, first, false, "", cols);
  if (st.retention == schema_retention::collapse_root)
    return children(0, root.offset, first, "", cols);
  return item(0, root.offset, first, false, "", cols);
}

std::size_t decode_plan::builder::debug_column(const cb::field& f, const plan_op& value,
                                               const std::string& name, column_list& cols) {
  const debug_columns d = plan.opts_.style.debug;
  if (d == debug_columns::none || value.key_length == 0) return 0;
  (void)f;
  plan_op op = value;
  op.code = op_code::raw;
  op.alternative = false;
  op.slot = -1;
  op.render = d == debug_columns::hex ? 1 : 2;
  op.key_begin = add_key(std::string(item_name(value.field)) + "_debug", false);
  op.key_length = static_cast<std::uint32_t>(plan.keys_.size() - op.key_begin);
  push(op);
  cols.add(style_name(name + "_debug"), column_source{value.field, {}});
  return op.key_length + value.length * 2 + 4;
}

std::size_t decode_plan::builder::non_terminal(int index, std::size_t base,
                                               const std::string& name, column_list& cols) {
  const cb::field& f = layout.fields[static_cast<std::size_t>(index)];
  const auto& wanted = plan.opts_.style.non_terminals;
  bool named = std::any_of(wanted.begin(), wanted.end(),
                           [&](const std::string& w) { return cb::names_equal(w, f.name); });
  if (!named || !f.is_group()) return 0;
  cb::field text = f;  // the group's bytes read as one PIC X item
  text.kind = cb::category::alphanumeric;
  text.use = cb::usage::display;
  text.picture.reset();
  plan_op op;
  op.offset = static_cast<std::uint32_t>(f.offset - base);
  op.field = index;
  std::size_t most = elementary(text, op);
  op.key_begin = add_key(std::string(item_name(index)) + "_NT", false);
  op.key_length = static_cast<std::uint32_t>(plan.keys_.size() - op.key_begin);
  push(op);
  cols.add(style_name(name + "_NT"), column_source{index, {}});
  return most + op.key_length;
}

std::string decode_plan::builder::check_style() const {
  for (const auto& w : plan.opts_.style.non_terminals) {
    auto it = std::find_if(layout.fields.begin(), layout.fields.end(), [&](const cb::field& f) {
      return !f.is_filler && f.level != 88 && f.level != 66 && cb::names_equal(w, f.name);
    });
    if (it == layout.fields.end())
      return "--non-terminal " + w + ": record " + layout.name + " has no group of that name";
    if (!it->is_group())
      return "--non-terminal " + w + ": " + it->path + " is an elementary item, not a group";
  }
  return {};
}

void decode_plan::builder::finish_style() {
  if (!plan.opts_.style.spark()) return;
  for (plan_op& op : plan.ops_) {
    bool decimal = op.code == op_code::zoned || op.code == op_code::packed ||
                   op.code == op_code::binary || op.code == op_code::edited;
    if (op.code == op_code::floating || (decimal && op.scale > 6)) op.render = 1;
  }
  for (auto& c : plan.columns_) std::replace(c.begin(), c.end(), '-', '_');
  detail::upper_case_escapes(plan.text_);
  for (auto& t : plan.field_text_) detail::upper_case_escapes(t);
}

bool decode_plan::builder::group_writes_nothing(int index) const {
  const output_style& st = plan.opts_.style;
  if (st.value_fillers == filler_policy::inline_items &&
      st.group_fillers == filler_policy::inline_items)
    return false;  // today's rule: such a group is written as {}
  return layout.fields[static_cast<std::size_t>(index)].is_group() &&
         writes_nothing(layout, st, index);
}

}  // namespace mfb::bridge
