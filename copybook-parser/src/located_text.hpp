#pragma once
// Text under construction with its source map: the source reader appends runs of
// columns, the COPY expander splices slices of other located texts. Kept apart from
// logical_source so that intermediate pieces (a member before REPLACING, a replacement
// operand) carry no files or diagnostics.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "logical_source.hpp"

namespace mfb::copybook::detail {

struct located_text {
  std::string text;
  std::vector<source_span> spans;  ///< sorted by text_offset, contiguous, covering text

  /// Append characters written at consecutive columns of one line.
  void append_run(std::string_view s, int file_index, int line, int column);
  /// Append `length` characters of `from` starting at `offset`, keeping their origins.
  void append_slice(const located_text& from, std::size_t offset, std::size_t length);
  /// Append all of `from`.
  void append(const located_text& from) { append_slice(from, 0, from.text.size()); }
  /// Remove trailing characters (and their spans) back to `new_size`.
  void truncate(std::size_t new_size);
};

/// Find the span holding `text_offset` (the last span for offsets past the end); null if none.
const source_span* find_span(const std::vector<source_span>& spans, std::size_t text_offset);

/// Map an offset to file:line:column using `files` for the names.
source_location locate_offset(const std::vector<source_span>& spans,
                              const std::vector<source_file>& files, std::size_t text_offset);

/// The stored line a location points at ("" when out of range).
std::string stored_line(const std::vector<source_file>& files, int file_index, int line);

}  // namespace mfb::copybook::detail
