#pragma once
// A record layout compiled once for write-back: a flat tree of nodes (groups, OCCURS
// tables, elementary fields, FILLER fills) with usage dispatch, REDEFINES choices, ODO
// count slots and JSON keys settled, plus the record's fill image (every FILLER and every
// unused ODO element as spaces or zeros in its usage).

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "mfb/copybook/layout.hpp"
#include "mfb/ebcdic/binary.hpp"
#include "mfb/ebcdic/code_page.hpp"
#include "mfb/ebcdic/edited.hpp"
#include "mfb/ebcdic/floating.hpp"
#include "mfb/ebcdic/result.hpp"
#include "mfb/ebcdic/zoned.hpp"

namespace mfb::bridge {

struct occurs_map;  // io/occurs_map.hpp

/// How values are encoded; the same for every record of a run.
struct encode_options {
  ebcdic::float_format float_format = ebcdic::float_format::ibm_hex;   ///< COMP-1 / COMP-2
  ebcdic::zoned_charset zoned_charset = ebcdic::zoned_charset::ebcdic;  ///< zoned ASCII mode
  ebcdic::truncation binary_trunc = ebcdic::truncation::standard;       ///< TRUNC(STD|BIN)
  bool check_88 = false;  ///< a field with 88 levels must hold one of their values
  std::vector<std::string> raw_fields;  ///< items given as hex text of their bytes
  /// --occurs-map: the counts of text ODO objects (null: none).
  std::shared_ptr<const occurs_map> occurs;

  /// Return the defaults: HFP floats, EBCDIC zoned, TRUNC(STD), no 88-level check.
  static encode_options defaults() { return {}; }
  /// Check the options; return an empty string when valid, otherwise the reason.
  std::string validate() const { return {}; }
};

/// What one encode node does.
enum class encode_code : std::uint8_t {
  group,       ///< a JSON object: its children are encoded in order
  table,       ///< an OCCURS table: a JSON array of elements (children = one element)
  redefines,   ///< a REDEFINES set: children are the alternatives, one of them is encoded
  fill,        ///< FILLER: copy its bytes from the fill image (no JSON key)
  text,        ///< alphanumeric through the code page, space padded
  dbcs,        ///< PIC G / DISPLAY-1
  national,    ///< UTF-16BE
  zoned,
  packed,
  binary,
  floating,
  edited,      ///< numeric-edited picture
  raw,         ///< the bytes themselves, given as hex text (encode_options::raw_fields)
};

/// One node. Offsets are relative to the enclosing OCCURS element (or the record), at
/// the layout's maximal ODO sizes; the encoder adds the ODO shift of the current record.
struct encode_node {
  encode_code code = encode_code::group;
  std::string key;                ///< JSON key (the COBOL name); empty for fills
  std::int32_t field = -1;        ///< index into the layout's fields
  std::uint32_t offset = 0;
  std::uint32_t image_offset = 0; ///< fill: where its bytes start in the fill image
  std::uint32_t length = 0;       ///< bytes of one occurrence (fill: of the whole item)
  std::uint32_t stride = 0;       ///< tables: bytes between elements
  std::uint32_t occurs_min = 0;
  std::uint32_t occurs_max = 0;
  std::int32_t slot = -1;         ///< ODO count slot: a table reads it, its object fills it
  std::vector<std::uint32_t> children;  ///< node indexes
  std::int16_t digits = 0;
  std::int16_t scale = 0;
  bool is_signed = false;
  bool justified = false;
  bool full_range = false;        ///< binary: COMP-5 / TRUNC(BIN) / POINTER / INDEX
  bool chosen = false;            ///< redefines: this member was named in `keep`
  ebcdic::zoned_format zoned{};
  std::int32_t pattern = -1;      ///< index into encode_plan::patterns (edited)
  std::int32_t occurs_map = -1;   ///< a text ODO object: index into options().occurs->fields
};

/// The compiled write-back plan for one record layout.
class encode_plan {
 public:
  /// Compile `layout` for `page` and `opts`. `keep` names REDEFINES alternatives (by
  /// name or path) that win over the original item when the JSON holds several.
  static result<encode_plan> compile(const copybook::record_layout& layout,
                                     const ebcdic::code_page& page, const encode_options& opts,
                                     const std::vector<std::string>& keep = {});

  const std::vector<encode_node>& nodes() const noexcept { return nodes_; }
  /// The root node (a group, or a single elementary item for `01 X PIC X(80).`).
  const encode_node& root() const noexcept { return nodes_[root_]; }
  std::uint32_t root_index() const noexcept { return root_; }
  const copybook::record_layout& layout() const noexcept { return *layout_; }
  const ebcdic::code_page& page() const noexcept { return *page_; }
  const encode_options& options() const noexcept { return opts_; }
  const ebcdic::edit_pattern& pattern(const encode_node& n) const {
    return patterns_[static_cast<std::size_t>(n.pattern)];
  }
  /// The record at its maximum length with every item filled as FILLER would be.
  const std::vector<std::uint8_t>& fill_image() const noexcept { return image_; }
  /// The code page's space byte (0x40 for EBCDIC pages).
  std::uint8_t space_byte() const noexcept { return space_; }
  /// Number of ODO count slots (one per distinct DEPENDING ON object).
  std::size_t slot_count() const noexcept { return slots_; }
  /// The record name (the 01 item).
  const std::string& name() const noexcept { return layout_->name; }

  struct builder;  // compile-time state (encode_plan.cpp)

 private:
  std::shared_ptr<const copybook::record_layout> layout_;
  std::shared_ptr<const ebcdic::code_page> page_;
  encode_options opts_;
  std::vector<encode_node> nodes_;
  std::vector<ebcdic::edit_pattern> patterns_;
  std::vector<std::uint8_t> image_;
  std::uint32_t root_ = 0;
  std::uint8_t space_ = 0x40;
  std::size_t slots_ = 0;
};

}  // namespace mfb::bridge
