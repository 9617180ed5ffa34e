#pragma once
// Private to the layout framings: numeric items read straight from record bytes (ODO
// counters, length fields), and the record length of a layout with OCCURS DEPENDING ON
// tables, nested ones included, found by walking the record as its counters lay it out.

#include <cstddef>
#include <cstdint>
#include <string>

#include "mfb/bridge/io/framing_options.hpp"
#include "mfb/bridge/io/occurs_map.hpp"
#include "mfb/copybook/layout.hpp"
#include "mfb/ebcdic/binary.hpp"
#include "mfb/ebcdic/zoned.hpp"

namespace mfb::bridge::detail {

/// How numbers are coded in the file (--zoned, --trunc).
struct number_coding {
  ebcdic::zoned_charset zoned = ebcdic::zoned_charset::ebcdic;
  ebcdic::truncation trunc = ebcdic::truncation::standard;
};

/// A numeric item as the readers need it.
struct number_item {
  std::size_t offset = 0;  ///< in the record, for items at a fixed offset
  std::size_t length = 0;
  copybook::usage use = copybook::usage::display;
  ebcdic::zoned_sign sign = ebcdic::zoned_sign::none;
  bool is_signed = false;
  int digits = 0;
  std::string name;
};

/// The numeric item `f` as read_number needs it.
number_item number_item_of(const copybook::field& f);

/// Read a numeric item at `p`; false when its bytes hold no valid number.
bool read_number(const number_coding& coding, const number_item& item, const std::uint8_t* p,
                 std::int64_t& out);

/// The length function of --recfm ODO for `layout`, or (empty function) why the layout
/// cannot be framed so, in `why`.
/// Text counters are counted through `text` (--occurs-map).
record_length_fn odo_length_function(const copybook::record_layout& layout, number_coding coding,
                                     const text_counts& text, std::string& why);

}  // namespace mfb::bridge::detail
