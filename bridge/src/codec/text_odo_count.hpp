#pragma once
// A text OCCURS DEPENDING ON object in a decode plan: its op (text, slot set,
// plan_op::text_count_map naming its occurs map) and the count its bytes give. Shared by
// the record decoder and the rehost walk, so both count alike.

#include <cstdint>
#include <string>

#include "mfb/bridge/codec/decode_plan.hpp"

namespace mfb::bridge::detail {

/// True when `op` is a text ODO object counted through --occurs-map.
inline bool is_text_counter(const plan_op& op) noexcept {
  return op.slot >= 0 && op.text_count_map >= 0 &&
         (op.code == op_code::text || op.code == op_code::text_mixed);
}

/// The count the text at `p` gives, or -1 when the map lacks it; `value` gets the trimmed
/// text. `op` must be a text counter.
std::int64_t text_odo_count(const decode_plan& plan, const plan_op& op, const std::uint8_t* p,
                            std::string& value);

/// The error sentence for a value its map lacks, naming the object and the value.
std::string text_odo_reason(const decode_plan& plan, const plan_op& op, const std::string& value);

}  // namespace mfb::bridge::detail
