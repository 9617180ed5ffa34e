// Each elementary item's op (usage dispatch, sign, edit pattern, output bound) and which
// REDEFINES alternatives a plan writes: the per-item half of compiling a decode plan.

#include <algorithm>

#include "codec/cobrix_numbers.hpp"
#include "codec/decode_plan_builder.hpp"
#include "mfb/bridge/io/layout_framing.hpp"

namespace mfb::bridge {

namespace eb = mfb::ebcdic;

bool decode_plan::builder::same_name(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return (x >= 'a' && x <= 'z' ? x - 32 : x) == (y >= 'a' && y <= 'z' ? y - 32 : y);
         });
}

bool decode_plan::builder::named_in_keep(const cb::field& f) const {
  for (const auto& k : keep)
    if (same_name(k, f.name) || same_name(k, f.path)) return true;
  return false;
}

// The members of the REDEFINES set `f` belongs to (the redefined item and its redefiners).
std::vector<int> decode_plan::builder::redefines_set(int index) const {
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
void decode_plan::builder::alternative_state(int index, bool& emitted, bool& alternative) const {
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
std::size_t decode_plan::builder::elementary(const cb::field& f, plan_op& op) {
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
  if (f.cobrix_binary) {  // PIC X USAGE COMP: opaque bytes, as Cobrix reads them
    op.code = op_code::raw;
    op.render = plan.opts_.binary_bytes == binary_text::hex ? 1 : 2;
    return std::max(f.length * 2, (f.length + 2) / 3 * 4) + 2;
  }
  switch (f.use) {
    case cb::usage::display:
      if (f.kind == cb::category::numeric) {
        op.code = op_code::zoned;
        op.sign = static_cast<std::uint8_t>(zoned_sign_of(f));
        return number;
      }
      if (f.kind == cb::category::numeric_edited) {
        auto pat = eb::edit_pattern::compile(pic ? pic->expanded : std::string{},
                                             f.blank_when_zero, false,
                                             plan.opts_.cobrix_numbers);
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
      if (auto own = field_page.find(static_cast<int>(&f - layout.fields.data()));
          own != field_page.end()) {
        op.code = op_code::text;  // its own single-byte page (--field-codepage)
        op.extra = own->second;
        return text;
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
      } else if (plan.opts_.cobrix_numbers) {
        op.extra = detail::cobrix_binary_limit(f, f.length);
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

}  // namespace mfb::bridge
