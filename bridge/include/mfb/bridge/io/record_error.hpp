#pragma once
// A decode error decorated with where it happened: file, record, file offset, field, bytes.

#include <cstddef>
#include <cstdint>
#include <string>

namespace mfb::bridge {

/// One bad value (or a record that fits no layout), with everything needed to find it.
struct record_error {
  std::string file;                 ///< input name as given to the user
  std::uint64_t record_number = 0;  ///< 1-based
  std::uint64_t file_offset = 0;    ///< offset of the record's first data byte in the file
  std::string field_path;           ///< "CUSTOMER.BALANCE", "REC.AMOUNTS(3)"; empty for a whole record
  std::size_t field_offset = 0;     ///< offset of the field in the record
  std::size_t field_length = 0;     ///< bytes of the field (0 for a whole-record error)
  std::string hex;                  ///< the field's raw bytes, "00 12 3A 4C"
  std::string reason;               ///< to_string(decode_status), or a sentence
  /// Written as null and the record kept: inside a REDEFINES alternative, or (with `lenient`)
  /// a bad DISPLAY number under --numeric-policy lenient.
  bool in_alternative = false;
  bool lenient = false;             ///< a bad number nulled by --numeric-policy lenient

  /// Render as `file: record 17 (file offset 3400): field X at offset 12 (bytes 12-17): reason: hex`.
  std::string to_string() const;
  /// Render as one JSON object (no newline) for reject logs.
  std::string to_json() const;
};


}  // namespace mfb::bridge
