// The JSON Lines form of a delta: one object per event, keys and values as decoded.

#include "delta/delta_detail.hpp"
#include "mfb/bridge/delta/delta.hpp"

namespace mfb::bridge {

delta_jsonl_sink::delta_jsonl_sink(std::unique_ptr<output_file> out) : out_(std::move(out)) {}

delta_jsonl_sink::delta_jsonl_sink(std::string path_or_dash) : path_(std::move(path_or_dash)) {}

bool delta_jsonl_sink::begin(const copybook::record_layout&, std::span<const delta_key_field> keys) {
  if (!out_) {
    auto opened = output_file::open(path_);
    if (!opened) {
      error_ = opened.err().message;
      return false;
    }
    out_ = std::move(opened).value();
  }
  key_names_.clear();
  for (const auto& k : keys) {
    std::string name;
    text::json_quote(k.path, name);
    key_names_.push_back(name + ':');
  }
  return true;
}

bool delta_jsonl_sink::write(const delta_event& e) {
  line_.clear();
  line_ += "{\"op\":\"";
  line_ += to_string(e.op);
  line_ += "\",\"key\":{";
  for (std::size_t i = 0; i < key_names_.size() && i < e.key_values.size(); ++i) {
    if (i) line_ += ',';
    line_ += key_names_[i];
    line_ += e.key_values[i];
  }
  line_ += '}';
  if (e.op == delta_op::update) {
    line_ += ",\"changed\":{";
    bool first = true;
    for (const auto& c : e.changed) {
      if (!first) line_ += ',';
      first = false;
      text::json_quote(c.path, line_);
      line_ += ":{\"old\":";
      line_ += c.old_value;
      line_ += ",\"new\":";
      line_ += c.new_value;
      line_ += '}';
    }
    line_ += '}';
  }
  if (e.op != delta_op::remove) {
    line_ += ",\"record\":";
    line_ += e.new_record.json;
  }
  line_ += "}\n";
  if (out_->write(line_)) return true;
  error_ = out_->error();
  return false;
}

bool delta_jsonl_sink::finish(const delta_counts&) {
  auto closed = out_->close();
  if (closed) return true;
  error_ = closed.err().message;
  return false;
}

std::string delta_jsonl_sink::error() const {
  return error_.empty() && out_ ? out_->error() : error_;
}

}  // namespace mfb::bridge
