#pragma once
// Multi-segment files: a segment field (the record-type code every record carries) read as
// trimmed text, a filter on it, and generated segment-level ids (Seg_Id0..n: the root's id,
// then a running counter per level under that root). The ids follow the file in order, so
// one object observes every record on the thread that reads the file.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mfb/bridge/io/record_reader.hpp"
#include "mfb/copybook/layout.hpp"
#include "mfb/ebcdic/code_page.hpp"
#include "mfb/ebcdic/result.hpp"

namespace mfb::bridge {

/// The segment options of a run (convert): plain data.
struct segment_options {
  std::string field;                ///< --segment-field FIELD
  std::vector<std::string> filter;  ///< --segment-filter FIELD=V1[,V2...] (texts as given)
  std::vector<std::string> levels;  ///< --segment-id-level N=ID1[,ID2...] (texts as given)
  std::string root;                 ///< --segment-id-root ID: level 0 only
  std::string prefix;               ///< --segment-id-prefix TEXT
  bool nest_children = false;       ///< --nest-children
  std::size_t max_group_records = 100000;  ///< --max-group-records: a root's subtree bound

  /// True when some segment feature is asked for.
  bool active() const noexcept {
    return !filter.empty() || !levels.empty() || !root.empty() || nest_children;
  }
};

/// Split "V1,V2,..." into values: `\,` is a comma inside a value and `\\` a backslash.
/// Values are trimmed of padding (an empty value matches a blank field); a backslash before
/// anything else gives nullopt.
std::optional<std::vector<std::string>> split_value_list(std::string_view text);

/// Java's String.trim: every character up to U+0020 is padding (spaces and NULs pad codes).
std::string_view trim_padding(std::string_view s) noexcept;

/// A fixed-position field read as decoded, trimmed text (a record-type code).
class segment_field_reader {
 public:
  static constexpr std::size_t max_length = 64;  ///< type codes are short; bounds the buffer
  /// Find `name` in `layouts` (the first record that has it); `flag` names the option in
  /// errors. The field must be fixed-position, outside OCCURS, of at most max_length bytes.
  static result<segment_field_reader> build(const std::vector<copybook::record_layout>& layouts,
                                            const std::string& name, const char* flag,
                                            const ebcdic::code_page& page);
  /// The field's trimmed text in `rec`, written into `buf` (max_length * 8 bytes); nullopt
  /// when the record is too short for it or its bytes do not decode.
  std::optional<std::string_view> read(const record_view& rec, char* buf) const noexcept;

  const std::string& path() const noexcept { return path_; }
  std::size_t offset() const noexcept { return offset_; }
  std::size_t length() const noexcept { return length_; }

 private:
  std::size_t offset_ = 0;
  std::size_t length_ = 0;
  std::string path_;
  const ebcdic::code_page* page_ = nullptr;
};

/// The Seg_Id columns: `<prefix>_<file id>_<root record index>` at level 0, then
/// `<Seg_Id0>_L<level>_<n>` where n counts the records of that level since the root (it
/// does not restart when a parent of a lower level changes).
class segment_ids {
 public:
  /// From the --segment-id-level texts and --segment-id-root; an error names a bad level
  /// list (a gap in the levels, an id given twice, two wildcards).
  static result<segment_ids> build(const segment_options& opts);

  /// Number of Seg_Id columns (0 when no level is given).
  std::size_t columns() const noexcept { return levels_.size(); }
  /// Observe the next record in file order: its segment value and 0-based record index.
  /// Return false when the value is in no level (it keeps the ids of the last record).
  bool observe(std::string_view value, std::uint64_t record_index);
  /// The id of `level` for the last observed record, or "" when it has none (null).
  const std::string& id(std::size_t level) const noexcept;
  /// The level `value` belongs to, or -1.
  int level_of(std::string_view value) const noexcept;
  /// Start the next input file of a run: ids restart, under `file_id` (File_Id).
  void start_file(std::uint64_t file_id);

 private:
  std::vector<std::vector<std::string>> levels_;  ///< ids per level
  int wildcard_level_ = -1;                       ///< the level of `_` / `*`
  std::string prefix_;
  std::uint64_t file_id_ = 0;
  std::vector<std::uint64_t> counts_;  ///< per level, since the root
  std::vector<std::string> ids_;       ///< per level: the current ids
  int current_ = -1;                   ///< the level of the last record (-1: before a root)
};

}  // namespace mfb::bridge
