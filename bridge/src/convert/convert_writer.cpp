// Policy decisions happen here, on the writing thread, in input order: so "fail" stops at
// the first bad record in the file (not the first a worker happened to meet), and the
// output before it is complete.

#include "convert/convert_writer.hpp"

#include <algorithm>
#include <cstring>

#include "mfb/bridge/io/reject_frame.hpp"

namespace mfb::bridge::detail {

namespace {

// "invalid digit", "record too short", ...: the reason up to its first colon.
std::string reason_kind(const std::string& reason) {
  return reason.substr(0, reason.find(':'));
}

}  // namespace

std::string convert_writer::open_rejects() {
  if (opts_.on_error != error_policy::reject) return {};
  auto bytes = output_file::open(opts_.reject_file, std::size_t{1} << 20);
  if (!bytes) return bytes.err().message;
  reject_bytes_ = std::move(bytes).value();
  std::string log_name =
      opts_.reject_log.empty() ? opts_.reject_file + ".errors.jsonl" : opts_.reject_log;
  auto lines = output_file::open(log_name, std::size_t{1} << 20);
  if (!lines) return lines.err().message;
  reject_log_ = std::move(lines).value();
  return {};
}

std::string convert_writer::close_rejects() {
  for (auto* f : {reject_bytes_.get(), reject_log_.get()})
    if (f) {
      auto r = f->close();
      if (!r) return r.err().message;
    }
  return {};
}

void convert_writer::report(const record_error& e, const char* prefix) {
  if (printed_ >= opts_.messages_limit) {
    ++held_back_;
    return;
  }
  ++printed_;
  rep_.detail(prefix + e.to_string() + "\n");
}

void convert_writer::count_nulled(const record_error& e) {
  if (!e.lenient) {
    ++summary_.alternative_errors;
    return;
  }
  constexpr std::size_t listed = 20;
  if (++summary_.null_numbers <= listed) summary_.null_number_errors.push_back(e.to_json());
}

void convert_writer::finish_file() {
  if (nested_ && summary_.failure == failure_kind::none) {
    nested_text_.clear();
    nested_->finish(summary_.records_read - file_first_record_, nested_text_);
    if (!sinks_.front()->write(nested_text_)) output_failed(sinks_.front()->error());
  }
}

bool convert_writer::reject_framing(const framing_error& fe) {
  record_error e;
  e.file = fe.file;
  e.record_number = fe.record_number;
  e.file_offset = fe.file_offset;
  e.reason = "framing: " + fe.message + "; the rest of the file is passed over";
  ++summary_.records_read;
  ++summary_.records_rejected;
  ++summary_.rejected_by_reason["framing"];
  report(e, "");
  if (reject_log_) {
    reject_log_->write(e.to_json());
    reject_log_->put('\n');
    if (!flush_outputs()) return false;
  }
  if (opts_.max_errors >= 0 && static_cast<long long>(summary_.records_rejected) > opts_.max_errors) {
    summary_.failure = failure_kind::bad_data;
    summary_.message = "too many bad records: " + std::to_string(summary_.records_rejected) +
                       " (--max-errors " + std::to_string(opts_.max_errors) + ")";
    rep_.message(severity::error, summary_.message);
    return false;
  }
  return true;
}

void convert_writer::finish() {
  if (held_back_ > 0)
    rep_.message(severity::info, std::to_string(held_back_) + " more messages not shown");
}

bool convert_writer::output_failed(const std::string& why) {
  summary_.failure = failure_kind::target;
  summary_.message = why;
  rep_.message(severity::error, summary_.message);
  return false;
}

bool convert_writer::write_to(record_sink& sink, const batch_work& w, std::size_t from,
                              std::size_t to) {
  if (to > from && !sink.write(std::string_view(w.text.data() + from, to - from)))
    return output_failed(sink.error());
  return true;
}

// Each batch's lines reach the files before its records count as written, so a full disk
// is met (and reported) while the counts still say what the files hold.
bool convert_writer::flush_outputs() {
  for (auto* s : distinct_)
    if (!s->flush()) return output_failed(s->error());
  for (auto* f : {reject_bytes_.get(), reject_log_.get()})
    if (f && !f->flush()) return output_failed(f->error());
  return true;
}

// Count this batch's records up to `upto` as read, and those whose text went out as written;
// with `durable_only` (an output failed) only those whose whole line reached their file.
void convert_writer::count_records(const batch_work& w, std::size_t upto, bool durable_only) {
  std::vector<std::uint64_t> at = batch_start_;
  for (; counted_ < upto; ++counted_) {
    ++summary_.records_read;
    const int p = w.plans[counted_];
    if (p == batch_work::filtered_plan) ++summary_.records_filtered;
    const std::size_t begin = counted_ ? w.ends[counted_ - 1] : 0;
    if (p < 0 || w.ends[counted_] == begin) continue;
    if (durable_only) {
      const std::size_t s = sink_index_[static_cast<std::size_t>(p)];
      at[s] += w.ends[counted_] - begin;
      if (at[s] > distinct_[s]->bytes_flushed()) continue;
    }
    ++summary_.records_written;
    ++summary_.written_by_type[selector_.plans()[static_cast<std::size_t>(p)].type_name()];
  }
}

bool convert_writer::is_parent(int type) const {
  return type >= 0 && std::find(parent_of_.begin(), parent_of_.end(), type) != parent_of_.end();
}

// --nest-children: each written record joins its root's group; complete groups go out.
bool convert_writer::write_nested(const batch_work& w, std::size_t from, std::size_t to) {
  nested_text_.clear();
  for (std::size_t r = from; r < to; ++r) {
    const std::size_t begin = r ? w.ends[r - 1] : 0;
    if (w.plans[r] < 0 || w.ends[r] == begin) continue;
    auto added = nested_->add(w.plans[r], w.batch[r].number, w.batch[r].size,
                              std::string_view(w.text.data() + begin, w.ends[r] - begin),
                              nested_text_);
    if (!added) {
      summary_.failure = failure_kind::bad_data;
      summary_.message = file_ + ": " + added.err().message;
      rep_.message(severity::error, summary_.message);
      return false;
    }
  }
  if (!nested_text_.empty() && !sinks_.front()->write(nested_text_))
    return output_failed(sinks_.front()->error());
  return true;
}

// Write the text of records [from, to): in one piece to a single output, else in runs of
// consecutive records of one type to that type's file.
bool convert_writer::write_records(const batch_work& w, std::size_t from, std::size_t to) {
  if (nested_) return write_nested(w, from, to);
  auto text_end = [&](std::size_t r) { return r ? w.ends[r - 1] : std::size_t{0}; };
  if (single_) return write_to(*sinks_.front(), w, text_end(from), text_end(to));
  std::size_t r = from;
  while (r < to) {
    int plan = w.plans[r];
    std::size_t run = r + 1;
    while (run < to && (w.plans[run] == plan || w.ends[run] == text_end(run))) ++run;
    if (plan >= 0 &&
        !write_to(*sinks_[static_cast<std::size_t>(plan)], w, text_end(r), text_end(run)))
      return false;
    r = run;
  }
  return true;
}

bool convert_writer::reject(const batch_work& w, const batch_work::flagged_record& f) {
  const record_view& rec = w.batch[f.record];
  const reject_frame frame = frame_for_reject(opts_.source.framing.format, rec.size);
  reject_bytes_->write(frame.head, frame.head_size);
  reject_bytes_->write(rec.data, rec.size);
  if (frame.newline) reject_bytes_->put('\n');
  for (std::uint32_t k = f.err_begin; k < f.err_end; ++k) {
    reject_log_->write(w.errors[k].to_json());
    reject_log_->put('\n');
  }
  if (!reject_bytes_->ok()) return output_failed(reject_bytes_->error());
  if (!reject_log_->ok()) return output_failed(reject_log_->error());
  return true;
}

// The tracker keys children from their parent's bytes before anything is decoded, so a
// parent the decoder rejects (a bad field outside its key) is only known here, in file
// order: its children (and theirs) become bad records too, and their text is cut out.
void convert_writer::reject_children_of_bad_parents(batch_work& w) {
  if (!w.classified) return;
  const std::size_t n = w.batch.size();
  bad_.assign(n, 0);
  for (const auto& f : w.flagged)
    if (f.bad) bad_[f.record] = 1;
  bool late = false;
  for (std::size_t i = 0; i < n; ++i) {
    const record_view& rec = w.batch[i];
    if (!bad_[i] && w.parent_numbers[i] != 0 && bad_parents_.count(w.parent_numbers[i])) {
      int parent = parent_of_[static_cast<std::size_t>(w.plans[i])];
      record_error e;
      e.file = file_;
      e.record_number = rec.number;
      e.file_offset = rec.file_offset;
      e.reason = "its parent " + selector_.plans()[static_cast<std::size_t>(parent)].type_name() +
                 " is bad: record " + std::to_string(w.parent_numbers[i]) + " (rejected)";
      auto e0 = static_cast<std::uint32_t>(w.errors.size());
      w.errors.push_back(std::move(e));
      w.flagged.push_back({static_cast<std::uint32_t>(i), true, e0, e0 + 1, 0});
      bad_[i] = 2;
      late = true;
    }
    if (bad_[i] && is_parent(w.plans[i])) bad_parents_.insert(rec.number);
  }
  if (!late) return;
  std::stable_sort(w.flagged.begin(), w.flagged.end(),
                   [](const auto& a, const auto& b) { return a.record < b.record; });
  std::size_t out = 0, begin = 0;
  for (std::size_t i = 0; i < n; ++i) {
    std::size_t end = w.ends[i];
    if (bad_[i] != 2) {
      if (out != begin) std::memmove(w.text.data() + out, w.text.data() + begin, end - begin);
      out += end - begin;
    }
    begin = end;
    w.ends[i] = out;
  }
  w.text.set_size(out);
}

bool convert_writer::consume(batch_work& w) {
  reject_children_of_bad_parents(w);
  if (w.classified) summary_.unknown_segments += w.unknown_segments;
  counted_ = 0;
  for (std::size_t s = 0; s < distinct_.size(); ++s) batch_start_[s] = distinct_[s]->bytes_flushed();
  // Write records [0, upto) and count them; on an output failure count only what reached it.
  auto write_and_count = [&](std::size_t upto) {
    const bool ok = write_records(w, 0, upto) && flush_outputs();
    count_records(w, upto, !ok);
    return ok;
  };
  for (const auto& f : w.flagged) {
    if (!f.bad) {
      if (f.undescribed != 0) {
        ++summary_.undescribed_records;
        summary_.undescribed_bytes += f.undescribed;
      }
      for (std::uint32_t k = f.err_begin; k < f.err_end; ++k) {
        count_nulled(w.errors[k]);
        report(w.errors[k], "warning (written as null): ");
      }
      continue;
    }
    ++summary_.records_rejected;
    ++summary_.rejected_by_reason[reason_kind(w.errors[f.err_begin].reason)];
    bool over = opts_.max_errors >= 0 &&
                static_cast<long long>(summary_.records_rejected) > opts_.max_errors;
    if (opts_.on_error == error_policy::fail || over) {
      if (!write_and_count(f.record)) return false;
      ++summary_.records_read;  // the bad record itself
      for (std::uint32_t k = f.err_begin; k < f.err_end; ++k)
        if (!w.errors[k].in_alternative)
          rep_.detail(w.errors[k].to_string() + "\n");
      if (opts_.on_error == error_policy::reject && !(reject(w, f) && flush_outputs()))
        return false;
      summary_.failure = failure_kind::bad_data;
      summary_.message =
          over ? "too many bad records: " + std::to_string(summary_.records_rejected) +
                     " (--max-errors " + std::to_string(opts_.max_errors) + ")"
               : "stopped at the first bad record (--on-error fail)";
      rep_.message(severity::error, summary_.message);
      return false;
    }
    for (std::uint32_t k = f.err_begin; k < f.err_end; ++k)
      if (!w.errors[k].in_alternative) report(w.errors[k], "");
    if (opts_.on_error == error_policy::reject && !reject(w, f)) {
      count_records(w, f.record, true);
      return false;
    }
  }
  return write_and_count(w.batch.size());
}

}  // namespace mfb::bridge::detail
