// The plan walk of rehost-file. Offsets follow the record decoder's rule: actual offset =
// element base + op offset + shift, where `shift` is how far ODO tables shorter than their
// maximum moved the items after them.

#include "convert/rehost_walk.hpp"

#include <algorithm>
#include <cstring>
#include <limits>

#include "codec/record_decoder_values.hpp"
#include "codec/text_odo_count.hpp"

namespace mfb::bridge::detail {

namespace eb = mfb::ebcdic;

rehost_walker::rehost_walker(const decode_plan& plan, rehost_field_converter& conv, bool reverse)
    : plan_(&plan), conv_(&conv), reverse_(reverse), slots_(plan.slot_count()) {}

bool rehost_walker::convert(const std::uint8_t* in, std::size_t size,
                            std::vector<std::uint8_t>& out, rehost_failure& why) {
  const auto& ops = plan_->ops();
  out.assign(in, in + size);
  done_.assign(size, 0);
  frames_.clear();
  std::fill(slots_.begin(), slots_.end(), no_count);
  std::size_t base = 0;
  std::ptrdiff_t shift = 0;
  for (std::size_t i = 0; i < ops.size(); ++i) {
    const plan_op& op = ops[i];
    switch (op.code) {
      case op_code::begin_object:
      case op_code::end_object:
      case op_code::begin_alternative:
      case op_code::end_alternative:
      case op_code::record_type:
        continue;
      case op_code::begin_array: {
        std::uint32_t count = op.occurs_max;
        const std::size_t start = base + op.offset + static_cast<std::size_t>(shift);
        if (op.slot >= 0) {
          const std::int64_t v = slots_[static_cast<std::size_t>(op.slot)];
          if (v < op.occurs_min || v > op.occurs_max) {
            why = {"OCCURS DEPENDING ON count " +
                       (v == no_count ? std::string("not read") : std::to_string(v)) +
                       " is outside " + std::to_string(op.occurs_min) + " to " +
                       std::to_string(op.occurs_max),
                   start, 0, op.field, subscripts()};
            return false;
          }
          count = static_cast<std::uint32_t>(v);
        }
        frames_.push_back(frame{static_cast<std::uint32_t>(i), 0, count, base, shift, start});
        base = start;
        shift = 0;
        if (count == 0) i = op.jump - 1;
        continue;
      }
      case op_code::end_array: {
        frame& f = frames_.back();
        const plan_op& loop = ops[f.begin_op];
        const std::size_t next =
            f.count == 0 ? base : base + loop.stride + static_cast<std::size_t>(shift);
        if (f.count != 0 && ++f.index < f.count) {
          base = next;
          shift = 0;
          i = f.begin_op;
          continue;
        }
        const auto actual = static_cast<std::ptrdiff_t>(next - f.start);
        const auto layout = static_cast<std::ptrdiff_t>(std::size_t{loop.occurs_max} * loop.stride);
        base = f.saved_base;
        shift = f.saved_shift + (actual - layout);
        frames_.pop_back();
        continue;
      }
      default:
        break;
    }
    const std::size_t off = base + op.offset + static_cast<std::size_t>(shift);
    if (!field(op, off, in, out.data(), why)) return false;
    if (op.slot < 0) continue;
    // The ODO count, read from its mainframe form (the input forward, the output back).
    const std::uint8_t* mainframe = reverse_ ? out.data() + off : in + off;
    eb::int128_t value = 0;
    std::int64_t narrow = 0;
    bool wide = false;
    auto& slot = slots_[static_cast<std::size_t>(op.slot)];
    slot = -1;
    if (is_text_counter(op)) {
      std::string text;
      slot = text_odo_count(*plan_, op, mainframe, text);
      if (slot < 0) {
        why = {text_odo_reason(*plan_, op, text), off, op.length, op.field, subscripts()};
        return false;
      }
    } else if (decode_number(*plan_, op, mainframe, value, narrow, wide) == eb::decode_status::ok) {
      if (!wide) value = narrow;
      if (op.scale == 0 && value >= 0 && value <= std::numeric_limits<std::int32_t>::max())
        slot = static_cast<std::int64_t>(value);
    }
  }
  end_ = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(plan_->layout().length) + shift);
  return gaps(in, out.data(), size, why);
}

bool rehost_walker::field(const plan_op& op, std::size_t off, const std::uint8_t* in,
                          std::uint8_t* out, rehost_failure& why) {
  if (off + op.length > done_.size()) {
    why = {"the record ends inside the field (" + std::to_string(done_.size()) + " bytes)", off,
           op.length, op.field, subscripts()};
    return false;
  }
  // Bytes another description converted already: this one is an alternative view of them.
  std::uint8_t* done = done_.data() + off;
  if (std::memchr(done, 1, op.length) != nullptr) return true;
  const auto& f = plan_->layout().fields[static_cast<std::size_t>(op.field)];
  if (auto reason = conv_->convert(op, f.use, in + off, out + off); !reason.empty()) {
    why = {std::move(reason), off, op.length, op.field, subscripts()};
    return false;
  }
  std::memset(done, 1, op.length);
  return true;
}

std::string rehost_walker::subscripts() const {
  std::string s;
  for (const frame& f : frames_) s += (s.empty() ? "(" : ", ") + std::to_string(f.index + 1);
  return s.empty() ? s : s + ")";
}

// FILLER and unused areas: converted as text a byte at a time, runs at once.
bool rehost_walker::gaps(const std::uint8_t* in, std::uint8_t* out, std::size_t size,
                         rehost_failure& why) {
  const std::uint8_t* done = done_.data();
  for (std::size_t k = 0; k < size;) {
    const void* gap = std::memchr(done + k, 0, size - k);
    if (gap == nullptr) break;
    k = static_cast<std::size_t>(static_cast<const std::uint8_t*>(gap) - done);
    const auto* next = static_cast<const std::uint8_t*>(std::memchr(done + k, 1, size - k));
    const std::size_t end = next == nullptr ? size : static_cast<std::size_t>(next - done);
    if (auto reason = conv_->convert_gap(in + k, out + k, end - k); !reason.empty()) {
      why = {"FILLER or undescribed bytes: " + reason, k, end - k, -1, {}};
      return false;
    }
    k = end;
  }
  return true;
}

}  // namespace mfb::bridge::detail
