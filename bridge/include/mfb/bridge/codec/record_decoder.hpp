#pragma once
// Decode records into JSON Lines or CSV text by walking a decode plan: no allocation per
// field, no std::string per value; the output is appended to one growing char buffer.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "mfb/bridge/codec/decode_plan.hpp"
#include "mfb/bridge/io/record_error.hpp"
#include "mfb/bridge/io/record_reader.hpp"

namespace mfb::bridge {

class record_masker;  // mask/record_masker.hpp

/// A growable char buffer that does not zero what it reserves (unlike std::string::resize).
class text_buffer {
 public:
  text_buffer() = default;
  text_buffer(text_buffer&&) noexcept = default;
  text_buffer& operator=(text_buffer&&) noexcept = default;

  /// Make room for `n` more bytes; return where they go (commit with set_size).
  char* reserve_tail(std::size_t n) {
    if (capacity_ - size_ < n) grow(size_ + n);
    return data_.get() + size_;
  }
  void set_size(std::size_t n) noexcept { size_ = n; }
  void append(std::string_view s) {
    char* p = reserve_tail(s.size());
    if (!s.empty()) __builtin_memcpy(p, s.data(), s.size());
    size_ += s.size();
  }
  void clear() noexcept { size_ = 0; }
  const char* data() const noexcept { return data_.get(); }
  char* data() noexcept { return data_.get(); }
  std::size_t size() const noexcept { return size_; }
  std::string_view view() const noexcept { return {data_.get(), size_}; }

 private:
  void grow(std::size_t need);
  std::unique_ptr<char[]> data_;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

/// What a cell of a decoded row holds.
enum class cell_state : std::uint8_t {
  value,   ///< a decoded value (its text may be empty: an all-space text field)
  null,    ///< a REDEFINES alternative whose bytes were not valid for its type
  absent,  ///< an OCCURS DEPENDING ON element beyond the record's count
};

/// One record decoded into flat cells, one per decode_plan::columns() entry, in order.
/// Numbers are exact decimal text (`-1234.50`), text is UTF-8 without trailing spaces.
struct cell_row {
  text_buffer text;
  std::vector<std::uint32_t> bounds;  ///< cell i is text[bounds[i], bounds[i + 1])
  std::vector<cell_state> states;

  std::size_t size() const noexcept { return states.size(); }
  std::string_view cell(std::size_t i) const noexcept {
    return std::string_view(text.data() + bounds[i], bounds[i + 1] - bounds[i]);
  }
  void clear() noexcept {
    text.clear();
    bounds.clear();
    states.clear();
  }
};

/// Walks one plan; holds per-record scratch state, so use one decoder per thread.
class record_decoder {
 public:
  explicit record_decoder(const decode_plan& plan);

  /// Decode `rec` and append its line (with '\n', or "\r\n" for CSV) to `out`.
  /// Return true when the record is written. Bad values inside a REDEFINES alternative (an
  /// elementary one, or any item of an alternative group: the group keeps its good items),
  /// and bad zoned numbers under numeric_policy::lenient, are written as null and reported
  /// in `errors` with in_alternative set (and `lenient` for the latter). Any other bad value
  /// makes the record bad: nothing is appended, its errors are added, and false is returned.
  bool decode(const record_view& rec, std::string_view file, text_buffer& out,
              std::vector<record_error>& errors);

  /// Decode `rec` into `row` (cleared first); the plan must be compiled for
  /// output_format::cells. Same return and error rules as decode().
  bool decode_cells(const record_view& rec, std::string_view file, cell_row& row,
                    std::vector<record_error>& errors);

  const decode_plan& plan() const noexcept { return *plan_; }
  /// Bytes the last record decoded had after its last described field, passed over because
  /// decode_options::allow_trailing_bytes allows them (otherwise they make the record bad).
  std::size_t undescribed_bytes() const noexcept { return undescribed_; }
  /// Whether the last record decoded to JSON holds a null value: an output style that
  /// leaves null members out rewrites only such lines, instead of scanning every line.
  bool wrote_null() const noexcept { return wrote_null_; }

  struct frame {
    std::uint32_t begin_op;
    std::uint32_t index;
    std::uint32_t count;
    std::size_t saved_base;
    std::ptrdiff_t saved_shift;
    std::size_t start;
  };

 private:
  /// Mask a copy of `rec` (decode_options::mask) and point `use` at it; false when the
  /// record cannot be masked (its error added).
  bool mask(const record_view& rec, std::string_view file, record_view& use,
            std::vector<record_error>& errors);

  template <output_format Format>
  bool run(const record_view& rec, std::string_view file, text_buffer& out,
           std::vector<record_error>& errors);

  const decode_plan* plan_;
  std::vector<std::int64_t> slots_;
  std::vector<std::size_t> slot_offsets_;
  std::vector<frame> frames_;
  std::unique_ptr<char[]> scratch_;
  cell_row* cells_ = nullptr;  ///< the row being filled by decode_cells
  std::size_t undescribed_ = 0;
  bool wrote_null_ = false;
  std::shared_ptr<record_masker> masker_;  ///< set when the plan's options mask
  std::string mask_refusal_;               ///< why the policy cannot mask this layout
  std::vector<std::uint8_t> masked_;       ///< the masked copy of the record being decoded
};

}  // namespace mfb::bridge
