#pragma once
// Cobrix's limits on binary fields (--cobrix). Cobrix gives a COMP item of up to 9 digits a
// Spark int and one of up to 18 digits a long, and reads the field's bytes into that type:
// an unsigned 4-byte value past 2^31 - 1 (or 8-byte past 2^63 - 1) does not fit and
// becomes null there. Under --cobrix it is a field error here (the lenient policy turns
// field errors into nulls). IBM has no such limit: TRUNC(STD) bounds a COMP value by its
// PICTURE digits, TRUNC(BIN) and COMP-5 by the field's bits (an unsigned fullword holds up
// to 4,294,967,295).

#include <cstdint>

#include "mfb/copybook/layout.hpp"

namespace mfb::bridge::detail {

/// Marks in plan_op::extra of a binary op: the Spark type bounds the value.
inline constexpr std::int32_t cobrix_int_limit = -31;   ///< at most 2^31 - 1
inline constexpr std::int32_t cobrix_long_limit = -63;  ///< at most 2^63 - 1

/// The mark for a binary field of `length` bytes under --cobrix, or -1 (no limit).
std::int32_t cobrix_binary_limit(const copybook::field& f, std::size_t length);

}  // namespace mfb::bridge::detail
