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

namespace {

/// --min-record-length / --max-record-length: a framed record outside them is bad before
/// any field is read (and reported; never dropped).
[[gnu::cold]] bool out_of_limits(const decode_options& o, const record_view& rec, std::string_view file,
                                 std::vector<record_error>& errors) {
  const bool short_record = rec.size < o.min_record_length;
  if (!short_record && (o.max_record_length == 0 || rec.size <= o.max_record_length)) return false;
  record_error e;
  e.file = std::string(file);
  e.record_number = rec.number;
  e.file_offset = rec.file_offset;
  // One reason per limit (not per size), so the summary counts them together.
  e.reason = short_record ? "the record is shorter than --min-record-length " + std::to_string(o.min_record_length)
                          : "the record is longer than --max-record-length " + std::to_string(o.max_record_length);
  errors.push_back(std::move(e));
  return true;
}

bool limited(const decode_options& o) { return o.min_record_length != 0 || o.max_record_length != 0; }

}  // namespace

bool record_decoder::decode(const record_view& rec, std::string_view file, text_buffer& out,
                            std::vector<record_error>& errors) {
  if (limited(plan_->options()) && out_of_limits(plan_->options(), rec, file, errors)) return false;
  record_view use = rec;
  if ((masker_ || !mask_refusal_.empty()) && !mask(rec, file, use, errors)) return false;
  if (plan_->options().format == output_format::csv)
    return run<output_format::csv>(use, file, out, errors);
  return run<output_format::jsonl>(use, file, out, errors);
}

bool record_decoder::decode_cells(const record_view& rec, std::string_view file, cell_row& row,
                                  std::vector<record_error>& errors) {
  row.clear();
  if (limited(plan_->options()) && out_of_limits(plan_->options(), rec, file, errors)) return false;
  record_view use = rec;
  if ((masker_ || !mask_refusal_.empty()) && !mask(rec, file, use, errors)) return false;
  cells_ = &row;
  bool ok = run<output_format::cells>(use, file, row.text, errors);
  cells_ = nullptr;
  return ok;
}

}  // namespace mfb::bridge
