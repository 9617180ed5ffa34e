#pragma once
// --nest-children: one JSON row per root record, each child's segment object placed in an
// array inside its parent's segment object (Cobrix's segment-children). The groups come in
// file order on the writing thread; a root's subtree is held until the next root comes, and
// never past max_group_records records.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "mfb/ebcdic/result.hpp"

namespace mfb::bridge::detail {

/// What the generated columns of a nested row describe (Cobrix's hierarchical quirk).
struct nested_group_info {
  std::uint64_t root_record = 0;    ///< the root's 1-based record number
  std::uint64_t next_root_index = 0;  ///< 0-based index of the record after the group
  std::uint64_t payload_bytes = 0;  ///< the payloads of every record of the group, summed
  std::uint64_t records = 0;        ///< records in the group
};

/// Cobrix's generated columns of a nested row, as JSON members each followed by ',':
/// Record_Id is the index of the record after the group (the next root, or the record count
/// for the last group) and Record_Byte_Length the group's payload size.
std::string hierarchical_record_columns(const nested_group_info& g);

class nested_rows {
 public:
  /// `parent_of` and `names` per type (plan index); children are listed in type order.
  nested_rows(std::vector<int> parent_of, std::vector<std::string> names, std::size_t max_records);

  /// Add the JSON line (without '\n' is fine) of record `number` of type `type`. Complete
  /// rows are appended to `out` (each with '\n'). An error when the group grows too big.
  result<bool> add(int type, std::uint64_t number, std::uint64_t payload, std::string_view line,
                   std::string& out);
  /// Append the last group's row; `records_read` is the count of records in the input.
  void finish(std::uint64_t records_read, std::string& out);

  /// Called with each group before it is written: members to put first in the row (the
  /// generated columns); none by default (see hierarchical_record_columns).
  std::function<std::string(const nested_group_info&)> row_prefix;

 private:
  struct node {
    std::string text;     ///< the segment's object (a child) or the whole row (the root)
    std::size_t insert;   ///< where the child arrays go (before the segment object's '}')
    int type;
    std::vector<std::size_t> children;  ///< node indexes, in file order
  };
  void flush(std::uint64_t next_root_index, std::string& out);
  void render(std::size_t n, std::string& out) const;

  std::vector<int> parent_of_;
  std::vector<std::string> names_;
  std::size_t max_records_;
  std::vector<node> nodes_;         ///< the open group; nodes_[0] is its root
  std::vector<std::size_t> stack_;  ///< the open path from the root
  nested_group_info group_;
};

}  // namespace mfb::bridge::detail
