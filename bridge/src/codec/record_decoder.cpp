// The record decoder's state and entry points: scratch sized once from the plan, and the
// three outputs (JSON, CSV, cells) that the walk in record_decoder_run.cpp produces.

#include "mfb/bridge/codec/record_decoder.hpp"

#include <algorithm>
#include <cstring>

#include "codec/record_decoder_values.hpp"

namespace mfb::bridge {

void text_buffer::grow(std::size_t need) {
  std::size_t cap = std::max<std::size_t>(need, capacity_ * 2 + 4096);
  std::unique_ptr<char[]> bigger(new char[cap]);
  if (size_) std::memcpy(bigger.get(), data_.get(), size_);
  data_ = std::move(bigger);
  capacity_ = cap;
}

record_decoder::record_decoder(const decode_plan& plan)
    : plan_(&plan),
      slots_(plan.slot_count(), detail::no_count),
      slot_offsets_(plan.slot_count(), 0),
      scratch_(new char[plan.max_scratch() + detail::decode_slack]) {
  frames_.reserve(plan.max_depth() + 1);
}

bool record_decoder::decode(const record_view& rec, std::string_view file, text_buffer& out,
                            std::vector<record_error>& errors) {
  if (plan_->options().format == output_format::csv)
    return run<output_format::csv>(rec, file, out, errors);
  return run<output_format::jsonl>(rec, file, out, errors);
}

bool record_decoder::decode_cells(const record_view& rec, std::string_view file, cell_row& row,
                                  std::vector<record_error>& errors) {
  row.clear();
  cells_ = &row;
  bool ok = run<output_format::cells>(rec, file, row.text, errors);
  cells_ = nullptr;
  return ok;
}

}  // namespace mfb::bridge
