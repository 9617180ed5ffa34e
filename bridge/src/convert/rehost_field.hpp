#pragma once
// One field of a record moved between its mainframe bytes and its rehosted bytes. Every
// field keeps its byte length, so a record keeps its layout: offsets do not move.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

#include "mfb/bridge/codec/decode_plan.hpp"
#include "mfb/bridge/convert/rehost_file.hpp"
#include "mfb/copybook/layout.hpp"
#include "mfb/ebcdic/code_page.hpp"

namespace mfb::bridge::detail {

/// Converts fields in one direction; holds scratch space, so one per thread.
class rehost_field_converter {
 public:
  rehost_field_converter(const ebcdic::code_page& page, const rehost_format& format, bool reverse,
                         ebcdic::float_format mainframe_floats);

  /// Convert the field `op` describes (`use` is its layout usage) from `in` to `out`, both
  /// `op.length` bytes. Return "" or why the bytes cannot be converted.
  std::string convert(const plan_op& op, copybook::usage use, const std::uint8_t* in,
                      std::uint8_t* out);
  /// Convert bytes no field describes (FILLER, unused areas) as single-byte text.
  std::string convert_gap(const std::uint8_t* in, std::uint8_t* out, std::size_t len);

 private:
  bool through_table(const std::uint8_t* in, std::uint8_t* out, std::size_t len) const;
  std::string text(const std::uint8_t* in, std::uint8_t* out, std::size_t len, bool single_byte);
  std::string text_to_mainframe(const std::uint8_t* in, std::uint8_t* out, std::size_t len,
                                bool single_byte);
  std::string zoned(const plan_op& op, const std::uint8_t* in, std::uint8_t* out);
  std::string floating(const plan_op& op, const std::uint8_t* in, std::uint8_t* out);
  void binary(const plan_op& op, copybook::usage use, const std::uint8_t* in,
              std::uint8_t* out) const;

  const ebcdic::code_page* page_;
  rehost_format format_;
  bool reverse_;
  ebcdic::float_format mainframe_floats_;
  std::string utf8_;
  /// Per byte, its one-byte form on the other side, or -1: the fast path for text whose
  /// every character is in the target set (ASCII for utf-8, whose ASCII is one byte).
  std::array<std::int16_t, 256> table_{};
  bool has_table_ = false;
};

}  // namespace mfb::bridge::detail
