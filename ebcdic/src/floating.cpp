// COMP-1 / COMP-2 dispatch: HFP (hfp.cpp) or IEEE 754 in either byte order, and the
// shortest round-trip text.

#include "mfb/ebcdic/floating.hpp"

#include <charconv>
#include <cmath>
#include <cstring>

#include "hfp.hpp"

namespace mfb::ebcdic {
namespace {

// Copy `len` bytes, reversing them when the data's byte order differs from the host's
// (x86 and ARM hosts are little-endian).
inline void copy_ordered(const std::uint8_t* from, std::size_t len, bool big_endian,
                         std::uint8_t* to) noexcept {
  static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "little-endian hosts only");
  for (std::size_t i = 0; i < len; ++i) to[i] = from[big_endian ? len - 1 - i : i];
}

}  // namespace

decode_status decode_float(const std::uint8_t* p, std::size_t len, float_format fmt,
                           double& out) noexcept {
  if (len != 4 && len != 8) return decode_status::invalid_length;
  if (fmt == float_format::ibm_hex) {
    out = detail::decode_hfp(p, len);
    return decode_status::ok;
  }
  std::uint8_t host[8];
  copy_ordered(p, len, fmt == float_format::ieee_big, host);
  if (len == 4) {
    float f;
    std::memcpy(&f, host, 4);
    out = static_cast<double>(f);
  } else {
    std::memcpy(&out, host, 8);
  }
  // IEEE has NaN and infinity, so they decode as such; the caller decides how to print them.
  return decode_status::ok;
}

decode_status encode_float(double value, std::size_t len, float_format fmt,
                           std::uint8_t* p) noexcept {
  if (len != 4 && len != 8) return decode_status::invalid_length;
  if (fmt == float_format::ibm_hex) return detail::encode_hfp(value, len, p);
  std::uint8_t host[8];
  if (len == 4) {
    const auto f = static_cast<float>(value);
    if (std::isfinite(value) && std::isinf(f)) return decode_status::overflow;
    if (value != 0 && f == 0) return decode_status::underflow;
    std::memcpy(host, &f, 4);
  } else {
    std::memcpy(host, &value, 8);
  }
  copy_ordered(host, len, fmt == float_format::ieee_big, p);
  return decode_status::ok;
}

char* format_float(double value, bool single_precision, char* out) noexcept {
  // A COMP-1 value prints as the shortest float text only when a float holds it exactly:
  // HFP short reaches 7.2E+75 and 5.4E-79, far outside float's range, where the float
  // cast would print "inf" or lose the value; and a subnormal float is coarser than HFP, so
  // its shortest text may read back as another HFP value. Those print as the exact double.
  const float narrow = static_cast<float>(value);
  const bool fits_float = single_precision && (std::isnormal(narrow) || value == 0.0) &&
                          static_cast<double>(narrow) == value;
  const std::to_chars_result r = fits_float ? std::to_chars(out, out + 32, narrow)
                                            : std::to_chars(out, out + 32, value);
  for (char* c = out; c != r.ptr; ++c) {
    if (*c == 'e') *c = 'E';  // COBOL and IBM listings write the exponent mark upper-case
  }
  return r.ptr;
}

}  // namespace mfb::ebcdic
