#pragma once
// How a decoded row is shaped for readers that expect Spark's (Cobrix's) rows: names, null
// members, number text, generated and debug columns, FILLERs, group text columns. Plain
// data; the defaults are mfbridge's own output, unchanged.

#include <cstdint>
#include <string>
#include <vector>

namespace mfb::bridge {

/// Key names and value text: `cobol` (COBOL names, nulls written, mfbridge's number text)
/// or `spark` ('-' -> '_', null members left out, Java's number text).
enum class naming_style : std::uint8_t { cobol, spark };
/// The 01 record: `collapse_root` writes its children as the row, `keep_original` keeps it
/// as the row's one object (every 01 of a copybook when no record is chosen).
enum class schema_retention : std::uint8_t { collapse_root, keep_original };
/// A `<NAME>_debug` column after each elementary field: none, upper-case hex, base64.
enum class debug_columns : std::uint8_t { none, hex, raw };
/// FILLERs: `inline` is mfbridge's own rule (value FILLERs left out, the items of a FILLER
/// group written in the enclosing object); `drop` leaves them (and what they hold) out;
/// `keep` writes them under generated names.
enum class filler_policy : std::uint8_t { inline_items, drop, keep };
/// Names of kept FILLERs: FILLER_P1.. / FILLER_1.. in record order (`sequence`), or after
/// the field written before them (`previous_field`).
enum class filler_naming : std::uint8_t { sequence, previous_field };

struct output_style {
  naming_style naming = naming_style::cobol;
  schema_retention retention = schema_retention::collapse_root;
  bool generate_record_id = false;  ///< File_Id, Record_Id, Record_Byte_Length first
  std::uint32_t file_id = 0;        ///< this input's 0-based index in the run (File_Id)
  bool record_bytes = false;        ///< Record_Bytes: the record's bytes in base64 (--record-bytes)
  std::string file_name_column;     ///< a column with the input file's name (--file-name-column)
  bool file_name_uri = false;       ///< that name as Hadoop's URI file:/abs/path (as Cobrix)
  debug_columns debug = debug_columns::none;
  filler_policy value_fillers = filler_policy::inline_items;
  filler_policy group_fillers = filler_policy::inline_items;
  filler_naming filler_names = filler_naming::sequence;
  /// Groups also written as one text column `<GROUP>_NT` right after the group.
  std::vector<std::string> non_terminals;

  bool spark() const noexcept { return naming == naming_style::spark; }
  /// Whether a finished line needs the row pass (generated columns, null members).
  bool rewrites_rows() const noexcept {
    return spark() || generate_record_id || record_bytes || !file_name_column.empty();
  }
};

}  // namespace mfb::bridge
