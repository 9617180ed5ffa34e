#pragma once
// --occurs-map: an OCCURS DEPENDING ON whose object is a text item (PIC X or A), counted
// through a map from the item's value to an element count (Cobrix's occurs_mappings). IBM
// allows only integer ODO objects; a text object is accepted only when a map names it.
// The value is compared as decoded, with characters <= U+0020 trimmed at both ends (Java's
// String.trim, as Cobrix trims by default). Parsing the option's text is codec's part
// (codec/occurs_map_parse.hpp); the framing (--recfm ODO) and the decoder read counts here.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mfb/copybook/layout.hpp"
#include "mfb/ebcdic/code_page.hpp"

namespace mfb::bridge {

/// One text ODO object and its values' counts.
struct occurs_mapping {
  std::string field;  ///< the object's COBOL name as given (case and '-'/'_' ignored)
  std::vector<std::pair<std::string, std::int32_t>> counts;  ///< trimmed value, count

  /// The count of `value` (already trimmed), or -1 when the map lacks it.
  std::int64_t count_of(std::string_view value) const noexcept;
  /// The values whose count is `count`, in the map's order (write-back picks one).
  std::vector<std::string_view> values_of(std::int64_t count) const;
};

/// Every --occurs-map given for a run.
struct occurs_map {
  std::vector<occurs_mapping> fields;

  bool empty() const noexcept { return fields.empty(); }
  /// The mapping of item `f` (by name), or nullptr.
  const occurs_mapping* find(const copybook::field& f) const noexcept;
  /// The names the map gives, for the copybook resolver (parse_options::text_odo_objects).
  std::vector<std::string> names() const;
};

/// What a layout framing needs to count text ODO objects (--recfm ODO): the map and the
/// code page their bytes are decoded with; both null when no map is given. Copied where kept.
struct text_counts {
  const occurs_map* map = nullptr;
  const ebcdic::code_page* page = nullptr;
};

/// True when `a` and `b` name the same item: case ignored, '_' read as '-'.
bool occurs_names_equal(std::string_view a, std::string_view b) noexcept;

/// `text` without the characters <= U+0020 at either end (Java's String.trim): how values
/// and the map's keys are compared.
std::string_view occurs_trimmed(std::string_view text) noexcept;

/// A text ODO object's value as the map compares it: `bytes` decoded through `page`,
/// characters <= U+0020 trimmed at both ends. False when the bytes do not decode.
bool occurs_value_text(const ebcdic::code_page& page, const std::uint8_t* bytes,
                       std::size_t length, std::string& value);

/// The count a text ODO object's bytes give, or -1 when the map lacks the value or the
/// bytes do not decode; `value` gets the trimmed text (for the error).
std::int64_t mapped_count(const occurs_mapping& map, const ebcdic::code_page& page,
                          const std::uint8_t* bytes, std::size_t length, std::string& value);

/// The error sentence for a value the map lacks: it names the object and the value.
std::string unmapped_value_reason(std::string_view object, std::string_view value);

}  // namespace mfb::bridge
