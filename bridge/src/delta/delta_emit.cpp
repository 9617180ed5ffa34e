// The emitter: the one place where a delta decodes records. Both paths hand it changes in
// ascending key order; it decodes the records involved, lists the changed fields of an
// update, and passes the event to the sink.

#include <cstring>

#include "delta/delta_detail.hpp"

namespace mfb::bridge::detail {

delta_emitter::delta_emitter(const decode_plan& plan, const key_spec& keys, delta_sink& sink,
                             std::string old_name, std::string new_name)
    : decoder_(plan),
      keys_(keys),
      sink_(sink),
      old_name_(std::move(old_name)),
      new_name_(std::move(new_name)),
      last_key_(keys.size) {}

bool delta_emitter::decode(const record_view& rec, const std::string& file, text_buffer& out,
                           delta_record& into, delta_failure& failure) {
  out.clear();
  errors_.clear();
  if (!decoder_.decode(rec, file, out, errors_)) {
    std::string why = errors_.empty() ? where(file, rec.number, rec.file_offset) + " cannot be decoded"
                                      : errors_.front().to_string();
    if (errors_.size() > 1) why += " (and " + std::to_string(errors_.size() - 1) + " more errors)";
    return failure.set(failure_kind::bad_data, why);
  }
  std::string_view line = out.view();
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  into.number = rec.number;
  into.file_offset = rec.file_offset;
  into.bytes = {rec.data, rec.size};
  into.json = line;
  return true;
}

bool delta_emitter::emit(delta_op op, const std::uint8_t* key, const record_view* old_rec,
                         const record_view* new_rec, delta_failure& failure) {
  if (have_last_) {
    int cmp = std::memcmp(key, last_key_.data(), keys_.size);
    if (cmp == 0 && op == delta_op::insert && last_insert_)
      return failure.set(failure_kind::bad_data, duplicate_key(new_name_, key, keys_.size, last_number_, last_offset_,
                                          new_rec->number, new_rec->file_offset));
    if (cmp <= 0) return failure.set(failure_kind::bad_data, "internal error: delta events out of key order");
  }
  have_last_ = true;
  std::memcpy(last_key_.data(), key, keys_.size);
  last_insert_ = op == delta_op::insert;
  if (new_rec) {
    last_number_ = new_rec->number;
    last_offset_ = new_rec->file_offset;
  }

  delta_event event;
  event.op = op;
  event.key_bytes = {key, keys_.size};
  if (new_rec && !decode(*new_rec, new_name_, new_text_, event.new_record, failure)) return false;
  if (old_rec && !decode(*old_rec, old_name_, old_text_, event.old_record, failure)) return false;

  std::string_view source = new_rec ? event.new_record.json : event.old_record.json;
  key_values_.clear();
  std::string why;
  bool parsed = key_doc_.parse(source, why);  // our decoder's output: it parses
  for (const auto& f : keys_.fields)
    key_values_.push_back(parsed ? json_find(key_doc_, f.path) : std::string_view("null"));
  event.key_values = key_values_;

  changes_.clear();
  if (op == delta_op::update) {
    pool_.clear();
    raw_changes_.clear();
    json_diff(event.old_record.json, event.new_record.json, pool_, raw_changes_);
    // The pool is complete now, so views into it stay valid.
    for (const auto& c : raw_changes_)
      changes_.push_back({std::string_view(pool_).substr(c.path_begin, c.path_length),
                          c.old_value, c.new_value});
    event.changed = changes_;
  }
  if (!sink_.write(event)) return failure.set(failure_kind::target, sink_.error());
  switch (op) {
    case delta_op::insert: ++counts_.inserts; break;
    case delta_op::update: ++counts_.updates; break;
    case delta_op::remove: ++counts_.deletes; break;
  }
  return true;
}

}  // namespace mfb::bridge::detail
