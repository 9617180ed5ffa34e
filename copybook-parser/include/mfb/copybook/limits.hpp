#pragma once
// Resource limits on a copybook's layout, so that text from a request or a file cannot make
// the parser or the decoder allocate without bound. Nested OCCURS multiply: a few lines can
// describe a record of terabytes, or billions of fields once every occurrence is expanded.

#include <cstddef>
#include <string>

namespace mfb::copybook {

struct record_layout;

/// How large a record may be; plain data with defaults far above what real files need.
struct layout_limits {
  /// Bytes of a record, group or table (every occurrence counted). IBM Enterprise COBOL's
  /// own limit for an 01-49 data item under ADDR(32) (Language Reference, "Compiler limits").
  std::size_t max_record_length = 999'999'999;
  /// Elementary items of a record after OCCURS expansion (the cells a decode plan makes).
  /// IBM sets none; a record of 32,760 one-byte items (the largest z/OS VB record) is far
  /// below; convert at this many cells peaks at about 180 MB (JSON) and 330 MB (CSV).
  std::size_t max_items = 1'000'000;

  static layout_limits defaults() { return {}; }
};

/// Multiply without overflow: `a * b`, or `cap + 1` when the product passes `cap`.
std::size_t capped_product(std::size_t a, std::size_t b, std::size_t cap);

/// Count the elementary items of `layout` with every OCCURS at its maximum (FILLER and
/// REDEFINES alternatives included), stopping at `cap + 1`: O(fields), allocates nothing.
std::size_t expanded_item_count(const record_layout& layout, std::size_t cap);

/// Group digits by thousands (999,999,999) for messages.
std::string with_commas(std::size_t n);

}  // namespace mfb::copybook
