#pragma once
// `mfbridge inspect`: one record as a hex dump plus a table of its fields (path, offset,
// length, usage/picture, raw hex, decoded value or the decode error), decoded field by
// field with the codecs directly, so one bad field never hides the others.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "mfb/bridge/io/occurs_map.hpp"
#include "mfb/copybook/layout.hpp"
#include "mfb/ebcdic/code_page.hpp"
#include "mfb/ebcdic/binary.hpp"
#include "mfb/ebcdic/floating.hpp"
#include "mfb/ebcdic/zoned.hpp"

namespace mfb::bridge {

/// Codec choices for inspection (the same meaning as in convert/encode).
struct inspect_options {
  ebcdic::float_format float_format = ebcdic::float_format::ibm_hex;
  ebcdic::zoned_charset zoned_charset = ebcdic::zoned_charset::ebcdic;
  ebcdic::truncation binary_trunc = ebcdic::truncation::standard;
  /// --occurs-map: text ODO objects' counts (null: none).
  std::shared_ptr<const occurs_map> occurs;
};

/// One elementary field occurrence of the inspected record.
struct inspected_field {
  std::string path;       ///< "REC.LINES.AMOUNT(2)"
  std::size_t offset = 0;
  std::size_t length = 0;
  std::string type;       ///< "PIC S9(5)V99 COMP-3"
  std::string hex;        ///< raw bytes "00 12 3C"
  std::string value;      ///< decoded value (text, or exact number)
  std::string error;      ///< empty when the field decoded, else the reason (with the bad byte)
};

/// Decode every elementary item (every occurrence, ODO counts read from the record) of
/// `rec`, in offset order.
std::vector<inspected_field> inspect_record(const copybook::record_layout& layout,
                                            const ebcdic::code_page& page,
                                            const inspect_options& opts,
                                            const std::uint8_t* rec, std::size_t size);

/// Render `size` bytes as a hex dump, 16 bytes a line: offset, hex, and the characters
/// decoded through `page` ('.' for control characters).
std::string hex_dump(const std::uint8_t* rec, std::size_t size, const ebcdic::code_page& page);

/// Render the field table (one line per field; errors marked with "!!").
std::string format_fields(const std::vector<inspected_field>& fields);

}  // namespace mfb::bridge
