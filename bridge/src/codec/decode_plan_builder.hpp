#pragma once
// The decode plan's compile-time state, shared by the files that build a plan:
// decode_plan.cpp walks the layout tree (groups, OCCURS, REDEFINES alternatives) and
// decode_plan_items.cpp settles each elementary item's op and which alternatives are written.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "mfb/bridge/codec/decode_plan.hpp"

namespace mfb::bridge {

namespace cb = mfb::copybook;

// The flat columns as the builder collects them: names and sources side by side.
struct decode_plan_columns {
  std::vector<std::string> names;
  std::vector<column_source> sources;
  std::size_t size() const { return names.size(); }
  void add(std::string name, column_source source) {
    names.push_back(std::move(name));
    sources.push_back(std::move(source));
  }
};

struct decode_plan::builder {
  using column_list = decode_plan_columns;

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
    plan.keys_ += style_name(name);
    plan.keys_ += "\":";
    return begin;
  }

  std::size_t push(plan_op op) {
    plan.ops_.push_back(op);
    return plan.ops_.size() - 1;
  }

  static bool same_name(std::string_view a, std::string_view b);

  bool named_in_keep(const cb::field& f) const;

  // The members of the REDEFINES set `f` belongs to (the redefined item and its redefiners).
  std::vector<int> redefines_set(int index) const;

  // Decide whether a REDEFINES member is written, and whether it is one of several written.
  void alternative_state(int index, bool& emitted, bool& alternative) const;

  // Fill the value part of an elementary op; return the most output bytes its value can take.
  std::size_t elementary(const cb::field& f, plan_op& op);

  // A text ODO object's op: point plan_op::extra at its occurs map (decode_plan_occurs.cpp).
  // False, with `error` set, when no map names it or it is not read as text.
  bool text_counter(const cb::field& f, plan_op& op);

  // Emit the items under `group` (or the FILLER group's items inline); `base` is the offset
  // of the enclosing element. Returns the most output bytes; `first` tracks the comma.
  std::size_t children(int group, std::size_t base, bool& first, const std::string& prefix,
                       column_list& cols);

  std::size_t item(int index, std::size_t base, bool& first, bool alternative,
                   const std::string& prefix, column_list& cols);

  // Output style (decode_plan_style.cpp): names, the 01 record, debug and group-text
  // columns, FILLERs, Java number text.
  std::vector<std::string> filler_names = {};  // per layout field: a kept FILLER's name
  // --field-codepage (field_codepages.cpp): layout field index -> decode_plan::field_text_.
  std::map<int, std::int32_t> field_page = {};
  std::string open_field_pages();
  std::string style_name(std::string_view cobol) const;
  std::string_view item_name(int index) const;
  std::size_t record_root(bool& first, column_list& cols);
  std::size_t debug_column(const cb::field& f, const plan_op& value, const std::string& name,
                           column_list& cols);
  std::size_t non_terminal(int index, std::size_t base, const std::string& name,
                           column_list& cols);
  // A FILLER under a style that keeps or drops it: false to leave it to the default rule.
  bool styled_filler(int index, bool& kept);
  bool group_writes_nothing(int index) const;
  std::string check_style() const;
  void finish_style();
};

}  // namespace mfb::bridge
