// The sorted path: both generations stream once, side by side, like a COBOL match-merge.
// Order is checked as the records go by: a key lower than its predecessor is an unsorted
// input, an equal one a duplicate; either stops the run with the record's place.

#include <cstring>
#include <vector>

#include "delta/delta_detail.hpp"
#include "mfb/bridge/io/record_error.hpp"
#include "mfb/ebcdic/hex.hpp"

namespace mfb::bridge::detail {

namespace {

// One input of the merge: its current record and key, and the previous key for the order check.
class merge_input {
 public:
  merge_input(reader_source& src, const key_spec& keys)
      : src_(src), keys_(keys), key_(keys.size), prev_(keys.size) {}

  bool has() const noexcept { return has_; }
  const record_view& record() const noexcept { return rec_; }
  const std::uint8_t* key() const noexcept { return key_.data(); }

  /// Move to the next record; false on failure (the end is has() == false).
  bool advance(delta_failure& failure) {
    if (has_) {
      prev_.swap(key_);
      prev_number_ = rec_.number;
      prev_offset_ = rec_.file_offset;
    }
    has_ = src_.next(rec_, failure);
    if (!has_) return !failure.failed();
    if (!keys_.extract(rec_, key_.data())) return failure.set(failure_kind::bad_data, keys_.too_short(src_.name(), rec_));
    if (prev_number_ == 0) return true;
    int cmp = std::memcmp(key_.data(), prev_.data(), keys_.size);
    if (cmp == 0)
      return failure.set(failure_kind::bad_data,
                         duplicate_key(src_.name(), key_.data(), keys_.size, prev_number_,
                                       prev_offset_, rec_.number, rec_.file_offset));
    if (cmp < 0)
      return failure.set(
          failure_kind::bad_data, where(src_.name(), rec_.number, rec_.file_offset) + " is out of order: its key " +
                 ebcdic::hex_spaced(key_.data(), keys_.size) + " is lower than the key " +
                 ebcdic::hex_spaced(prev_.data(), keys_.size) + " of record " + std::to_string(prev_number_) +
                 "; --sorted needs both inputs in ascending order of key bytes (leave out "
                 "--sorted for unsorted input)");
    return true;
  }

 private:
  reader_source& src_;
  const key_spec& keys_;
  record_view rec_;
  bool has_ = false;
  std::vector<std::uint8_t> key_;
  std::vector<std::uint8_t> prev_;
  std::uint64_t prev_number_ = 0;
  std::uint64_t prev_offset_ = 0;
};

}  // namespace

bool run_sorted(reader_source& old_src, reader_source& new_src, delta_context& ctx) {
  merge_input o(old_src, ctx.keys);
  merge_input n(new_src, ctx.keys);
  delta_failure& failure = ctx.failure;
  if (!o.advance(failure) || !n.advance(failure)) return false;
  const std::size_t size = ctx.keys.size;
  // A record's bytes stay valid until its own input advances, so each event is emitted
  // before the inputs it uses move on.
  while (o.has() || n.has()) {
    int cmp = !o.has() ? 1 : !n.has() ? -1 : std::memcmp(o.key(), n.key(), size);
    if (cmp < 0) {
      if (!ctx.emitter.emit(delta_op::remove, o.key(), &o.record(), nullptr, failure)) return false;
      if (!o.advance(failure)) return false;
    } else if (cmp > 0) {
      if (!ctx.emitter.emit(delta_op::insert, n.key(), nullptr, &n.record(), failure)) return false;
      if (!n.advance(failure)) return false;
    } else {
      const record_view& a = o.record();
      const record_view& b = n.record();
      if (a.size == b.size && std::memcmp(a.data, b.data, a.size) == 0) {
        ctx.emitter.unchanged();
      } else if (!ctx.emitter.emit(delta_op::update, n.key(), &a, &b, failure)) {
        return false;
      }
      if (!o.advance(failure) || !n.advance(failure)) return false;
    }
  }
  return true;
}

}  // namespace mfb::bridge::detail
