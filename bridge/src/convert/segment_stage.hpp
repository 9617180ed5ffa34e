#pragma once
// The segment options on the reading thread of a conversion: the filter (records skipped
// and counted, never decoded) and the Seg_Id columns, rendered as the text that goes in
// front of a record's own fields.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "mfb/bridge/codec/options.hpp"
#include "mfb/bridge/codec/record_decoder.hpp"
#include "mfb/bridge/codec/segments.hpp"

namespace mfb::bridge::detail {

class segment_stage {
 public:
  /// Build from the options for the run's copybook records; nullptr when none is active.
  /// With --nest-children, `parents` are the --parent texts over the types `type_names`.
  static result<std::unique_ptr<segment_stage>> build(
      const segment_options& opts, const std::vector<copybook::record_layout>& records,
      const ebcdic::code_page& page, output_format format,
      const std::vector<std::string>& type_names, const std::vector<std::string>& parents);

  /// False when the filter leaves `rec` out.
  bool keep(const record_view& rec) const;
  /// Observe `rec` (kept, in file order) and append its Seg_Id text to `out`: JSON members
  /// each followed by ',' (null ids omitted), or CSV cells each followed by ','. Return
  /// false when its segment value is in no level (it then keeps the last record's ids).
  bool observe(const record_view& rec, std::string& out);
  /// The Seg_Id column names (CSV header), Seg_Id0..n.
  std::vector<std::string> columns() const;
  bool has_ids() const noexcept { return ids_.columns() > 0; }
  /// Start the next input file of a run (several inputs): Seg_Ids restart under
  /// `file_id`, and no parent is open.
  void start_file(std::uint64_t file_id) {
    ids_.start_file(file_id);
    open_.clear();
  }

  /// --nest-children: the parent type of each type (-1: a root), empty when not nesting.
  const std::vector<int>& nest_parents() const noexcept { return nest_parent_; }
  /// Place a record of `type` in the open tree (file order): set `parent` to its parent's
  /// record number (0 for a root); false with `why` when no record of its parent's type
  /// is open (a child before any parent).
  bool place(int type, std::uint64_t number, std::uint64_t& parent, std::string& why);

 private:
  std::optional<segment_field_reader> filter_field_;
  std::vector<std::string> filter_values_;
  std::optional<segment_field_reader> id_field_;
  segment_ids ids_;
  bool csv_ = false;
  std::vector<int> nest_parent_;
  std::vector<std::string> type_names_;
  std::vector<std::pair<int, std::uint64_t>> open_;  ///< the open path: type, record number
};

/// Put a record's Seg_Id text (from observe) in front of its own fields: after JSON's '{'
/// or at the start of its CSV line; the record's text begins at `start`.
void insert_segment_ids(text_buffer& text, std::size_t start, std::string_view ids, bool csv);

}  // namespace mfb::bridge::detail
