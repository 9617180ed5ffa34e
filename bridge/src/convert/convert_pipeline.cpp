// Threads: one reader, N decoders, the caller writing. Batches carry a sequence number; the
// writer waits for the next one, so output order never depends on scheduling, and the
// number of batches in flight bounds memory. Used batches are recycled to keep buffers.

#include "convert/convert_pipeline.hpp"

#include "convert/styled_rows.hpp"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

namespace mfb::bridge::detail {

void classify_batch(const record_selector& selector, hierarchy_tracker* tracker,
                    segment_stage* segments, batch_work& w) {
  w.classified = true;
  w.plans.clear();
  w.parents.clear();
  w.parent_numbers.clear();
  w.parent_text.clear();
  w.orphans.clear();
  w.segment_refs.clear();
  w.segment_text.clear();
  w.unknown_segments = 0;
  const bool csv = selector.plans().front().options().format == output_format::csv;
  const parent_key* last = nullptr;
  std::uint64_t last_record = 0;
  batch_work::parent_ref last_ref;
  for (std::size_t i = 0; i < w.batch.size(); ++i) {
    const record_view& rec = w.batch[i];
    if (segments && !segments->keep(rec)) {
      // Filtered out: no type, no parent, no ids; the writer counts it.
      w.plans.push_back(batch_work::filtered_plan);
      w.parents.emplace_back();
      w.parent_numbers.push_back(0);
      w.segment_refs.emplace_back();
      continue;
    }
    int plan = selector.choose(rec);
    w.plans.push_back(static_cast<std::int16_t>(plan));
    parent_link link = tracker ? tracker->observe(plan, rec) : parent_link{};
    std::uint64_t nest_parent = 0;  // --nest-children: the parent's record number
    if (segments && plan >= 0 && !segments->nest_parents().empty() &&
        !segments->place(plan, rec.number, nest_parent, link.reason))
      link.state = parent_link::kind::orphan;
    batch_work::parent_ref ref;
    if (link.state == parent_link::kind::orphan) {
      ref = {batch_work::orphan_mark, static_cast<std::uint32_t>(w.orphans.size())};
      w.orphans.push_back(std::move(link.reason));
    } else if (link.state == parent_link::kind::attached) {
      // Siblings share their parent's text: copy it once per parent and batch.
      if (link.key != last || link.key->record_number != last_record) {
        last = link.key;
        last_record = link.key->record_number;
        last_ref.begin = static_cast<std::uint32_t>(w.parent_text.size());
        if (csv) {
          w.parent_text += link.key->csv;
        } else {
          w.parent_text += ",\"_parent\":";
          w.parent_text += link.key->json;
        }
        last_ref.end = static_cast<std::uint32_t>(w.parent_text.size());
      }
      ref = last_ref;
    }
    w.parents.push_back(ref);
    w.parent_numbers.push_back(
        link.state == parent_link::kind::attached ? link.key->record_number : nest_parent);
    batch_work::parent_ref seg;
    seg.begin = static_cast<std::uint32_t>(w.segment_text.size());
    if (segments && !segments->observe(rec, w.segment_text)) ++w.unknown_segments;
    seg.end = static_cast<std::uint32_t>(w.segment_text.size());
    w.segment_refs.push_back(seg);
  }
}

namespace {

// Put the parent's key text before the line end of the record just written: JSON "}\n"
// (inside the object, as its last member) or CSV "\r\n" (as the last cells).
void append_parent(text_buffer& text, std::string_view key, bool csv) {
  const std::string_view tail = csv ? "\r\n" : "}\n";
  text.set_size(text.size() - tail.size());
  text.append(key);
  text.append(tail);
}

}  // namespace

void decode_batch(const record_selector& selector, std::vector<record_decoder>& decoders,
                  const input_file_columns& input, batch_work& w) {
  const std::string& file = input.name;
  w.reset();
  std::size_t n = w.batch.size();
  w.ends.reserve(n);
  if (!w.classified) w.plans.reserve(n);
  const bool csv = selector.plans().front().options().format == output_format::csv;
  const output_style& style = selector.plans().front().options().style;
  for (std::size_t i = 0; i < n; ++i) {
    const record_view& rec = w.batch[i];
    int plan = w.classified ? w.plans[i] : selector.choose(rec);
    if (!w.classified) w.plans.push_back(static_cast<std::int16_t>(plan));
    if (plan == batch_work::filtered_plan) {
      w.ends.push_back(w.text.size());
      continue;
    }
    const std::size_t start = w.text.size();
    auto e0 = static_cast<std::uint32_t>(w.errors.size());
    bool ok = false;
    std::uint64_t undescribed = 0;
    if (plan < 0) {
      w.errors.push_back(selector.no_match(rec, file));
    } else if (w.classified && w.parents[i].begin == batch_work::orphan_mark) {
      record_error e;
      e.file = file;
      e.record_number = rec.number;
      e.file_offset = rec.file_offset;
      e.reason = w.orphans[w.parents[i].end];
      w.errors.push_back(std::move(e));
    } else {
      auto& decoder = decoders[static_cast<std::size_t>(plan)];
      const std::size_t line_start = w.text.size();
      ok = selector.merges_records() ? decode_merged(decoders, rec, file, w.text, w.errors)
                                     : decoder.decode(rec, file, w.text, w.errors);
      if (ok && w.classified && w.segment_refs[i].end > w.segment_refs[i].begin)
        insert_segment_ids(w.text, start,
                           std::string_view(w.segment_text)
                               .substr(w.segment_refs[i].begin,
                                       w.segment_refs[i].end - w.segment_refs[i].begin),
                           csv);
      // After the Seg_Id columns, so that File_Id, Record_Id and Record_Byte_Length lead.
      if (ok && !csv && style.rewrites_rows()) {
        bool has_null = decoder.wrote_null();
        if (selector.merges_records())
          has_null = std::any_of(decoders.begin(), decoders.end(), [](const auto& d) { return d.wrote_null(); });
        finish_styled_row(style, input, rec, w.text, line_start, has_null);
      }
      if (ok) undescribed = decoder.undescribed_bytes();
      if (ok && w.classified && w.parents[i].end > w.parents[i].begin)
        append_parent(w.text,
                      std::string_view(w.parent_text)
                          .substr(w.parents[i].begin, w.parents[i].end - w.parents[i].begin),
                      csv);
    }
    auto e1 = static_cast<std::uint32_t>(w.errors.size());
    if (!ok || e1 != e0 || undescribed != 0)
      w.flagged.push_back({static_cast<std::uint32_t>(i), !ok, e0, e1, undescribed});
    w.ends.push_back(w.text.size());
  }
}

namespace {

std::vector<record_decoder> make_decoders(const record_selector& selector) {
  std::vector<record_decoder> d;
  for (const auto& p : selector.plans()) d.emplace_back(p);
  return d;
}

void run_inline(record_reader& reader, const record_selector& selector,
                hierarchy_tracker* tracker, segment_stage* segments, std::size_t batch_bytes,
                const input_file_columns& file, const std::function<bool(batch_work&)>& consume) {
  auto decoders = make_decoders(selector);
  batch_work w;
  for (std::uint64_t seq = 0; reader.next(w.batch, batch_bytes); ++seq) {
    w.seq = seq;
    if (tracker || segments) classify_batch(selector, tracker, segments, w);
    decode_batch(selector, decoders, file, w);
    if (!consume(w)) return;
  }
}

class parallel_run {
 public:
  parallel_run(record_reader& reader, const record_selector& selector,
               hierarchy_tracker* tracker, segment_stage* segments, unsigned threads,
               std::size_t batch_bytes, const input_file_columns& file)
      : reader_(reader), selector_(selector), tracker_(tracker), segments_(segments),
        file_(file), threads_(threads),
        batch_bytes_(batch_bytes), limit_(2 * threads + 2) {}

