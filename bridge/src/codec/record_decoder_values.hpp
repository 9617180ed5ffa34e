#pragma once
// The decoder's elementary values: each op's codec call (zoned, packed, binary, float,
// edited, DBCS/mixed/NATIONAL text) and the decimal text of a number. Inline, since they
// sit in the hot loop of record_decoder_run.cpp.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>

#include "codec/cobrix_numbers.hpp"
#include "codec/text_out.hpp"
#include "mfb/bridge/codec/decode_plan.hpp"
#include "mfb/ebcdic/binary.hpp"
#include "mfb/ebcdic/decimal.hpp"
#include "mfb/ebcdic/floating.hpp"
#include "mfb/ebcdic/packed.hpp"
#include "mfb/ebcdic/wide_number.hpp"
#include "mfb/ebcdic/zoned.hpp"

namespace mfb::bridge::detail {

/// An ODO count slot not yet decoded in this record.
inline constexpr std::int64_t no_count = std::numeric_limits<std::int64_t>::min();
/// Spare bytes past each output and scratch bound: table entries are copied whole.
inline constexpr std::size_t decode_slack = 16;

inline char* put_number(char* o, ebcdic::int128_t v, int scale) noexcept {
  ebcdic::decimal d;
  d.unscaled = v;
  d.scale = scale;
  return ebcdic::format_decimal(d, o);
}

// The common narrow case builds its decimal in place: copying a 128-bit value that was
// just stored as two halves stalls on store forwarding (measured: ~10% of the decode).
inline char* put_number64(char* o, std::int64_t v, int scale) noexcept {
  ebcdic::decimal d;
  d.unscaled = v;
  d.scale = scale;
  return ebcdic::format_decimal(d, o);
}

/// A zoned, packed or binary op: up to 18 digits into `narrow`, wider into `value` (`wide`).
inline ebcdic::decode_status decode_number(const decode_plan& plan, const plan_op& op,
                                           const std::uint8_t* p, ebcdic::int128_t& value,
                                           std::int64_t& narrow, bool& wide) noexcept {
  namespace eb = mfb::ebcdic;
  if (op.code == op_code::zoned) {
    eb::zoned_format fmt{static_cast<eb::zoned_sign>(op.sign), plan.options().zoned_charset};
    if (op.digits <= 18) return eb::decode_zoned64(p, op.length, fmt, narrow);
    wide = true;
    // Over 31 digits only under --cobrix (the copybook parser refuses them otherwise).
    if (op.digits > eb::decimal::max_digits) return eb::decode_zoned_wide(p, op.length, fmt, value);
    return eb::decode_zoned(p, op.length, fmt, value);
  }
  if (op.code == op_code::packed) {
    if (op.digits <= 18) return eb::decode_packed64(p, op.length, op.digits, op.is_signed, narrow);
    wide = true;
    return eb::decode_packed_wide(p, op.length, op.digits, op.is_signed, value);
  }
  eb::binary_format fmt{op.is_signed, op.digits,
                        op.sign ? eb::truncation::binary : eb::truncation::standard,
                        eb::byte_order::big};
  if (op.length > 8) {  // 9 to 16 bytes: Cobrix's binaries over 18 digits (--cobrix)
    wide = true;
    return eb::decode_binary_long(p, op.length, fmt, value);
  }
  if (op.length == 8 && !op.is_signed) {
    wide = true;
    const auto st = eb::decode_binary_wide(p, op.length, fmt, value);
    if (op.extra == cobrix_long_limit && value > std::numeric_limits<std::int64_t>::max())
      return eb::decode_status::out_of_range;
    return st;
  }
  const auto st = eb::decode_binary(p, op.length, fmt, narrow);
  if (op.extra == cobrix_int_limit && narrow > std::numeric_limits<std::int32_t>::max())
    return eb::decode_status::out_of_range;
  return st;
}

/// A COMP-1/COMP-2 op; infinities and NaNs are invalid (JSON has no spelling for them).
inline ebcdic::decode_status decode_floating(const decode_plan& plan, const plan_op& op,
                                             const std::uint8_t* p, double& d) noexcept {
  auto st = ebcdic::decode_float(p, op.length, plan.options().float_format, d);
  if (st == ebcdic::decode_status::ok && !std::isfinite(d))
    st = ebcdic::decode_status::invalid_float;
  return st;
}

/// A DBCS, mixed SBCS/DBCS or NATIONAL op as UTF-8 at `s` (`w` bytes, untrimmed).
inline ebcdic::decode_status decode_wide_text(const decode_plan& plan, const plan_op& op,
                                              const std::uint8_t* p, char* s,
                                              std::size_t& w) noexcept {
  ebcdic::decode_status st;
  if (op.code == op_code::text_mixed)
    st = plan.page().decode(p, op.length, s, w);
  else if (op.code == op_code::dbcs)
    st = plan.page().decode_dbcs(p, op.length, s, w);
  else
    st = ebcdic::decode_national(p, op.length, s, w);
  return st;
}

/// A numeric-edited op, read through its picture; `s` is scratch for the field's text.
inline ebcdic::decode_status decode_edited(const decode_plan& plan, const plan_op& op,
                                           const std::uint8_t* p, char* s,
                                           ebcdic::decimal& d) noexcept {
  const auto& table = plan.text_table();
  for (std::size_t k = 0; k < op.length; ++k) {
    const byte_text& e = table[p[k]];
    s[k] = e.length == 1 ? e.bytes[0] : '\x7f';  // non-ASCII cannot match a picture
  }
  return plan.pattern(op).decode(std::string_view(s, op.length), d);
}

}  // namespace mfb::bridge::detail
