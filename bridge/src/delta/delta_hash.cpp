// The unsorted path: the old generation goes into a hash table of keys (with its records'
// bytes), the new one streams past it. When the table outgrows its budget, both inputs are
// split by key hash into partition files (a Grace hash join) and each pair is matched on
// its own, recursively if a partition is still too big. Every input is read once.

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <memory>
#include <vector>

#include "delta/delta_detail.hpp"
#include "delta/delta_spill.hpp"

namespace mfb::bridge::detail {

namespace {

/// Past this depth a partition is matched in memory whatever its size (a budget smaller
/// than a handful of records cannot be honoured anyway).
constexpr unsigned max_depth = 4;
constexpr std::size_t max_partitions = 256;

struct table_entry {
  const std::uint8_t* key = nullptr;  ///< key bytes, then the record's bytes
  std::uint64_t hash = 0;
  std::uint64_t number = 0;
  std::uint64_t offset = 0;
  std::uint64_t new_number = 0;  ///< the new record that matched it; 0: none yet
  std::uint64_t new_offset = 0;
  std::uint32_t size = 0;
};

/// Open addressing over entries; keys and records live in an arena of chunks.
class key_table {
 public:
  key_table(std::size_t key_size, std::size_t budget)
      : key_size_(key_size), chunk_size_(std::clamp<std::size_t>(budget / 16, 4096, std::size_t{4} << 20)) {}

  table_entry* find(const std::uint8_t* key, std::uint64_t hash) {
    if (slots_.empty()) return nullptr;
    std::size_t mask = slots_.size() - 1;
    const std::uint64_t tag = hash >> 32;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
      std::uint64_t s = slots_[i];
      if (s == 0) return nullptr;
      if ((s >> 32) != tag) continue;  // the tag spares a cache miss on entries_
      table_entry& e = entries_[(s & 0xFFFFFFFFu) - 1];
      if (e.hash == hash && std::memcmp(e.key, key, key_size_) == 0) return &e;
    }
  }

  void insert(const std::uint8_t* key, std::uint64_t hash, const record_view& rec) {
    std::size_t need = key_size_ + rec.size;
    if (chunks_.empty() || chunk_used_ + need > chunk_capacity_) {
      chunk_capacity_ = std::max(chunk_size_, need);
      chunks_.push_back(std::make_unique_for_overwrite<std::uint8_t[]>(chunk_capacity_));
      arena_bytes_ += chunk_capacity_;
      chunk_used_ = 0;
    }
    std::uint8_t* p = chunks_.back().get() + chunk_used_;
    chunk_used_ += need;
    std::memcpy(p, key, key_size_);
    if (rec.size) std::memcpy(p + key_size_, rec.data, rec.size);
    entries_.push_back({p, hash, rec.number, rec.file_offset, 0, 0, static_cast<std::uint32_t>(rec.size)});
    if (entries_.size() * 10 > slots_.size() * 7) rehash(std::max<std::size_t>(1024, slots_.size() * 2));
    else place(entries_.size());
  }

  void clear() {
    chunks_.clear();
    entries_ = {};
    slots_ = {};
    arena_bytes_ = 0;
    chunk_used_ = chunk_capacity_ = 0;
  }

  /// Bytes held: arena chunks, entries and slots as allocated.
  std::size_t memory() const noexcept {
    return arena_bytes_ + entries_.capacity() * sizeof(table_entry) + slots_.capacity() * 8;
  }
  /// Bytes in use, without allocation slack (to estimate the cost per record).
  std::size_t used() const noexcept {
    return (arena_bytes_ - (chunk_capacity_ - chunk_used_)) + entries_.size() * sizeof(table_entry) +
           entries_.size() * 10 / 7 * 8;
  }
  std::vector<table_entry>& entries() noexcept { return entries_; }
  record_view record(const table_entry& e) const noexcept {
    return {e.number, e.offset, e.key + key_size_, e.size};
  }

 private:
  void place(std::size_t index) {
    std::size_t mask = slots_.size() - 1;
    std::uint64_t hash = entries_[index - 1].hash;
    std::size_t i = hash & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = (hash >> 32 << 32) | index;
  }
  void rehash(std::size_t n) {
    slots_.assign(n, 0);
    for (std::size_t i = 1; i <= entries_.size(); ++i) place(i);
  }

