// Spill files of the hashed delta path and the key-ordered event buffer.

#include "delta/delta_spill.hpp"

#include <stdlib.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <queue>
#include <system_error>

namespace mfb::bridge::detail {

spill_space::~spill_space() {
  if (folder_.empty()) return;
  std::error_code ec;
  std::filesystem::remove_all(folder_, ec);  // best effort: nothing to report to from here
}

result<std::string> spill_space::file(const std::string& stem) {
  if (folder_.empty()) {
    std::string parent = parent_;
    if (parent.empty()) {
      const char* tmp = std::getenv("TMPDIR");
      parent = tmp && *tmp ? tmp : "/tmp";
    }
    std::string templ = (std::filesystem::path(parent) / "mfbridge-delta-XXXXXX").string();
    if (!mkdtemp(templ.data()))
      return error{"cannot make a spill folder in " + parent + ": " + std::strerror(errno)};
    folder_ = templ;
  }
  return (folder_ / (stem + "-" + std::to_string(next_++))).string();
}

result<std::unique_ptr<blob_writer>> blob_writer::open(const std::string& path,
                                                        std::size_t buffer) {
  auto out = output_file::open(path, buffer);
  if (!out) return out.err();
  return std::unique_ptr<blob_writer>(new blob_writer(std::move(out).value()));
}

bool blob_writer::put(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b,
                      std::span<const std::uint8_t> c) {
  auto length = static_cast<std::uint32_t>(a.size() + b.size() + c.size());
  out_->write(&length, sizeof length);
  out_->write(a.data(), a.size());
  out_->write(b.data(), b.size());
  return out_->write(c.data(), c.size());
}

result<std::uint64_t> blob_writer::close() {
  std::uint64_t n = out_->bytes_written();
  auto closed = out_->close();
  if (!closed) return closed.err();
  return n;
}

result<std::unique_ptr<blob_reader>> blob_reader::open(const std::string& path) {
  auto in = input_source::open(path, false);
  if (!in) return in.err();
  auto r = std::unique_ptr<blob_reader>(new blob_reader(std::move(in).value()));
  r->buffer_.resize(std::size_t{64} << 10);
  return r;
}

bool blob_reader::fill(std::size_t need, delta_failure& failure) {
  if (end_ - begin_ >= need) return true;
  std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
  end_ -= begin_;
  begin_ = 0;
  if (buffer_.size() < need) buffer_.resize(std::max(need, buffer_.size() * 2));
  while (end_ < need && !eof_) {
    auto got = in_->read(buffer_.data() + end_, buffer_.size() - end_);
    if (!got) return failure.set(failure_kind::target, got.err().message);
    if (*got == 0) eof_ = true;
    end_ += *got;
  }
  return end_ >= need;
}

bool blob_reader::next(std::span<const std::uint8_t>& blob, delta_failure& failure) {
  if (!fill(4, failure)) {
    if (!failure.failed() && end_ != begin_)
      failure.set(failure_kind::target, in_->name() + ": spill file ends inside a length");
    return false;
  }
  std::uint32_t length = 0;
  std::memcpy(&length, buffer_.data() + begin_, 4);
  if (!fill(4 + std::size_t{length}, failure)) {
    if (!failure.failed()) failure.set(failure_kind::target, in_->name() + ": spill file ends inside a blob");
    return false;
  }
  blob = {buffer_.data() + begin_ + 4, length};
  begin_ += 4 + std::size_t{length};
  return true;
}

namespace {

// Serialised event: op, old number/offset/size, new number/offset/size, key, old, new.
constexpr std::size_t head_size = 1 + 8 + 8 + 4 + 8 + 8 + 4;
constexpr std::size_t new_number_at = 1 + 8 + 8 + 4;

struct event_view {
  delta_op op;
  const std::uint8_t* key;
  record_view old_rec;
  record_view new_rec;
};

void put_head(std::uint8_t* p, delta_op op, const record_view* o, const record_view* n) {
  auto put = [&p](const auto& v) {
    std::memcpy(p, &v, sizeof v);
    p += sizeof v;
  };
  put(static_cast<std::uint8_t>(op));
  put(o ? o->number : 0);
  put(o ? o->file_offset : 0);
  put(static_cast<std::uint32_t>(o ? o->size : 0));
  put(n ? n->number : 0);
  put(n ? n->file_offset : 0);
  put(static_cast<std::uint32_t>(n ? n->size : 0));
}

event_view parse(const std::uint8_t* p, std::size_t key_size) {
  event_view e{};
  auto get = [&p](auto& v) {
    std::memcpy(&v, p, sizeof v);
    p += sizeof v;
  };
  std::uint8_t op = 0;
  std::uint32_t old_size = 0, new_size = 0;
  get(op);
  get(e.old_rec.number);
  get(e.old_rec.file_offset);
  get(old_size);
  get(e.new_rec.number);
  get(e.new_rec.file_offset);
  get(new_size);
  e.op = static_cast<delta_op>(op);
  e.key = p;
  e.old_rec.data = p + key_size;
  e.old_rec.size = old_size;
  e.new_rec.data = e.old_rec.data + old_size;
  e.new_rec.size = new_size;
  return e;
}

std::size_t event_size(const std::uint8_t* p, std::size_t key_size) {
  event_view e = parse(p, key_size);
  return head_size + key_size + e.old_rec.size + e.new_rec.size;
}

// Key order; equal keys (duplicate inserts) by new record number, so the error is stable.
bool event_less(const std::uint8_t* a, const std::uint8_t* b, std::size_t key_size) {
  int cmp = std::memcmp(a + head_size, b + head_size, key_size);
  if (cmp != 0) return cmp < 0;
  std::uint64_t na = 0, nb = 0;
  std::memcpy(&na, a + new_number_at, 8);
  std::memcpy(&nb, b + new_number_at, 8);
  return na < nb;
}

bool emit(delta_emitter& emitter, const std::uint8_t* p, std::size_t key_size,
          delta_failure& failure) {
  event_view e = parse(p, key_size);
  const record_view* o = e.op == delta_op::insert ? nullptr : &e.old_rec;
  const record_view* n = e.op == delta_op::remove ? nullptr : &e.new_rec;
  return emitter.emit(e.op, e.key, o, n, failure);
}

}  // namespace

bool event_buffer::add(delta_op op, const std::uint8_t* key, const record_view* old_rec,
                       const record_view* new_rec, delta_failure& failure) {
  std::size_t old_size = old_rec ? old_rec->size : 0;
  std::size_t new_size = new_rec ? new_rec->size : 0;
  std::size_t at = data_.size();
  data_.resize(at + head_size + key_size_ + old_size + new_size);
  std::uint8_t* p = data_.data() + at;
  put_head(p, op, old_rec, new_rec);
  std::memcpy(p + head_size, key, key_size_);
  if (old_size) std::memcpy(p + head_size + key_size_, old_rec->data, old_size);
  if (new_size) std::memcpy(p + head_size + key_size_ + old_size, new_rec->data, new_size);
  offsets_.push_back(at);
  if (data_.capacity() + offsets_.capacity() * sizeof(std::size_t) > budget_)
    return spill_run(failure);
  return true;
}

void event_buffer::sort() {
  const std::uint8_t* base = data_.data();
  std::size_t k = key_size_;
  std::sort(offsets_.begin(), offsets_.end(),
            [base, k](std::size_t a, std::size_t b) { return event_less(base + a, base + b, k); });
}

bool event_buffer::spill_run(delta_failure& failure) {
  if (offsets_.empty()) return true;
  sort();
  auto path = space_.file("events");
  if (!path) return failure.set(failure_kind::target, path.err().message);
  auto w = blob_writer::open(*path, std::size_t{64} << 10);
  if (!w) return failure.set(failure_kind::target, w.err().message);
  for (std::size_t at : offsets_) {
    const std::uint8_t* p = data_.data() + at;
    (*w)->put({p, event_size(p, key_size_)});
  }
  auto n = (*w)->close();
  if (!n) return failure.set(failure_kind::target, n.err().message);
  space_.written(*n);
  runs_.push_back(*path);
  data_.clear();
  offsets_.clear();
  return true;
}

bool event_buffer::drain(delta_emitter& emitter, delta_failure& failure) {
  if (runs_.empty()) {
    sort();
    for (std::size_t at : offsets_)
      if (!emit(emitter, data_.data() + at, key_size_, failure)) return false;
    data_.clear();
    offsets_.clear();
    return true;
  }
  if (!spill_run(failure)) return false;
  // k-way merge of the sorted runs; each run's current event stays valid until it advances.
  struct cursor {
    std::unique_ptr<blob_reader> reader;
    std::span<const std::uint8_t> blob;
  };
  std::vector<cursor> cursors;
  for (const auto& run : runs_) {
    auto r = blob_reader::open(run);
    if (!r) return failure.set(failure_kind::target, r.err().message);
    cursors.push_back({std::move(r).value(), {}});
  }
  std::size_t k = key_size_;
  auto greater = [&cursors, k](std::size_t a, std::size_t b) {
    return event_less(cursors[b].blob.data(), cursors[a].blob.data(), k);
  };
  std::priority_queue<std::size_t, std::vector<std::size_t>, decltype(greater)> heap(greater);
  for (std::size_t i = 0; i < cursors.size(); ++i) {
    if (cursors[i].reader->next(cursors[i].blob, failure)) heap.push(i);
    else if (failure.failed()) return false;
  }
  while (!heap.empty()) {
    std::size_t i = heap.top();
    heap.pop();
    if (!emit(emitter, cursors[i].blob.data(), k, failure)) return false;
    if (cursors[i].reader->next(cursors[i].blob, failure)) heap.push(i);
    else if (failure.failed()) return false;
  }
  return true;
}

}  // namespace mfb::bridge::detail
