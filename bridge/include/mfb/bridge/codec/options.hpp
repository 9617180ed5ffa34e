#pragma once
// Options for decoding records into JSON Lines or CSV; plain data, kept apart from the machinery.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "mfb/bridge/codec/output_style.hpp"
#include "mfb/copybook/limits.hpp"
#include "mfb/ebcdic/binary.hpp"
#include "mfb/ebcdic/floating.hpp"
#include "mfb/ebcdic/zoned.hpp"

namespace mfb::bridge {

struct mask_run;  // mask/record_masker.hpp
struct occurs_map;  // io/occurs_map.hpp

/// The text form a record is decoded into. `cells` is for table loads: one plain UTF-8
/// text per CSV column, with no quoting or escaping, and a state per cell (record_decoder).
enum class output_format { jsonl, csv, cells };

/// Which ends of a text field lose their blanks (--trim). `right` is the default.
enum class text_trim : std::uint8_t { none, left, right, both };

/// What counts as a blank when trimming (--trim-rule): `space` is every byte whose character
/// is U+0020 (and U+3000 in DBCS text); `java` is every character <= U+0020, control
/// characters included, as Java's String.trim (Cobrix's string_trimming_policy).
enum class trim_rule : std::uint8_t { space, java };

/// What a DISPLAY (zoned) number that fails to decode does (--numeric-policy). `strict`
/// makes the record bad; `lenient` writes it null, reports the error and keeps the record.
enum class numeric_policy : std::uint8_t { strict, lenient };

/// One text field read through its own code page (--field-codepage PAGE=FIELD,...; Cobrix's
/// field_code_page:PAGE): an alphanumeric DISPLAY item, and a single-byte page.
struct field_codepage {
  std::string field;     ///< its name or dotted path
  std::string codepage;  ///< a page name (see `mfbridge codepages`) or a 256-entry table file
};

/// How the bytes of a PIC X USAGE COMP item (a Cobrix extension, copybook::field::
/// cobrix_binary) are written (--binary-text): base64, as Spark writes Cobrix's binary
/// columns, or upper-case hex, as Cobrix's binary_as_hex.
enum class binary_text : std::uint8_t { base64, hex };

/// How values are decoded and written; the same for every record of a run.
struct decode_options {
  output_format format = output_format::jsonl;
  bool keep_trailing_spaces = false;  ///< keep trailing spaces of text fields (= trim none)
  text_trim trim = text_trim::right;  ///< which ends of text fields are trimmed
  trim_rule trim_chars = trim_rule::space;  ///< what trimming removes
  /// A DISPLAY field (text, zoned, edited) whose bytes are all 0x00 is null; a zoned field
  /// of only 0x00 and space bytes too (Cobrix's improved_null_detection).
  bool improved_null_detection = false;
  numeric_policy numbers = numeric_policy::strict;  ///< bad zoned numbers: bad record or null
  ebcdic::float_format float_format = ebcdic::float_format::ibm_hex;  ///< COMP-1 / COMP-2
  ebcdic::zoned_charset zoned_charset = ebcdic::zoned_charset::ebcdic;  ///< zoned ASCII mode
  ebcdic::truncation binary_trunc = ebcdic::truncation::standard;      ///< TRUNC(STD|BIN)
  std::string record_type_key;  ///< when set, each record gets this key holding its type name
  /// Elementary items kept as their bytes: hex text (lowercase), BYTEA/BLOB in SQL. For
  /// binary data in PIC X fields, or areas no usage describes.
  std::vector<std::string> raw_fields;
  /// Text fields with a code page of their own; each field at most once.
  std::vector<field_codepage> field_codepages;
  binary_text binary_bytes = binary_text::base64;  ///< PIC X USAGE COMP items
  /// Bytes after the last field the layout describes (an ODO count shorter than the record,
  /// an RDW or line longer than the layout) make a bad record unless this allows them; the
  /// decoder then reports how many it passed over (record_decoder::undescribed_bytes).
  bool allow_trailing_bytes = false;
  /// Every record has the file's one length (RECFM F/FB): an ODO table shorter than its
  /// maximum leaves the rest of the record as the table's unused area, as IBM writes it,
  /// so only bytes past the layout's maximum length are undescribed.
  bool fixed_length_records = false;
  /// A framed record shorter or longer than these is a bad record (Cobrix's
  /// minimum_record_length / maximum_record_length); 0 = no limit.
  std::size_t min_record_length = 0;
  std::size_t max_record_length = 0;
  /// Most cells (elementary items, every OCCURS expanded) a plan may hold: a layout built
  /// past the copybook limits is refused before the plan allocates anything for it.
  std::size_t max_cells = copybook::layout_limits{}.max_items;
  /// The row's shape for Spark-style readers (names, nulls, generated columns); see
  /// output_style.hpp. The default is mfbridge's own output.
  output_style style;
  /// Cobrix's number rules (--cobrix): '+' read where a fixed '-' symbol shows a positive
  /// value's space, and an unsigned binary that overflows Cobrix's Spark type (int to 9
  /// digits, long to 18) is a field error. IBM's rules otherwise (cobrix_numbers.cpp).
  bool cobrix_numbers = false;
  /// --mask: each record's bytes are masked by this policy before they are decoded (null:
  /// no masking). See mask/record_masker.hpp.
  std::shared_ptr<const mask_run> mask;
  /// --occurs-map: the counts of text OCCURS DEPENDING ON objects (null: none).
  std::shared_ptr<const occurs_map> occurs;

  /// Return the defaults: JSON Lines, HFP floats, EBCDIC zoned, TRUNC(STD), spaces trimmed.
  static decode_options defaults() { return {}; }
  /// Check the options; return an empty string when valid, otherwise the reason.
  std::string validate() const;
  /// The trimming in effect: keep_trailing_spaces turns it off.
  text_trim effective_trim() const noexcept {
    return keep_trailing_spaces ? text_trim::none : trim;
  }
};

}  // namespace mfb::bridge
