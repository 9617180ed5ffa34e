// Cobrix's limits on binary fields: see cobrix_numbers.hpp.

#include "codec/cobrix_numbers.hpp"

namespace mfb::bridge::detail {

std::int32_t cobrix_binary_limit(const copybook::field& f, std::size_t length) {
  const bool is_signed = f.picture && f.picture->is_signed;
  if (is_signed) return -1;  // a signed 4- or 8-byte value always fits int or long
  if (length == 4) return cobrix_int_limit;
  if (length == 8) return cobrix_long_limit;
  return -1;  // 2 bytes always fit an int; wider ones are Spark decimals
}

}  // namespace mfb::bridge::detail
