// The hot loop: walk the plan's ops over one record, appending JSON or CSV text. OCCURS
// loops keep a small frame stack; `shift` carries how far ODO tables moved later items
// (actual offset = element base + op offset + shift), which also handles nested ODO.
// Elementary values are decoded by codec/record_decoder_values.hpp.

#include "mfb/bridge/codec/record_decoder.hpp"

#include <algorithm>
#include <limits>

#include "codec/record_decoder_errors.hpp"
#include "codec/java_number_text.hpp"
#include "codec/raw_bytes_text.hpp"
#include "codec/record_decoder_values.hpp"
#include "codec/text_odo_count.hpp"
#include "codec/text_out.hpp"
#include "codec/text_trim.hpp"
#include "mfb/ebcdic/hex.hpp"

namespace mfb::bridge {

namespace eb = mfb::ebcdic;
using detail::put;

template <output_format Format>
bool record_decoder::run(const record_view& rec, std::string_view file, text_buffer& out,
                         std::vector<record_error>& errors) {
  // CSV and cells share the flat column walk; cells record bounds instead of separators.
  constexpr bool Csv = Format != output_format::jsonl;
  constexpr bool Cells = Format == output_format::cells;
  const decode_plan& plan = *plan_;
  const plan_op* ops = plan.ops().data();
  const std::size_t n_ops = plan.ops().size();
  const char* keys = plan.key_pool();
  const auto& table = plan.text_table();
  const auto& plain = plan.plain_table();
  const bool* blank = plan.blank_bytes();
  const std::uint8_t space = plan.space_byte();
  const text_trim trim = plan.options().effective_trim();
  const trim_rule trim_chars = plan.options().trim_chars;
  const bool nul_is_null = plan.options().improved_null_detection;
  const bool lenient = plan.options().numbers == numeric_policy::lenient;
  const std::size_t start = out.size();
  const std::size_t errors_before = errors.size();
  char* const begin = out.reserve_tail(plan.max_output() + detail::decode_slack);
  char* o = begin;
  std::size_t base = 0;
  std::ptrdiff_t shift = 0;
  bool first_cell = true;
  bool bad = false;
  wrote_null_ = false;
  // REDEFINES alternative groups open around this op: a bad value inside one is written as
  // null on its own (the group keeps its good items) and reported, and the record is kept.
  std::size_t alt_depth = 0;
  frames_.clear();
  std::fill(slots_.begin(), slots_.end(), detail::no_count);

  detail::error_context ctx{plan, rec, file, frames_, errors};
  auto fail = [&](const plan_op& op, std::size_t off, const char* reason) {
    bool alt = op.alternative || alt_depth > 0;
    if (!alt && lenient && (op.code == op_code::zoned || op.code == op_code::edited)) {
      ctx.add_lenient(op, off, reason);
      return;
    }
    ctx.add(op, off, reason, alt);
    bad |= !alt;
  };
  // A text ODO object (--occurs-map): its value's count fills the slot; a value the map
  // lacks makes the record bad (never a silent 0).
  auto count_text = [&](const plan_op& op, const std::uint8_t* p, std::size_t off) {
    thread_local std::string value;  // reused: no allocation per record
    const std::int64_t n = detail::text_odo_count(plan, op, p, value);
    if (n < 0) {
      fail(op, off, detail::text_odo_reason(plan, op, value).c_str());
      return;
    }
    slots_[static_cast<std::size_t>(op.slot)] = n;
    slot_offsets_[static_cast<std::size_t>(op.slot)] = off;
  };
  auto cell = [&](cell_state state = cell_state::value) {
    if constexpr (Cells) {
      cells_->bounds.push_back(static_cast<std::uint32_t>(o - begin));
      cells_->states.push_back(state);
    } else if constexpr (Csv) {
      if (!first_cell) *o++ = ',';
      first_cell = false;
    }
    (void)state;
  };
  // A bad value inside an alternative: JSON writes null; a cell is marked null.
  auto null_value = [&] {
    if constexpr (Cells)
      cells_->states.back() = cell_state::null;
    else if constexpr (!Csv) {
      o = put(o, "null", 4);
      wrote_null_ = true;
    }
  };

  if constexpr (!Csv) *o++ = '{';
  for (std::size_t i = 0; i < n_ops; ++i) {
    const plan_op& op = ops[i];
    if constexpr (!Csv) o = put(o, keys + op.key_begin, op.key_length);
    switch (op.code) {
      case op_code::begin_object:
        if constexpr (!Csv) *o++ = '{';
        continue;
      case op_code::end_object:
        if constexpr (!Csv) *o++ = '}';
        continue;
      case op_code::record_type:
        if constexpr (Csv) {
          cell();
          o = put(o, keys + op.key_begin, op.key_length);
        }
        continue;
      case op_code::begin_array: {
        if constexpr (!Csv) *o++ = '[';
        std::uint32_t count = op.occurs_max;
        if (op.slot >= 0) {
          std::int64_t v = slots_[static_cast<std::size_t>(op.slot)];
          if (v == detail::no_count) {
            if (errors.size() == errors_before)
              fail(op, base + op.offset + static_cast<std::size_t>(shift),
                   "OCCURS DEPENDING ON count was not decoded");
            count = 0;
          } else if (v < op.occurs_min || v > op.occurs_max) {
            ctx.add_count(op, slot_offsets_[static_cast<std::size_t>(op.slot)], v,
                          op.alternative || alt_depth > 0);
            bad |= alt_depth == 0;
            count = 0;
          } else {
            count = static_cast<std::uint32_t>(v);
          }
        }
        std::size_t table_start = base + op.offset + static_cast<std::size_t>(shift);
        frames_.push_back(frame{static_cast<std::uint32_t>(i), 0, count, base, shift, table_start});
        base = table_start;
        shift = 0;
        if (count == 0) i = op.jump - 1;  // the end_array op finishes an empty table
        continue;
      }
      case op_code::end_array: {
        frame& f = frames_.back();
        const plan_op& loop = ops[f.begin_op];
        std::size_t next = f.count == 0 ? base
                                         : base + loop.stride + static_cast<std::size_t>(shift);
        if (f.count != 0 && ++f.index < f.count) {
          base = next;
          shift = 0;
          if constexpr (!Csv) *o++ = ',';
          i = f.begin_op;
          continue;
        }
        if constexpr (Csv) {
          for (std::size_t k = std::size_t{f.count} * loop.columns,
                           full = std::size_t{loop.occurs_max} * loop.columns;
               k < full; ++k)
            cell(cell_state::absent);
        } else {
          *o++ = ']';
        }
        auto actual = static_cast<std::ptrdiff_t>(next - f.start);
        auto layout = static_cast<std::ptrdiff_t>(std::size_t{loop.occurs_max} * loop.stride);
        base = f.saved_base;
        shift = f.saved_shift + (actual - layout);
        frames_.pop_back();
        continue;
      }
      case op_code::begin_alternative:
        ++alt_depth;
        continue;
      case op_code::end_alternative:
        --alt_depth;
        continue;
      default:
        break;
    }

    // An elementary value.
    cell();
    const std::size_t off = base + op.offset + static_cast<std::size_t>(shift);
    if (off + op.length > rec.size) {
      ctx.add_short(op, off, op.alternative || alt_depth > 0);
      bad |= !(op.alternative || alt_depth > 0);
      null_value();
      continue;
    }
    const std::uint8_t* p = rec.data + off;
    if (detail::is_text_counter(op)) [[unlikely]]
      count_text(op, p, off);
    if (nul_is_null && detail::unset_display(op, p, space)) {
      null_value();
      continue;
    }
    eb::decode_status st = eb::decode_status::ok;
    eb::int128_t value = 0;
    std::int64_t narrow = 0;
    bool number = false;
    bool wide = false;
    switch (op.code) {
      case op_code::text: {
        const std::uint8_t* t = p;
        std::size_t len = op.length;
        if (op.extra >= 0) {  // the field's own page (--field-codepage)
          const text_tables& own = plan.field_text(op);
          detail::trim_bytes(trim, own.blank.data(), t, len);
          o = detail::put_sbcs<Csv>(o, t, len, own.table, own.plain);
          continue;
        }
        detail::trim_bytes(trim, blank, t, len);
        o = detail::put_sbcs<Csv>(o, t, len, table, plain);
        continue;
      }
      case op_code::raw: {
        if constexpr (!Csv) *o++ = '"';
        o = detail::put_raw_bytes(o, p, op.length, op.render);
        if constexpr (!Csv) *o++ = '"';
        continue;
      }
      case op_code::text_mixed:
      case op_code::dbcs:
      case op_code::national: {
        std::size_t w = 0;
        const char* s = scratch_.get();
        st = detail::decode_wide_text(plan, op, p, scratch_.get(), w);
        detail::trim_utf8_text(trim, trim_chars, s, w);
        if (st == eb::decode_status::ok) {
          if constexpr (Cells)
            o = put(o, s, w);
          else
            o = detail::put_utf8_text<Csv>(o, s, w);
          continue;
        }
        break;
      }
      case op_code::zoned:
      case op_code::packed:
      case op_code::binary:
        st = detail::decode_number(plan, op, p, value, narrow, wide);
        number = true;
        break;
      case op_code::floating: {
        double d = 0;
        st = detail::decode_floating(plan, op, p, d);
        if (st == eb::decode_status::ok) {
          o = op.render ? detail::put_java_floating(d, op.length == 4, o)
                        : eb::format_float(d, op.length == 4, o);
          continue;
        }
        break;
      }
      case op_code::edited: {
        eb::decimal d;
        st = detail::decode_edited(plan, op, p, scratch_.get(), d);
        if (st == eb::decode_status::ok) {
          char* v = o;
          o = eb::format_decimal(d, o);
          if (op.render) o = detail::to_java_big_decimal(v, o, op.scale);
          continue;
        }
        break;
      }
      default:
        break;
    }
    if (st != eb::decode_status::ok) {
      fail(op, off, eb::to_string(st));
      null_value();
      continue;
    }
    if (number) {
      char* v = o;
      if (wide) {
        o = detail::put_number(o, value, op.scale);
      } else {
        o = detail::put_number64(o, narrow, op.scale);
        value = narrow;
      }
      if (op.render) o = detail::to_java_big_decimal(v, o, op.scale);
      if (op.slot >= 0) {
        auto s = static_cast<std::size_t>(op.slot);
        slots_[s] = op.scale == 0 && value >= 0 && value <= std::numeric_limits<std::int32_t>::max()
                        ? static_cast<std::int64_t>(value)
                        : -1;
        slot_offsets_[s] = off;
      }
    }
  }
  // Bytes past the last described field (ODO tables shorter than their maximum move the
  // end down by `shift`, except in fixed-length records) are data no field holds: never
  // dropped without a word.
  undescribed_ = ctx.trailing_bytes(shift, bad);
  if constexpr (Cells) {
    cells_->bounds.push_back(static_cast<std::uint32_t>(o - begin));
  } else if constexpr (!Csv) {
    *o++ = '}';
    *o++ = '\n';
  } else {
    *o++ = '\r';
    *o++ = '\n';
  }
  if (bad) {
    out.set_size(start);
    return false;
  }
  out.set_size(start + static_cast<std::size_t>(o - begin));
  return true;
}

template bool record_decoder::run<output_format::jsonl>(const record_view&, std::string_view,
                                                        text_buffer&, std::vector<record_error>&);
template bool record_decoder::run<output_format::csv>(const record_view&, std::string_view,
                                                      text_buffer&, std::vector<record_error>&);
template bool record_decoder::run<output_format::cells>(const record_view&, std::string_view,
                                                        text_buffer&, std::vector<record_error>&);

}  // namespace mfb::bridge
