// The record decoder's state and entry points: scratch sized once from the plan, and the
// three outputs (JSON, CSV, cells) that the walk in record_decoder_run.cpp produces.

#include "mfb/bridge/codec/record_decoder.hpp"

#include <algorithm>
#include <cstring>

#include "codec/record_decoder_values.hpp"
#include "mfb/bridge/mask/record_masker.hpp"

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
  alts_.reserve(8);
  if (plan.options().mask) {
    auto m = record_masker::compile(plan.options().mask, plan.layout(), plan.page());
    if (m) masker_ = std::make_shared<record_masker>(std::move(*m));
    else mask_refusal_ = m.err().message;  // checked before runs; every record fails if not
  }
}

bool record_decoder::mask(const record_view& rec, std::string_view file, record_view& use,
                          std::vector<record_error>& errors) {
  record_error e{std::string(file), rec.number, rec.file_offset, {}, 0, 0, {}, mask_refusal_, false};
  if (masker_) {
    masked_.assign(rec.data, rec.data + rec.size);
    masker_->sample(rec.data, rec.size);
    mask_failure why;
    if (masker_->apply(masked_.data(), masked_.size(), why)) {
      use.data = masked_.data();
      return true;
    }
    // The field's bytes are left out of the message: they are the value being masked.
    e.field_path = why.field_path;
    e.field_offset = why.offset;
    e.field_length = why.length;
    e.reason = why.reason;
  }
  errors.push_back(std::move(e));
  return false;
}

bool record_decoder::decode(const record_view& rec, std::string_view file, text_buffer& out,
                            std::vector<record_error>& errors) {
  record_view use = rec;
  if ((masker_ || !mask_refusal_.empty()) && !mask(rec, file, use, errors)) return false;
  if (plan_->options().format == output_format::csv)
    return run<output_format::csv>(use, file, out, errors);
  return run<output_format::jsonl>(use, file, out, errors);
}

bool record_decoder::decode_cells(const record_view& rec, std::string_view file, cell_row& row,
                                  std::vector<record_error>& errors) {
  row.clear();
  record_view use = rec;
  if ((masker_ || !mask_refusal_.empty()) && !mask(rec, file, use, errors)) return false;
  cells_ = &row;
  bool ok = run<output_format::cells>(use, file, row.text, errors);
  cells_ = nullptr;
  return ok;
}

}  // namespace mfb::bridge