  std::size_t key_size_;
  std::size_t chunk_size_;
  std::vector<std::unique_ptr<std::uint8_t[]>> chunks_;
  std::size_t chunk_used_ = 0;
  std::size_t chunk_capacity_ = 0;
  std::size_t arena_bytes_ = 0;
  std::vector<table_entry> entries_;
  std::vector<std::uint64_t> slots_;  ///< hash's high 32 bits << 32 | entry index + 1
};

/// A spill partition read back: blobs of [u64 number][u64 offset][record bytes].
class partition_source final : public record_source {
 public:
  partition_source(std::unique_ptr<blob_reader> in, const std::string& name)
      : in_(std::move(in)), name_(name) {}
  bool next(record_view& rec, delta_failure& failure) override {
    std::span<const std::uint8_t> blob;
    if (!in_->next(blob, failure)) return false;
    std::memcpy(&rec.number, blob.data(), 8);
    std::memcpy(&rec.file_offset, blob.data() + 8, 8);
    rec.data = blob.data() + 16;
    rec.size = blob.size() - 16;
    return true;
  }
  const std::string& name() const noexcept override { return name_; }

 private:
  std::unique_ptr<blob_reader> in_;
  std::string name_;
};

// Partition of a key at a recursion depth: each depth mixes the hash differently, so a
// partition that is split again spreads over all the new partitions.
std::size_t partition_of(std::uint64_t hash, unsigned depth, std::size_t count) {
  std::uint64_t x = hash ^ (0x9E3779B97F4A7C15ull * (depth + 1));
  x *= 0xBF58476D1CE4E5B9ull;
  x ^= x >> 31;
  return static_cast<std::size_t>((x >> 16) % count);
}

class hash_run {
 public:
  hash_run(delta_context& ctx, spill_space& space, event_buffer& events, std::size_t budget)
      : ctx_(ctx), space_(space), events_(events), budget_(budget), table_(ctx.keys.size, budget),
        key_(ctx.keys.size) {}

  /// Match one pair of sources; `old_bytes` is the old source's size if known (else 0).
  bool pass(record_source& old_src, record_source& new_src, std::uint64_t old_bytes,
            unsigned depth) {
    delta_failure& failure = ctx_.failure;
    table_.clear();
    record_view r;
    std::uint64_t seen_bytes = 0;
    while (old_src.next(r, failure)) {
      if (!key_of(old_src, r)) return false;
      std::uint64_t h = key_hash(key_.data(), key_.size());
      if (table_entry* e = table_.find(key_.data(), h))
        return failure.set(failure_kind::bad_data, duplicate_key(old_src.name(), key_.data(), key_.size(), e->number,
                                            e->offset, r.number, r.file_offset));
      table_.insert(key_.data(), h, r);
      seen_bytes += r.size;
      // One record cannot be split further: keep it even over budget.
      if (depth < max_depth && table_.memory() > budget_ && table_.entries().size() > 1)
        return spill(old_src, new_src, old_bytes, seen_bytes, depth);
    }
    if (failure.failed()) return false;
    while (new_src.next(r, failure)) {
      if (!key_of(new_src, r)) return false;
      std::uint64_t h = key_hash(key_.data(), key_.size());
      table_entry* e = table_.find(key_.data(), h);
      if (!e) {
        if (!events_.add(delta_op::insert, key_.data(), nullptr, &r, failure)) return false;
        continue;
      }
      if (e->new_number != 0)
        return failure.set(failure_kind::bad_data, duplicate_key(new_src.name(), key_.data(), key_.size(),
                                            e->new_number, e->new_offset, r.number, r.file_offset));
      e->new_number = r.number;
      e->new_offset = r.file_offset;
      record_view old_rec = table_.record(*e);
      if (old_rec.size == r.size && std::memcmp(old_rec.data, r.data, r.size) == 0) {
        ctx_.emitter.unchanged();
      } else if (!events_.add(delta_op::update, key_.data(), &old_rec, &r, failure)) {
        return false;
      }
    }
    if (failure.failed()) return false;
    for (const table_entry& e : table_.entries()) {
      if (e.new_number != 0) continue;
      record_view old_rec = table_.record(e);
      if (!events_.add(delta_op::remove, e.key, &old_rec, nullptr, failure)) return false;
    }
    return true;
  }

 private:
  bool key_of(record_source& src, const record_view& r) {
    if (ctx_.keys.extract(r, key_.data())) return true;
    return ctx_.failure.set(failure_kind::bad_data, ctx_.keys.too_short(src.name(), r));
  }

