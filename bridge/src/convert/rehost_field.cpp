// Field conversions of rehost-file. Numbers are decoded and re-encoded by the ebcdic
// codecs (so a bad value is found, never copied blindly); text goes through the code page.

#include "convert/rehost_field.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdio>

#include "mfb/ebcdic/floating.hpp"
#include "mfb/ebcdic/utf8.hpp"
#include "mfb/ebcdic/zoned.hpp"

namespace mfb::bridge::detail {

namespace eb = mfb::ebcdic;

namespace {

// cobc -fsign=EBCDIC writes zoned data in ASCII digits with the EBCDIC overpunch letters:
// the EBCDIC byte C0-C9 / D0-D9 spelled as the ASCII character cp037 gives it ('{' A-I,
// '}' J-R), F0-F9 as '0'-'9', and the separate signs as '+' and '-'.
constexpr std::array<std::uint8_t, 256> make_fsign_ebcdic_table() {
  std::array<std::uint8_t, 256> t{};
  for (int d = 0; d <= 9; ++d) {
    t[static_cast<std::size_t>(0xF0 + d)] = static_cast<std::uint8_t>('0' + d);
    t[static_cast<std::size_t>(0xC0 + d)] = static_cast<std::uint8_t>(d == 0 ? '{' : 'A' + d - 1);
    t[static_cast<std::size_t>(0xD0 + d)] = static_cast<std::uint8_t>(d == 0 ? '}' : 'J' + d - 1);
  }
  t[0x4E] = '+';
  t[0x60] = '-';
  return t;
}
constexpr auto fsign_ebcdic = make_fsign_ebcdic_table();

bool fsign_ebcdic_back(std::uint8_t ascii, std::uint8_t& out) {
  for (std::size_t b = 0; b < 256; ++b)
    if (fsign_ebcdic[b] == ascii && ascii != 0) {
      out = static_cast<std::uint8_t>(b);
      return true;
    }
  return false;
}

std::string status_text(eb::decode_status st) { return std::string(eb::to_string(st)); }

std::string code_point_text(char32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
  return buf;
}

}  // namespace

rehost_field_converter::rehost_field_converter(const eb::code_page& page,
                                               const rehost_format& format, bool reverse,
                                               eb::float_format mainframe_floats)
    : page_(&page), format_(format), reverse_(reverse), mainframe_floats_(mainframe_floats) {
  const std::uint32_t* cps = page.sbcs_table();
  if (cps == nullptr) return;
  const std::uint32_t limit = format.charset == rehost_charset::latin1 ? 0xFF : 0x7F;
  table_.fill(-1);
  for (std::uint32_t b = 0; b < 256; ++b) {
    if (!reverse) {
      if (cps[b] <= limit) table_[b] = static_cast<std::int16_t>(cps[b]);
      continue;
    }
    if (b > limit) continue;
    char buf[4];
    std::uint8_t byte = 0;
    const std::size_t n = eb::put_utf8(static_cast<char32_t>(b), buf);
    if (page.encode(std::string_view(buf, n), &byte, 1) == eb::decode_status::ok) table_[b] = byte;
  }
  has_table_ = true;
}

bool rehost_field_converter::through_table(const std::uint8_t* in, std::uint8_t* out,
                                           std::size_t len) const {
  if (!has_table_) return false;
  for (std::size_t k = 0; k < len; ++k) {
    const std::int16_t b = table_[in[k]];
    if (b < 0) return false;
    out[k] = static_cast<std::uint8_t>(b);
  }
  return true;
}

std::string rehost_field_converter::convert(const plan_op& op, copybook::usage use,
                                            const std::uint8_t* in, std::uint8_t* out) {
  switch (op.code) {
    case op_code::text:
    case op_code::edited:
      if (op.extra >= 0 && op.code == op_code::text)
        return "a field with its own code page (--field-codepage) has no rehosted form here";
      return reverse_ ? text_to_mainframe(in, out, op.length, false)
                      : text(in, out, op.length, false);
    case op_code::zoned:
      return zoned(op, in, out);
    case op_code::binary:
      binary(op, use, in, out);
      return {};
    case op_code::floating:
      return floating(op, in, out);
    case op_code::packed:    // the same nibbles on every machine
    case op_code::national:  // UTF-16BE is what GnuCOBOL's NATIONAL holds too
    case op_code::raw:       // --raw: kept as its bytes by request
      std::copy(in, in + op.length, out);
      return {};
    case op_code::text_mixed:
    case op_code::dbcs:
      return "DBCS text has no rehosted form here; name the field in --raw to keep its bytes";
    default:
      return "not an elementary field";
  }
}

std::string rehost_field_converter::convert_gap(const std::uint8_t* in, std::uint8_t* out,
                                                std::size_t len) {
  return reverse_ ? text_to_mainframe(in, out, len, true) : text(in, out, len, true);
}

// Mainframe text -> the target character set. UTF-8 may need more bytes than the field
// has: trailing spaces give way, and text that still does not fit is an error (a PIC X(n)
// holds n bytes in GnuCOBOL too). `single_byte`: one byte per character even for UTF-8.
std::string rehost_field_converter::text(const std::uint8_t* in, std::uint8_t* out, std::size_t len,
                                         bool single_byte) {
  if (through_table(in, out, len)) return {};
  utf8_.resize(len * page_->max_utf8_per_byte() + 4);
  std::size_t w = 0;
  if (auto st = page_->decode(in, len, utf8_.data(), w); st != eb::decode_status::ok)
    return status_text(st);
  if (format_.charset == rehost_charset::utf8 && !single_byte) {
    while (w > 0 && utf8_[w - 1] == ' ') --w;
    if (w > len)
      return "the text needs " + std::to_string(w) + " bytes in UTF-8; the field holds " +
             std::to_string(len);
    std::copy(utf8_.data(), utf8_.data() + w, out);
    std::fill(out + w, out + len, std::uint8_t{' '});
    return {};
  }
  const char32_t limit = format_.charset == rehost_charset::latin1 ? 0xFF : 0x7F;
  const char* p = utf8_.data();
  const char* end = p + w;
  std::size_t k = 0;
  for (char32_t cp = 0; k < len && eb::next_utf8(p, end, cp); ++k) {
    if (cp > limit) {
      if (!format_.substitute)
        return "character " + code_point_text(cp) + " at byte " + std::to_string(k) + " has no " +
               (limit == 0xFF ? "Latin-1" : "ASCII") + " form";
      cp = '?';
    }
    out[k] = static_cast<std::uint8_t>(cp);
  }
  if (k != len) return "the text does not decode one character a byte";
  return {};
}

// Rehosted text -> mainframe text through the code page, padded with its space.
std::string rehost_field_converter::text_to_mainframe(const std::uint8_t* in, std::uint8_t* out,
                                                      std::size_t len, bool single_byte) {
  if (through_table(in, out, len)) return {};
  utf8_.clear();
  if (format_.charset == rehost_charset::utf8 && !single_byte) {
    utf8_.assign(reinterpret_cast<const char*>(in), len);
    while (!utf8_.empty() && utf8_.back() == ' ') utf8_.pop_back();
  } else {
    const std::uint8_t limit = format_.charset == rehost_charset::latin1 ? 0xFF : 0x7F;
    char buf[4];
    for (std::size_t k = 0; k < len; ++k) {
      if (in[k] > limit)
        return "byte " + std::to_string(k) + " is " + code_point_text(in[k]) + ", not " +
               (limit == 0xFF ? "Latin-1" : "ASCII");
      utf8_.append(buf, eb::put_utf8(in[k], buf));
    }
  }
  auto policy =
      format_.substitute ? eb::unmappable_policy::substitute : eb::unmappable_policy::fail;
  auto st = page_->encode(utf8_, out, len, policy);
  if (st == eb::decode_status::ok) return {};
  if (st == eb::decode_status::unmappable)
    return "a character has no form in code page " + page_->info().name;
  return status_text(st);
}

std::string rehost_field_converter::zoned(const plan_op& op, const std::uint8_t* in,
                                          std::uint8_t* out) {
  const auto sign = static_cast<eb::zoned_sign>(op.sign);
  const eb::zoned_format mainframe{sign, eb::zoned_charset::ebcdic};
  const eb::zoned_format ascii{sign, eb::zoned_charset::ascii};
  const bool letters = format_.sign == rehost_sign::ebcdic;
  eb::int128_t value = 0;
  eb::decode_status st = eb::decode_status::ok;
  if (!reverse_) {
    st = eb::decode_zoned(in, op.length, mainframe, value);
    if (st == eb::decode_status::ok)
      st = eb::encode_zoned(value, op.digits, letters ? mainframe : ascii, out);
    if (st == eb::decode_status::ok && letters)
      for (std::size_t k = 0; k < op.length; ++k) out[k] = fsign_ebcdic[out[k]];
    return st == eb::decode_status::ok ? std::string{} : status_text(st);
  }
  if (letters) {
    for (std::size_t k = 0; k < op.length; ++k)
      if (!fsign_ebcdic_back(in[k], out[k])) return status_text(eb::decode_status::invalid_digit);
    st = eb::decode_zoned(out, op.length, mainframe, value);
  } else {
    st = eb::decode_zoned(in, op.length, ascii, value);
  }
  if (st == eb::decode_status::ok) st = eb::encode_zoned(value, op.digits, mainframe, out);
  return st == eb::decode_status::ok ? std::string{} : status_text(st);
}

// COMP-5 is always native in GnuCOBOL; COMP/BINARY follow -fbinary-byteorder (big-endian,
// the mainframe's order, by default). The same swap turns both ways.
void rehost_field_converter::binary(const plan_op& op, copybook::usage use, const std::uint8_t* in,
                                    std::uint8_t* out) const {
  const bool native =
      use == copybook::usage::comp_5 || (format_.binary_native && use == copybook::usage::binary);
  if (native && std::endian::native == std::endian::little)
    std::reverse_copy(in, in + op.length, out);
  else
    std::copy(in, in + op.length, out);
}

// COMP-1/COMP-2: mainframe HFP (or --float-format) <-> the machine's IEEE. HFP long keeps
// 56 fraction bits, IEEE double 53: the value is rounded to nearest; a COMP-1 past IEEE
// single's range is an overflow error.
std::string rehost_field_converter::floating(const plan_op& op, const std::uint8_t* in,
                                             std::uint8_t* out) {
  const auto native = std::endian::native == std::endian::little ? eb::float_format::ieee_little
                                                                 : eb::float_format::ieee_big;
  double d = 0;
  auto st = eb::decode_float(in, op.length, reverse_ ? native : mainframe_floats_, d);
  if (st == eb::decode_status::ok)
    st = eb::encode_float(d, op.length, reverse_ ? mainframe_floats_ : native, out);
  return st == eb::decode_status::ok ? std::string{} : status_text(st);
}

}  // namespace mfb::bridge::detail
