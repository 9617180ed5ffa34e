// rehost_field_converter: one field each way. Expected bytes from the conventions'
// definitions: GnuCOBOL's -fsign=ASCII negative overpunch is 0x70-0x79 ('p'-'y'), its
// -fsign=EBCDIC spelling the EBCDIC overpunch as cp037 characters ('{' 'A'-'I' / '}'
// 'J'-'R'); IBM's HFP example -118.625 = C2 76 A0 00; IEEE 754 single -118.625 = C2 ED 40 00.

#include "convert/rehost_field.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <vector>

#include "mfb/ebcdic/zoned.hpp"

namespace mfb::bridge::detail {
namespace {

using bytes = std::vector<std::uint8_t>;

plan_op field(op_code code, std::uint32_t length, ebcdic::zoned_sign sign = {}, int digits = 0) {
  plan_op op;
  op.code = code;
  op.length = length;
  op.sign = static_cast<std::uint8_t>(sign);
  op.digits = static_cast<std::int16_t>(digits);
  op.is_signed = sign != ebcdic::zoned_sign::none;
  return op;
}

struct fixture {
  ebcdic::code_page page = ebcdic::code_page::open("cp037").value();
  rehost_format format;

  // Convert `in` one way; the error text, or the bytes in `out`.
  std::string run(const plan_op& op, const bytes& in, bytes& out, bool reverse = false,
                  copybook::usage use = copybook::usage::display) {
    rehost_field_converter conv(page, format, reverse, ebcdic::float_format::ibm_hex);
    out.assign(in.size(), 0);
    return conv.convert(op, use, in.data(), out.data());
  }
};

TEST(rehost_field, zoned_signs_follow_fsign_ascii_and_back) {
  fixture f;
  auto op = field(op_code::zoned, 3, ebcdic::zoned_sign::trailing_overpunch, 3);
  bytes out;
  ASSERT_EQ(f.run(op, {0xF1, 0xF2, 0xD3}, out), "");
  EXPECT_EQ(out, (bytes{'1', '2', 's'}));  // -123
  ASSERT_EQ(f.run(op, {0xF1, 0xF2, 0xC3}, out), "");
  EXPECT_EQ(out, (bytes{'1', '2', '3'}));  // +123
  ASSERT_EQ(f.run(op, {'1', '2', 's'}, out, true), "");
  EXPECT_EQ(out, (bytes{0xF1, 0xF2, 0xD3}));
  EXPECT_NE(f.run(op, {0xF1, 0xF2, 0xD3}, out, true), "");  // EBCDIC is not the rehosted form
}

TEST(rehost_field, zoned_signs_follow_fsign_ebcdic_and_separate_signs) {
  fixture f;
  f.format.sign = rehost_sign::ebcdic;
  bytes out;
  auto trailing = field(op_code::zoned, 3, ebcdic::zoned_sign::trailing_overpunch, 3);
  ASSERT_EQ(f.run(trailing, {0xF1, 0xF2, 0xD0}, out), "");
  EXPECT_EQ(out, (bytes{'1', '2', '}'}));
  ASSERT_EQ(f.run(trailing, {0xF1, 0xF2, 0xC3}, out), "");
  EXPECT_EQ(out, (bytes{'1', '2', 'C'}));
  ASSERT_EQ(f.run(trailing, {'1', '2', 'L'}, out, true), "");
  EXPECT_EQ(out, (bytes{0xF1, 0xF2, 0xD3}));
  f.format.sign = rehost_sign::ascii;
  auto separate = field(op_code::zoned, 4, ebcdic::zoned_sign::leading_separate, 3);
  ASSERT_EQ(f.run(separate, {0x60, 0xF1, 0xF2, 0xF3}, out), "");
  EXPECT_EQ(out, (bytes{'-', '1', '2', '3'}));
}

TEST(rehost_field, binary_byte_order_and_comp5) {
  fixture f;
  auto op = field(op_code::binary, 2);
  bytes out;
  const bool little = std::endian::native == std::endian::little;
  ASSERT_EQ(f.run(op, {0x00, 0x01}, out, false, copybook::usage::binary), "");
  EXPECT_EQ(out, (bytes{0x00, 0x01}));  // cobc's default: big-endian, as on the mainframe
  ASSERT_EQ(f.run(op, {0x00, 0x01}, out, false, copybook::usage::comp_5), "");
  EXPECT_EQ(out, little ? (bytes{0x01, 0x00}) : (bytes{0x00, 0x01}));  // COMP-5 is native
  f.format.binary_native = true;
  ASSERT_EQ(f.run(op, {0x00, 0x01}, out, false, copybook::usage::binary), "");
  EXPECT_EQ(out, little ? (bytes{0x01, 0x00}) : (bytes{0x00, 0x01}));
  auto packed = field(op_code::packed, 2);
  ASSERT_EQ(f.run(packed, {0x12, 0x3D}, out), "");
  EXPECT_EQ(out, (bytes{0x12, 0x3D}));
}

TEST(rehost_field, hfp_becomes_ieee) {
  fixture f;
  auto op = field(op_code::floating, 4);
  bytes out;
  ASSERT_EQ(f.run(op, {0xC2, 0x76, 0xA0, 0x00}, out), "");
  bytes ieee{0xC2, 0xED, 0x40, 0x00};
  if (std::endian::native == std::endian::little) ieee = {0x00, 0x40, 0xED, 0xC2};
  EXPECT_EQ(out, ieee);
  ASSERT_EQ(f.run(op, ieee, out, true), "");
  EXPECT_EQ(out, (bytes{0xC2, 0x76, 0xA0, 0x00}));
}

TEST(rehost_field, text_charsets) {
  fixture f;
  auto op = field(op_code::text, 3);
  bytes out;
  ASSERT_EQ(f.run(op, {0xC1, 0xC2, 0x40}, out), "");
  EXPECT_EQ(out, (bytes{'A', 'B', ' '}));
  // "AÄ " in cp037
  EXPECT_EQ(f.run(op, {0xC1, 0x63, 0x40}, out), "character U+00C4 at byte 1 has no ASCII form");
  f.format.charset = rehost_charset::latin1;
  ASSERT_EQ(f.run(op, {0xC1, 0x63, 0x40}, out), "");
  EXPECT_EQ(out, (bytes{'A', 0xC4, ' '}));
  f.format.charset = rehost_charset::utf8;
  ASSERT_EQ(f.run(op, {0xC1, 0x63, 0x40}, out), "");
  EXPECT_EQ(out, (bytes{'A', 0xC3, 0x84}));  // the trailing space gives way
  EXPECT_EQ(f.run(op, {0x63, 0x63, 0x40}, out),
            "the text needs 4 bytes in UTF-8; the field holds 3");
  ASSERT_EQ(f.run(op, {'A', 0xC3, 0x84}, out, true), "");
  EXPECT_EQ(out, (bytes{0xC1, 0x63, 0x40}));
}

}  // namespace
}  // namespace mfb::bridge::detail
