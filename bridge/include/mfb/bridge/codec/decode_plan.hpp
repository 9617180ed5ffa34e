#pragma once
// A record layout compiled once into a flat list of operations. The record decoder's hot
// loop only walks this list: usage dispatch, REDEFINES choices, OCCURS strides, ODO count
// sources and JSON keys are all settled here, before the first record.

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "mfb/bridge/codec/options.hpp"
#include "mfb/copybook/layout.hpp"
#include "mfb/ebcdic/code_page.hpp"
#include "mfb/ebcdic/edited.hpp"
#include "mfb/ebcdic/result.hpp"

namespace mfb::bridge {

/// What one plan step does.
enum class op_code : std::uint8_t {
  begin_object,       ///< write key and '{' (JSON); nothing in CSV
  end_object,         ///< '}'
  begin_array,        ///< write key and '['; start an OCCURS loop (jump = matching end_array)
  end_array,          ///< next element or ']' (jump = matching begin_array)
  begin_alternative,  ///< mark the output: a bad value inside makes the whole alternative null
  end_alternative,    ///< roll back to the mark and write null if a value inside was bad
  record_type,        ///< write the record-type key and the record's name
  text,               ///< single-byte text through the plan's 256-entry table (or, when
                      ///< extra >= 0, the field's own page: decode_plan::field_text)
  text_mixed,         ///< mixed SBCS/DBCS text (SO/SI) through the code page
  dbcs,               ///< pure DBCS (PIC G, DISPLAY-1)
  national,           ///< UTF-16BE (PIC N)
  zoned,              ///< zoned decimal
  packed,             ///< packed decimal
  binary,             ///< binary integer, scaled by the picture
  floating,           ///< COMP-1 / COMP-2
  edited,             ///< numeric-edited text read back to a number
  raw,                ///< the bytes themselves, as lowercase hex (decode_options::raw_fields)
};

/// One plan step. Offsets are relative to the enclosing OCCURS element (or the record).
struct plan_op {
  op_code code = op_code::text;
  bool is_signed = false;
  bool alternative = false;       ///< an elementary REDEFINES alternative (bad -> null, record kept)
  std::uint8_t sign = 0;          ///< ebcdic::zoned_sign for zoned fields
  /// Value text in Java's form (output_style spark): floats as Float/Double.toString,
  /// decimals as BigDecimal.toString; raw ops: 0 lower-case hex, 1 upper-case, 2 base64.
  std::uint8_t render = 0;
  std::int16_t digits = 0;
  std::int16_t scale = 0;
  /// A text OCCURS DEPENDING ON object: its entry in decode_options::occurs (--occurs-map).
  /// Not `extra`, which a text op uses for its own page (--field-codepage); this fills the
  /// padding before `slot`, so the op stays within a cache line.
  std::int16_t text_count_map = -1;
  std::int32_t slot = -1;         ///< ODO count slot this op fills (fields) or reads (begin_array)
  std::uint32_t offset = 0;
  std::uint32_t length = 0;
  std::uint32_t jump = 0;         ///< the matching begin/end op of a loop or alternative
  std::uint32_t occurs_min = 0;
  std::uint32_t occurs_max = 0;
  std::uint32_t stride = 0;
  std::uint32_t key_begin = 0;    ///< into decode_plan::keys: `,"NAME":` (JSON, empty in arrays)
  std::uint32_t key_length = 0;
  std::uint32_t columns = 0;      ///< CSV cells one loop element or alternative writes
  std::int32_t field = -1;        ///< index into the layout's fields (error paths)
  std::int32_t extra = -1;        ///< index into decode_plan::patterns (edited fields)
};

/// One byte's text in the output: up to 7 bytes (escaped JSON or UTF-8).
struct byte_text {
  std::uint8_t length = 0;
  bool special = false;  ///< CSV: forces quoting (comma, quote, CR, LF); JSON/CSV: unmappable if length 0
  char bytes[6] = {};
};

/// The output tables of one single-byte code page: built once per plan, read per byte.
struct text_tables {
  std::array<byte_text, 256> table{};  ///< each byte's text in the output format
  std::array<char, 256> plain{};       ///< its one plain ASCII byte, else 0 (fast path)
  std::array<bool, 256> blank{};       ///< trimming removes it
  std::uint8_t space = 0x40;           ///< the first byte that decodes to U+0020
};

/// Where a flat (CSV) column comes from: its layout field (-1 for the record-type column)
/// and its OCCURS element numbers, 1-based, outermost first.
struct column_source {
  std::int32_t field = -1;
  std::vector<std::uint32_t> occurrence;
};

/// The compiled plan for one record layout (and one choice of REDEFINES alternatives).
class decode_plan {
 public:
  /// Compile `layout` for `page` and `opts`. `keep` names REDEFINES alternatives to keep
  /// (by name or path): an alternative group not named is dropped when one of its siblings
  /// is named. `type_name` is written under opts.record_type_key (the record name if empty).
  static result<decode_plan> compile(const copybook::record_layout& layout,
                                     const ebcdic::code_page& page, const decode_options& opts,
                                     const std::vector<std::string>& keep = {},
                                     std::string type_name = {});