  // Split the rest of both sources (and what the table holds) into partitions, then match
  // each pair of partitions.
  bool spill(record_source& old_src, record_source& new_src, std::uint64_t old_bytes,
             std::uint64_t seen_bytes, unsigned depth) {
    delta_failure& failure = ctx_.failure;
    // Size the split from the table's cost per input byte; unknown sizes start at 16 ways.
    double per_byte = static_cast<double>(table_.used()) / static_cast<double>(std::max<std::uint64_t>(seen_bytes, 1));
    std::size_t count = 16;
    if (old_bytes > seen_bytes) {
      double need = per_byte * static_cast<double>(old_bytes) / (0.6 * static_cast<double>(budget_));
      count = static_cast<std::size_t>(need) + 1;
    }
    count = std::clamp<std::size_t>(count, 2, max_partitions);
    std::size_t buffer = std::clamp<std::size_t>(budget_ / (2 * count), 4096, std::size_t{64} << 10);
    ctx_.partitions += static_cast<unsigned>(count);

    std::vector<std::string> old_paths, new_paths;
    std::vector<std::uint64_t> old_sizes(count, 0);
    {
      std::vector<std::unique_ptr<blob_writer>> out;
      if (!open_all(out, old_paths, count, buffer, "old")) return false;
      for (const table_entry& e : table_.entries()) {
        record_view rec = table_.record(e);
        if (!put(out, rec, e.hash, depth, &old_sizes)) return false;
      }
      table_.clear();
      record_view r;
      while (old_src.next(r, failure)) {
        if (!key_of(old_src, r)) return false;
        if (!put(out, r, key_hash(key_.data(), key_.size()), depth, &old_sizes)) return false;
      }
      if (failure.failed() || !close_all(out)) return false;
    }
    {
      std::vector<std::unique_ptr<blob_writer>> out;
      if (!open_all(out, new_paths, count, buffer, "new")) return false;
      record_view r;
      while (new_src.next(r, failure)) {
        if (!key_of(new_src, r)) return false;
        if (!put(out, r, key_hash(key_.data(), key_.size()), depth, nullptr)) return false;
      }
      if (failure.failed() || !close_all(out)) return false;
    }
    for (std::size_t i = 0; i < count; ++i) {
      auto o = blob_reader::open(old_paths[i]);
      auto n = blob_reader::open(new_paths[i]);
      if (!o || !n) return failure.set(failure_kind::target, (!o ? o.err() : n.err()).message);
      partition_source os(std::move(o).value(), old_src.name());
      partition_source ns(std::move(n).value(), new_src.name());
      if (!pass(os, ns, old_sizes[i], depth + 1)) return false;
      std::error_code ec;
      std::filesystem::remove(old_paths[i], ec);
      std::filesystem::remove(new_paths[i], ec);
    }
    return true;
  }

  bool open_all(std::vector<std::unique_ptr<blob_writer>>& out, std::vector<std::string>& paths,
                std::size_t count, std::size_t buffer, const char* stem) {
    for (std::size_t i = 0; i < count; ++i) {
      auto path = space_.file(stem);
      if (!path) return ctx_.failure.set(failure_kind::target, path.err().message);
      auto w = blob_writer::open(*path, buffer);
      if (!w) return ctx_.failure.set(failure_kind::target, w.err().message);
      paths.push_back(*path);
      out.push_back(std::move(w).value());
    }
    return true;
  }

  bool put(std::vector<std::unique_ptr<blob_writer>>& out, const record_view& r,
           std::uint64_t hash, unsigned depth, std::vector<std::uint64_t>* sizes) {
    std::size_t p = partition_of(hash, depth, out.size());
    std::uint8_t head[16];
    std::memcpy(head, &r.number, 8);
    std::memcpy(head + 8, &r.file_offset, 8);
    if (sizes) (*sizes)[p] += r.size;
    out[p]->put({head, 16}, {r.data, r.size});
    return true;  // write errors stick in the file and surface at close
  }

  bool close_all(std::vector<std::unique_ptr<blob_writer>>& out) {
    for (auto& w : out) {
      auto n = w->close();
      if (!n) return ctx_.failure.set(failure_kind::target, n.err().message);
      space_.written(*n);
    }
    return true;
  }

  delta_context& ctx_;
  spill_space& space_;
  event_buffer& events_;
  std::size_t budget_;
  key_table table_;
  std::vector<std::uint8_t> key_;
};

}  // namespace

bool run_hashed(reader_source& old_src, reader_source& new_src, delta_context& ctx,
                std::uint64_t old_bytes) {
  // Three quarters of the budget for the key table, a quarter for buffered events.
  std::size_t budget = std::max<std::size_t>(ctx.opts.memory_limit, 1);
  spill_space space(ctx.opts.temp_dir);
  event_buffer events(ctx.keys.size, std::max<std::size_t>(budget / 4, 1), space);
  hash_run run(ctx, space, events, std::max<std::size_t>(budget - budget / 4, 1));
  bool ok = run.pass(old_src, new_src, old_bytes, 0) && events.drain(ctx.emitter, ctx.failure);
  ctx.spill_bytes = space.bytes();
  return ok;
}

}  // namespace mfb::bridge::detail
