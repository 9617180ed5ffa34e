// Text OCCURS DEPENDING ON objects in the decode plan (--occurs-map): the op of such an
// object names its map, and its value is counted through it when a record is read.

#include <limits>

#include "codec/decode_plan_builder.hpp"
#include "codec/text_odo_count.hpp"
#include "mfb/bridge/io/occurs_map.hpp"

namespace mfb::bridge {

bool decode_plan::builder::text_counter(const cb::field& f, plan_op& op) {
  if (f.kind != cb::category::alphanumeric && f.kind != cb::category::alphabetic) return true;
  const occurs_map* map = plan.opts_.occurs.get();
  const occurs_mapping* m = map != nullptr ? map->find(f) : nullptr;
  if (m == nullptr) {
    error = "field " + f.path + ": a text OCCURS DEPENDING ON object needs an occurs map "
            "(--occurs-map) to give its counts";
    return false;
  }
  if (op.code != op_code::text && op.code != op_code::text_mixed) {
    error = "field " + f.path + ": a text OCCURS DEPENDING ON object must be read as text "
            "(not --raw) for its occurs map";
    return false;
  }
  const auto index = m - map->fields.data();
  if (index > std::numeric_limits<std::int16_t>::max()) {
    error = "field " + f.path + ": the occurs map names more than 32767 fields";
    return false;
  }
  op.text_count_map = static_cast<std::int16_t>(index);
  return true;
}

namespace detail {

std::int64_t text_odo_count(const decode_plan& plan, const plan_op& op, const std::uint8_t* p,
                            std::string& value) {
  const auto& m = plan.options().occurs->fields[static_cast<std::size_t>(op.text_count_map)];
  return mapped_count(m, plan.page(), p, op.length, value);
}

std::string text_odo_reason(const decode_plan& plan, const plan_op& op, const std::string& value) {
  return unmapped_value_reason(plan.layout().fields[static_cast<std::size_t>(op.field)].name, value);
}

}  // namespace detail
}  // namespace mfb::bridge