  const std::vector<plan_op>& ops() const noexcept { return ops_; }
  const copybook::record_layout& layout() const noexcept { return *layout_; }
  const ebcdic::code_page& page() const noexcept { return *page_; }
  const decode_options& options() const noexcept { return opts_; }
  std::string_view key(const plan_op& op) const noexcept {
    return std::string_view(keys_).substr(op.key_begin, op.key_length);
  }
  /// The start of the key pool (ops index it with key_begin).
  const char* key_pool() const noexcept { return keys_.data(); }
  const std::string& type_name() const noexcept { return type_name_; }
  const ebcdic::edit_pattern& pattern(const plan_op& op) const {
    return patterns_[static_cast<std::size_t>(op.extra)];
  }
  /// The 256-entry table for single-byte text in the output format.
  const std::array<byte_text, 256>& text_table() const noexcept { return text_.table; }
  /// Per byte: its output character when that is one plain ASCII byte, else 0 (fast path).
  const std::array<char, 256>& plain_table() const noexcept { return text_.plain; }
  /// The first byte that decodes to U+0020 (the pad byte of write-back).
  std::uint8_t space_byte() const noexcept { return text_.space; }
  /// Per byte: true when trimming removes it (every byte whose character is U+0020, or
  /// with trim_rule::java every character <= U+0020).
  const bool* blank_bytes() const noexcept { return text_.blank.data(); }
  /// The tables of a text op whose field has its own code page (op.extra >= 0).
  const text_tables& field_text(const plan_op& op) const noexcept {
    return field_text_[static_cast<std::size_t>(op.extra)];
  }
  /// CSV column names, flattened (`GROUP_FIELD`, `TABLE_1_FIELD`).
  const std::vector<std::string>& columns() const noexcept { return columns_; }
  /// For each column, the field and OCCURS element it holds (table loads group by these).
  const std::vector<column_source>& column_sources() const noexcept { return sources_; }
  /// Output bytes one record can need at most (ODO tables at their maximum).
  std::size_t max_output() const noexcept { return max_output_; }
  /// Scratch bytes the widest field needs for code-page decoding.
  std::size_t max_scratch() const noexcept { return max_scratch_; }
  /// ODO count slots (one per distinct DEPENDING ON object).
  std::size_t slot_count() const noexcept { return slots_; }
  /// Deepest OCCURS nesting.
  std::size_t max_depth() const noexcept { return depth_; }

  struct builder;  // compile-time state (decode_plan.cpp)

 private:
  std::shared_ptr<const copybook::record_layout> layout_;
  std::shared_ptr<const ebcdic::code_page> page_;
  decode_options opts_;
  std::vector<plan_op> ops_;
  std::string keys_;
  std::string type_name_;
  std::vector<ebcdic::edit_pattern> patterns_;
  text_tables text_;
  std::vector<text_tables> field_text_;  ///< --field-codepage pages, indexed by op.extra
  std::vector<std::string> columns_;
  std::vector<column_source> sources_;
  std::size_t max_output_ = 0;
  std::size_t max_scratch_ = 0;
  std::size_t slots_ = 0;
  std::size_t depth_ = 0;
};

}  // namespace mfb::bridge
