// Fuzz the numeric decoders: byte 0 picks the codec, byte 1 its options, byte 2 the digit
// count or length; the rest is the field. Every decoder must return a status (never crash),
// and whenever it says ok, encoding the value must give canonical bytes that decode to the
// same value (and the very same bytes when the input was already canonical).

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include "mfb/ebcdic/binary.hpp"
#include "mfb/ebcdic/decimal.hpp"
#include "mfb/ebcdic/floating.hpp"
#include "mfb/ebcdic/packed.hpp"
#include "mfb/ebcdic/zoned.hpp"

namespace {

using namespace mfb::ebcdic;

void check(bool ok) {
  if (!ok) std::abort();
}

void fuzz_packed(const std::uint8_t* p, std::size_t n, std::uint8_t opt, std::uint8_t param) {
  const int digits = 1 + param % 31;
  const bool is_signed = (opt & 1) != 0;
  const std::size_t len = packed_length(digits);
  if (n < len) return;
  int128_t v = 0;
  if (decode_packed(p, len, digits, is_signed, v) != decode_status::ok) return;
  if (digits <= 18) {
    std::int64_t v64 = 0;
    check(decode_packed64(p, len, digits, is_signed, v64) == decode_status::ok && v64 == v);
  }
  std::uint8_t again[16];
  check(encode_packed(v, digits, is_signed, again) == decode_status::ok);
  int128_t w = 0;
  check(decode_packed(again, len, digits, is_signed, w) == decode_status::ok && w == v);
  const unsigned sign = p[len - 1] & 0xFu;
  const bool canonical = is_signed ? (sign == 0xC || (sign == 0xD && v != 0)) : sign == 0xF;
  if (canonical) check(std::memcmp(again, p, len) == 0);
}

void fuzz_zoned(const std::uint8_t* p, std::size_t n, std::uint8_t opt, std::uint8_t param) {
  const zoned_format f{static_cast<zoned_sign>(opt % 5),
                       (opt & 8) != 0 ? zoned_charset::ascii : zoned_charset::ebcdic};
  const int digits = 1 + param % 31;
  const std::size_t len = zoned_length(digits, f.sign);
  if (n < len) return;
  int128_t v = 0;
  if (decode_zoned(p, len, f, v) != decode_status::ok) return;
  if (len <= 18) {
    std::int64_t v64 = 0;
    check(decode_zoned64(p, len, f, v64) == decode_status::ok && v64 == v);
  }
  std::uint8_t again[32];
  check(encode_zoned(v, digits, f, again) == decode_status::ok);
  int128_t w = 0;
  check(decode_zoned(again, len, f, w) == decode_status::ok && w == v);
  // Re-decoding the canonical bytes must be a fixed point of encode.
  std::uint8_t third[32];
  check(encode_zoned(w, digits, f, third) == decode_status::ok && std::memcmp(again, third, len) == 0);
}

void fuzz_binary(const std::uint8_t* p, std::size_t n, std::uint8_t opt, std::uint8_t param) {
  static constexpr std::size_t lens[] = {1, 2, 4, 8, 3};
  const std::size_t len = lens[param % 5];
  const binary_format f{(opt & 1) != 0, 1 + (param / 5) % 18,
                        (opt & 2) != 0 ? truncation::binary : truncation::standard,
                        (opt & 4) != 0 ? byte_order::little : byte_order::big};
  if (n < len) return;
  int128_t v = 0;
  const decode_status s = decode_binary_wide(p, len, f, v);
  std::int64_t v64 = 0;
  const decode_status s64 = decode_binary(p, len, f, v64);
  check(s64 == s || (s == decode_status::ok && s64 == decode_status::overflow));
  if (s != decode_status::ok) return;
  if (s64 == decode_status::ok) check(v64 == v);
  std::uint8_t again[8];
  check(encode_binary(v, len, f, again) == decode_status::ok && std::memcmp(again, p, len) == 0);
}

void fuzz_float(const std::uint8_t* p, std::size_t n, std::uint8_t opt, std::uint8_t param) {
  const auto fmt = static_cast<float_format>(opt % 3);
  const std::size_t len = (param & 1) != 0 ? 8 : 4;
  if (n < len) return;
  double v = 0;
  if (decode_float(p, len, fmt, v) != decode_status::ok) return;
  char text[40];
  char* end = format_float(v, len == 4, text);
  check(end > text && end - text <= 32);
  if (std::isnan(v)) return;
  std::uint8_t again[8];
  const decode_status s = encode_float(v, len, fmt, again);
  if (fmt != float_format::ibm_hex) {
    check(s == decode_status::ok && std::memcmp(again, p, len) == 0);
    return;
  }
  // Unnormalised HFP below the smallest normalised value has no normalised encoding, and a
  // long fraction of 56 one-bits rounds (to 53 bits) up past the largest HFP value.
  if (s == decode_status::underflow || (len == 8 && s == decode_status::overflow)) return;
  check(s == decode_status::ok);
  double w = 0;
  check(decode_float(again, len, fmt, w) == decode_status::ok);
  if (len == 4) check(w == v);  // short HFP is exact in double
  std::uint8_t third[8];
  check(encode_float(w, len, fmt, third) == decode_status::ok && std::memcmp(again, third, len) == 0);
}

void fuzz_decimal_text(const std::uint8_t* p, std::size_t n) {
  decimal d;
  if (parse_decimal(std::string_view(reinterpret_cast<const char*>(p), n), d) != decode_status::ok) return;
  char text[48];
  char* end = format_decimal(d, text);
  decimal back;
  check(parse_decimal(std::string_view(text, static_cast<std::size_t>(end - text)), back) ==
            decode_status::ok &&
        back == d);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 3) return 0;
  const std::uint8_t* field = data + 3;
  const std::size_t n = size - 3;
  switch (data[0] % 5) {
    case 0: fuzz_packed(field, n, data[1], data[2]); break;
    case 1: fuzz_zoned(field, n, data[1], data[2]); break;
    case 2: fuzz_binary(field, n, data[1], data[2]); break;
    case 3: fuzz_float(field, n, data[1], data[2]); break;
    default: fuzz_decimal_text(field, n); break;
  }
  return 0;
}
