// Stored cells back to the canonical JSON record: walk the record type's JSON plan exactly
// as the decoder does, but take each value from the next cell instead of from bytes. ODO
// tables take their counts from the (already written) count fields, as the decoder does
// (a text count field through its --occurs-map).

#include <limits>

#include "mfb/bridge/codec/text/json_quote.hpp"
#include "mfb/bridge/io/occurs_map.hpp"
#include "mfb/rehost/db/record_store.hpp"

namespace mfb::rehost {

namespace {

bool is_number(bridge::op_code c) {
  return c == bridge::op_code::zoned || c == bridge::op_code::packed || c == bridge::op_code::binary ||
         c == bridge::op_code::floating || c == bridge::op_code::edited;
}

/// A text ODO object's stored value counted through --occurs-map (-1: not mapped).
long long text_count(const bridge::decode_plan& plan, const bridge::plan_op& op,
                     std::string_view value) {
  const auto& map = plan.options().occurs;
  const auto* m = map ? map->find(plan.layout().fields[static_cast<std::size_t>(op.field)]) : nullptr;
  return m != nullptr ? m->count_of(bridge::occurs_trimmed(value)) : -1;
}

}  // namespace

std::string record_json(const dataset& ds, const stored_record& rec) {
  const bridge::decode_plan& plan = ds.json_plans()[rec.type];
  const auto& ops = plan.ops();
  std::vector<long long> slots(plan.slot_count(), -1);
  struct frame {
    std::size_t begin_op, index, count, cell_start;
  };
  std::vector<frame> frames;
  std::string out = "{";
  std::size_t cursor = 0;
  auto cell = [&](std::size_t i) -> const sql_param& {
    static const sql_param none;
    return i < rec.cells.size() ? rec.cells[i] : none;
  };
  for (std::size_t i = 0; i < ops.size(); ++i) {
    const bridge::plan_op& op = ops[i];
    switch (op.code) {
      case bridge::op_code::record_type:
        continue;
      case bridge::op_code::begin_object:
        out += plan.key(op);
        out += '{';
        continue;
      case bridge::op_code::end_object:
        out += '}';
        continue;
      case bridge::op_code::begin_array: {
        out += plan.key(op);
        out += '[';
        std::size_t count = op.occurs_max;
        if (op.slot >= 0) {
          long long v = slots[static_cast<std::size_t>(op.slot)];
          count = v < 0 ? 0 : std::min<std::size_t>(static_cast<std::size_t>(v), op.occurs_max);
        }
        if (count == 0) {
          out += ']';
          cursor += std::size_t{op.columns} * op.occurs_max;
          i = op.jump;  // past the end_array
          continue;
        }
        frames.push_back({i, 0, count, cursor});
        continue;
      }
      case bridge::op_code::end_array: {
        frame& f = frames.back();
        const bridge::plan_op& loop = ops[f.begin_op];
        if (++f.index < f.count) {
          out += ',';
          cursor = f.cell_start + f.index * loop.columns;
          i = f.begin_op;
          continue;
        }
        out += ']';
        cursor = f.cell_start + std::size_t{loop.occurs_max} * loop.columns;
        frames.pop_back();
        continue;
      }
      case bridge::op_code::begin_alternative: {
        bool all_null = true;
        for (std::size_t k = 0; k < op.columns; ++k) all_null &= !cell(cursor + k).has_value();
        if (all_null && op.columns > 0) {
          out += std::string_view(plan.key_pool() + op.offset, op.length);
          out += "null";
          cursor += op.columns;
          i = op.jump;
        }
        continue;
      }
      case bridge::op_code::end_alternative:
        continue;
      default:
        break;
    }
    out += plan.key(op);
    const sql_param& v = cell(cursor++);
    if (!v) {
      out += "null";
    } else if (is_number(op.code)) {
      out += *v;
      if (op.slot >= 0) {
        long long n = -1;
        try {
          n = std::stoll(*v);
        } catch (const std::exception&) {
        }
        slots[static_cast<std::size_t>(op.slot)] = n;
      }
    } else {
      bridge::text::json_quote(*v, out);
      if (op.slot >= 0) slots[static_cast<std::size_t>(op.slot)] = text_count(plan, op, *v);
    }
  }
  out += '}';
  return out;
}

result<std::vector<std::uint8_t>> record_bytes(const dataset& ds, const stored_record& rec,
                                               std::vector<bridge::field_error>& errors) {
  bridge::record_encoder enc(ds.encoders()[rec.type]);
  bridge::encoded_record out;
  if (!enc.encode(record_json(ds, rec), out, errors)) {
    std::string why = "record " + std::to_string(rec.record_no) + " cannot be encoded:";
    for (const auto& e : errors) why += " " + e.to_string() + ";";
    return error{why};
  }
  bool fixed = ds.framing().format == bridge::recfm::f || ds.framing().format == bridge::recfm::fb;
  out.bytes.resize(fixed ? out.bytes.size() : out.odo_length);
  return std::move(out.bytes);
}

}  // namespace mfb::rehost
