#pragma once
// The resolved record layout: what every later stage consumes. No Boost, no bytes.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "mfb/copybook/diagnostic.hpp"

namespace mfb::copybook {

/// Storage form of an elementary item (groups carry the usage they pass down).
enum class usage : std::uint8_t {
  display,        ///< zoned decimal, text, edited
  display_1,      ///< DBCS (PIC G / PIC N with DISPLAY-1)
  national,       ///< UTF-16BE (PIC N)
  binary,         ///< COMP, COMP-4, BINARY: big-endian, TRUNC(STD) limits
  comp_5,         ///< native binary over the full binary range
  comp_1,         ///< 4-byte floating point (HFP by default)
  comp_2,         ///< 8-byte floating point
  packed_decimal, ///< COMP-3, PACKED-DECIMAL
  pointer,        ///< 4 bytes (31-bit); 8 with POINTER-64, not modelled
  index           ///< 4 bytes
};

/// What the PICTURE (or the usage alone, for COMP-1/2, POINTER, INDEX) makes the item.
enum class category : std::uint8_t {
  group,
  alphabetic,           ///< A
  alphanumeric,         ///< X (or a mix of A, X, 9)
  alphanumeric_edited,  ///< X with B 0 /
  numeric,              ///< 9 S V P
  numeric_edited,       ///< Z * + - CR DB , . $ B 0 /
  floating,             ///< COMP-1 / COMP-2, or an external floating picture (+9.9E+99)
  national,             ///< N with USAGE NATIONAL
  national_edited,
  dbcs,                 ///< G, or N with DISPLAY-1
  pointer_or_index
};

enum class sign_position : std::uint8_t { none, trailing, leading };

/// The picture string, analysed. Sizes are in characters, not bytes.
struct picture_info {
  std::string text;              ///< as written, repetition factors kept (e.g. "S9(5)V99")
  std::string expanded;          ///< repetition factors expanded ("S99999V99"); empty past 4,096 characters
  int digits = 0;                ///< numeric digit positions (9 and edited digit symbols), P excluded
  int scale = 0;                 ///< digits right of the point; P on the left adds, P on the right subtracts
  bool is_signed = false;        ///< S, or an editing sign symbol
  int char_count = 0;            ///< character positions (S not counted unless SEPARATE)
};

/// One 88-level value: a single literal or a THRU range.
struct condition_value {
  std::string from;                 ///< literal as normalised text: numbers as written, strings unquoted
  std::optional<std::string> thru;  ///< upper bound of a THRU/THROUGH range
  bool is_numeric = false;          ///< the literal was numeric (not quoted, not figurative)
};

/// A level-88 condition name attached to its conditional variable.
struct condition {
  std::string name;
  std::vector<condition_value> values;
};

/// One data item (group or elementary), in source order.
struct field {
  std::string name;            ///< "FILLER" for unnamed items
  bool is_filler = false;
  int level = 0;               ///< 1..49, 66, 77
  std::string path;            ///< names from the 01 down, joined with '.', FILLER left out
  int parent = -1;             ///< index into record_layout::fields, -1 for the record itself
  std::vector<int> children;   ///< indexes, in order

  std::size_t offset = 0;      ///< from the record start, first occurrence, maximal ODO sizes
  std::size_t length = 0;      ///< bytes of one occurrence (largest REDEFINES alternative for groups)

  usage use = usage::display;
  category kind = category::group;
  std::optional<picture_info> picture;
  sign_position sign = sign_position::none;  ///< sign position for signed DISPLAY items
  bool sign_separate = false;
  bool sync = false;
  bool justified_right = false;
  bool blank_when_zero = false;
  /// PIC X with USAGE COMP, COMP-4, COMP-5 or BINARY, which IBM refuses and Cobrix reads as
  /// opaque bytes (parse_options::cobrix_extensions): kept as USAGE DISPLAY alphanumeric of
  /// the picture's length, and decoded as its bytes (base64 or hex), never as text.
  bool cobrix_binary = false;
  std::optional<std::string> value;  ///< VALUE clause literal, normalised as for conditions

  int occurs_min = 0;          ///< 0 when there is no OCCURS
  int occurs_max = 0;          ///< 0 when there is no OCCURS
  int depending_on = -1;       ///< index of the ODO object, -1 if none
  std::string depending_on_name;
  std::size_t stride = 0;      ///< bytes between occurrences (= length, plus any SYNC slack)
  int redefines = -1;          ///< index of the item redefined, -1 if none
  bool redefined = false;      ///< a later item REDEFINES this one
  bool variably_located = false;  ///< follows an ODO table, so its offset moves with the data
  int slack_before = 0;        ///< SYNC slack bytes inserted before this item

  int renames_from = -1;       ///< level 66: first item renamed
  int renames_thru = -1;       ///< level 66: last item renamed (== renames_from without THRU)

  std::vector<condition> conditions;  ///< its 88 levels
  source_location where;       ///< where the item is declared

  bool is_group() const { return kind == category::group; }
  bool is_occurs() const { return occurs_max > 0; }
};

/// One 01 (or 77, or top-level) record: its items in source order; fields[0] is the record.
struct record_layout {
  std::string name;
  std::size_t length = 0;        ///< maximum length (ODO tables at their maximum)
  std::size_t min_length = 0;    ///< length with every ODO table at its minimum
  bool has_odo = false;
  /// The copybook starts below level 01 (e.g. at 05): the record is not in the source but
  /// wraps the top-level items, named after the file stem upper-cased (CUSTOMER for
  /// customer.cpy); its own path is empty and its items' paths start at their names.
  bool synthetic = false;
  std::vector<field> fields;

  /// Find an item by its name or dotted path (case-insensitive); nullptr if none or ambiguous.
  /// A name that matches nothing is tried again with '_' read as '-' (Spark's spelling).
  const field* find(std::string_view name_or_path) const;

 private:
  const field* find_exact(std::string_view name_or_path) const;
};

/// Compare two COBOL names the way COBOL does (ignoring case).
bool names_equal(std::string_view a, std::string_view b);

}  // namespace mfb::copybook
