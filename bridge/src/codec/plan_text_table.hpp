#pragma once
// The 256-entry output tables for single-byte text: each byte's JSON-escaped or CSV UTF-8
// form, built once per plan from the code page's byte -> code point table.

#include <array>
#include <cstdint>

#include "mfb/bridge/codec/decode_plan.hpp"

namespace mfb::bridge::detail {

/// Fill `table` for `format` from the page's 256 code points; set `space` to the byte that
/// decodes to U+0020 (0x40 if none does).
void build_text_table(const std::uint32_t* code_points, output_format format,
                      std::array<byte_text, 256>& table, std::uint8_t& space);

/// Fill all of `t` from the page's 256 code points: the output table, the plain-ASCII fast
/// path and the bytes that `rule` trims.
void build_text_tables(const std::uint32_t* code_points, output_format format, trim_rule rule,
                       text_tables& t);

/// Spark's JSON writer (Jackson) escapes control characters with upper-case hex: \u001F.
void upper_case_escapes(text_tables& t);

}  // namespace mfb::bridge::detail
