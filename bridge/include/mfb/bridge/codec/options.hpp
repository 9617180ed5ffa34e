#pragma once
// Options for decoding records into JSON Lines or CSV; plain data, kept apart from the machinery.

#include <memory>
#include <string>
#include <vector>

#include "mfb/copybook/limits.hpp"
#include "mfb/ebcdic/binary.hpp"
#include "mfb/ebcdic/floating.hpp"
#include "mfb/ebcdic/zoned.hpp"

namespace mfb::bridge {

struct mask_run;  // mask/record_masker.hpp

/// The text form a record is decoded into. `cells` is for table loads: one plain UTF-8
/// text per CSV column, with no quoting or escaping, and a state per cell (record_decoder).
enum class output_format { jsonl, csv, cells };

/// How values are decoded and written; the same for every record of a run.
struct decode_options {
  output_format format = output_format::jsonl;
  bool keep_trailing_spaces = false;  ///< keep trailing spaces of text fields
  ebcdic::float_format float_format = ebcdic::float_format::ibm_hex;  ///< COMP-1 / COMP-2
  ebcdic::zoned_charset zoned_charset = ebcdic::zoned_charset::ebcdic;  ///< zoned ASCII mode
  ebcdic::truncation binary_trunc = ebcdic::truncation::standard;      ///< TRUNC(STD|BIN)
  std::string record_type_key;  ///< when set, each record gets this key holding its type name
  /// Elementary items kept as their bytes: hex text (lowercase), BYTEA/BLOB in SQL. For
  /// binary data in PIC X fields, or areas no usage describes.
  std::vector<std::string> raw_fields;
  /// Bytes after the last field the layout describes (an ODO count shorter than the record,
  /// an RDW or line longer than the layout) make a bad record unless this allows them; the
  /// decoder then reports how many it passed over (record_decoder::undescribed_bytes).
  bool allow_trailing_bytes = false;
  /// Every record has the file's one length (RECFM F/FB): an ODO table shorter than its
  /// maximum leaves the rest of the record as the table's unused area, as IBM writes it,
  /// so only bytes past the layout's maximum length are undescribed.
  bool fixed_length_records = false;
  /// Most cells (elementary items, every OCCURS expanded) a plan may hold: a layout built
  /// past the copybook limits is refused before the plan allocates anything for it.
  std::size_t max_cells = copybook::layout_limits{}.max_items;
  /// --mask: each record's bytes are masked by this policy before they are decoded (null:
  /// no masking). See mask/record_masker.hpp.
  std::shared_ptr<const mask_run> mask;

  /// Return the defaults: JSON Lines, HFP floats, EBCDIC zoned, TRUNC(STD), spaces trimmed.
  static decode_options defaults() { return {}; }
  /// Check the options; return an empty string when valid, otherwise the reason.
  std::string validate() const;
};

}  // namespace mfb::bridge