  void run(const std::function<bool(batch_work&)>& consume) {
    std::thread reader([this] { read_loop(); });
    std::vector<std::thread> workers;
    for (unsigned t = 0; t < threads_; ++t) workers.emplace_back([this] { work_loop(); });
    for (std::uint64_t next = 0;; ++next) {
      std::unique_ptr<batch_work> w;
      {
        std::unique_lock lock(mu_);
        cv_.wait(lock, [&] { return done_.count(next) || (reading_done_ && next == produced_); });
        if (!done_.count(next)) break;
        w = std::move(done_[next]);
        done_.erase(next);
      }
      bool more = consume(*w);
      {
        std::lock_guard lock(mu_);
        --in_flight_;
        pool_.push_back(std::move(w));
        if (!more) stop_ = true;
      }
      cv_.notify_all();
      if (!more) break;
    }
    {
      std::lock_guard lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    reader.join();
    for (auto& t : workers) t.join();
  }

 private:
  void read_loop() {
    for (;;) {
      std::unique_ptr<batch_work> w;
      {
        std::unique_lock lock(mu_);
        cv_.wait(lock, [&] { return stop_ || in_flight_ < limit_; });
        if (stop_) break;
        ++in_flight_;
        if (!pool_.empty()) {
          w = std::move(pool_.back());
          pool_.pop_back();
        }
      }
      if (!w) w = std::make_unique<batch_work>();
      // The reader itself runs unlocked: only this thread touches it.
      bool got = reader_.next(w->batch, batch_bytes_);
      if (got && (tracker_ || segments_)) classify_batch(selector_, tracker_, segments_, *w);
      std::lock_guard lock(mu_);
      if (!got) {
        --in_flight_;
        break;
      }
      w->seq = produced_++;
      queue_.push_back(std::move(w));
      cv_.notify_all();
    }
    std::lock_guard lock(mu_);
    reading_done_ = true;
    cv_.notify_all();
  }

  void work_loop() {
    auto decoders = make_decoders(selector_);
    for (;;) {
      std::unique_ptr<batch_work> w;
      {
        std::unique_lock lock(mu_);
        cv_.wait(lock, [&] { return stop_ || !queue_.empty() || reading_done_; });
        if (stop_ || queue_.empty()) break;
        w = std::move(queue_.front());
        queue_.pop_front();
      }
      decode_batch(selector_, decoders, file_, *w);
      std::lock_guard lock(mu_);
      auto seq = w->seq;
      done_[seq] = std::move(w);
      cv_.notify_all();
    }
  }

  record_reader& reader_;
  const record_selector& selector_;
  hierarchy_tracker* tracker_;
  segment_stage* segments_;
  const input_file_columns& file_;
  unsigned threads_;
  std::size_t batch_bytes_;
  std::size_t limit_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::unique_ptr<batch_work>> queue_;
  std::map<std::uint64_t, std::unique_ptr<batch_work>> done_;
  std::vector<std::unique_ptr<batch_work>> pool_;
  std::size_t in_flight_ = 0;
  std::uint64_t produced_ = 0;
  bool reading_done_ = false;
  bool stop_ = false;
};

}  // namespace

void run_pipeline(record_reader& reader, const record_selector& selector,
                  hierarchy_tracker* tracker, segment_stage* segments, unsigned threads,
                  std::size_t batch_bytes, const input_file_columns& file,
                  const std::function<bool(batch_work&)>& consume) {
  if (tracker && !tracker->active()) tracker = nullptr;
  if (threads <= 1) {
    run_inline(reader, selector, tracker, segments, batch_bytes, file, consume);
    return;
  }
  parallel_run(reader, selector, tracker, segments, threads, batch_bytes, file).run(consume);
}

}  // namespace mfb::bridge::detail
