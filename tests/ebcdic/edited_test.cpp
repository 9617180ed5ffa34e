// Unit tests of edit_pattern and alnum_edit_pattern. Expected texts come from the worked
// examples of IBM's Enterprise COBOL Language Reference (PICTURE clause: simple, special,
// fixed and floating insertion, zero suppression), or are derived by hand from its rules
// where noted; the GnuCOBOL grid lives in edited_gnucobol_test.cpp.

#include "mfb/ebcdic/edited.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "mfb/ebcdic/decimal.hpp"

namespace mfb::ebcdic {
namespace {

decimal dec(const char* text) {
  decimal d;
  EXPECT_EQ(parse_decimal(text, d), decode_status::ok) << text;
  return d;
}

edit_pattern compile(const char* picture, bool bwz = false, bool comma = false) {
  auto p = edit_pattern::compile(picture, bwz, comma);
  EXPECT_TRUE(p.ok()) << picture << ": " << (p.ok() ? "" : p.err().message);
  return p.ok() ? std::move(p).value() : edit_pattern{};
}

std::string edit(const char* picture, const char* value, bool bwz = false, bool comma = false,
                 decode_status want = decode_status::ok) {
  const edit_pattern p = compile(picture, bwz, comma);
  std::string out(p.length(), '?');
  EXPECT_EQ(p.encode(dec(value), out.data()), want) << picture << " <- " << value;
  return out;
}

std::string read(const char* picture, std::string_view text, bool bwz = false) {
  const edit_pattern p = compile(picture, bwz);
  decimal d;
  const decode_status st = p.decode(text, d);
  return st == decode_status::ok ? to_string(d) : std::string("!") + to_string(st);
}

TEST(edit_pattern, ibm_zero_suppression_examples) {
  EXPECT_EQ(edit("****.**", "0"), "****.**");
  EXPECT_EQ(edit("ZZZZ.ZZ", "0"), "       ");
  EXPECT_EQ(edit("ZZZZ.99", "0"), "    .00");
  EXPECT_EQ(edit("****.99", "0"), "****.00");
  EXPECT_EQ(edit("ZZ99.99", "0"), "  00.00");
  EXPECT_EQ(edit("Z,ZZZ.ZZ+", "123.456"), "  123.45+");
  EXPECT_EQ(edit("*,***.**+", "-123.45"), "**123.45-");
  EXPECT_EQ(edit("**,***,***.**+", "12345678.9"), "12,345,678.90+");
  EXPECT_EQ(edit("$Z,ZZZ,ZZZ.ZZCR", "12345.67"), "$   12,345.67  ");
  EXPECT_EQ(edit("$B*,***,***.**BBDB", "-12345.67"), "$ ***12,345.67  DB");
}

TEST(edit_pattern, ibm_floating_insertion_examples) {
  EXPECT_EQ(edit("$$$$.99", ".123"), "   $.12");
  EXPECT_EQ(edit("$$$9.99", ".12"), "  $0.12");
  EXPECT_EQ(edit("$,$$$,999.99", "-1234.56"), "   $1,234.56");
  EXPECT_EQ(edit("+,+++,999.99", "-123456.789"), " -123,456.78");
  EXPECT_EQ(edit("$$,$$$,$$$.99CR", "-1234567"), "$1,234,567.00CR");
  EXPECT_EQ(edit("++,+++,+++.+++", "0"), "              ");
}

TEST(edit_pattern, ibm_simple_special_and_fixed_insertion_examples) {
  EXPECT_EQ(edit("999.99", "1.234"), "001.23");
  EXPECT_EQ(edit("999.99", "12.34"), "012.34");
  EXPECT_EQ(edit("999.99", "123.45"), "123.45");
  EXPECT_EQ(edit("999.99", "1234.5", false, false, decode_status::overflow), "234.50");
  EXPECT_EQ(edit("99,B999,B000", "1234"), "01, 234, 000");
  EXPECT_EQ(edit("99,999", "12345"), "12,345");
  EXPECT_EQ(edit("999.99+", "6555.556", false, false, decode_status::overflow), "555.55+");
  EXPECT_EQ(edit("+9999.99", "-6555.555"), "-6555.55");
  EXPECT_EQ(edit("9999.99", "1234.56"), "1234.56");
  EXPECT_EQ(edit("$999.99", "-123.45"), "$123.45");
  EXPECT_EQ(edit("-$999.99", "-123.456"), "-$123.45");
  EXPECT_EQ(edit("-$999.99", "123.456"), " $123.45");
  EXPECT_EQ(edit("$9999.99CR", "123.45"), "$0123.45  ");
  EXPECT_EQ(edit("$9999.99DB", "-123.45"), "$0123.45DB");
}

// Derived from IBM's rules where GnuCOBOL 3.1 differs (so the oracle grid leaves them out).
TEST(edit_pattern, ibm_rules_where_gnucobol_differs) {
  // Simple insertion 0 and / inside a suppression string are replaced like , and B.
  EXPECT_EQ(edit("ZZ/ZZ9", "5"), "     5");
  EXPECT_EQ(edit("**/**9", "5"), "*****5");
  EXPECT_EQ(edit("ZZ0ZZ9", "123"), "   123");
  EXPECT_EQ(edit("ZZ/ZZ9", "1234"), " 1/234");
  // A fixed sign before a floating currency string keeps its own meaning.
  EXPECT_EQ(edit("+$$$9.99", "-1"), "-  $1.00");
  EXPECT_EQ(edit("+$$$9.99", "5"), "+  $5.00");
  EXPECT_EQ(edit("-$$$,$$9.99", "0"), "      $0.00");
  // A trailing sign of a value truncated to zero: the result is +0, as for a leading sign.
  EXPECT_EQ(edit("ZZ9.99-", "-0.004"), "  0.00 ");
  EXPECT_EQ(edit("***.**-", "-0.001"), "***.***");
  // The leftmost floating symbol is never a digit, even when the value overflows.
  EXPECT_EQ(edit("$$$$.$$", "1000", false, false, decode_status::overflow), "       ");
  EXPECT_EQ(edit("+,+++,999.99", "123456789.12", false, false, decode_status::overflow),
            " +456,789.12");
}

TEST(edit_pattern, p_scaling_and_v) {
  const edit_pattern lead = compile("VPP99");
  EXPECT_EQ(lead.length(), 2u);
  EXPECT_EQ(lead.scale(), 4);
  EXPECT_EQ(lead.digits(), 2);
  EXPECT_EQ(edit("VPP99", "0.00123"), "12");
  EXPECT_EQ(edit("PP99", "0.00123"), "12");
  EXPECT_EQ(edit("PPZZ", "0.0005"), " 5");
  EXPECT_EQ(edit("PPZZ", "0.00005"), "  ");
  EXPECT_EQ(edit("VPP99", "0.0123", false, false, decode_status::overflow), "23");
  EXPECT_EQ(read("VPP99", "45"), "0.0045");
  const edit_pattern trail = compile("ZZ9PP");
  EXPECT_EQ(trail.scale(), -2);
  EXPECT_EQ(edit("ZZ9PP", "12345"), "123");
  EXPECT_EQ(edit("ZZ9PP", "99"), "  0");
  decimal d;
  ASSERT_EQ(trail.decode(" 12", d), decode_status::ok);
  EXPECT_EQ(d.unscaled, 12);
  EXPECT_EQ(d.scale, -2);  // 1200
  EXPECT_EQ(edit("ZZZ9V99", "12.345"), "  1234");
  EXPECT_EQ(read("ZZZ9V99", "  1234"), "12.34");
}

TEST(edit_pattern, repetition_case_and_accessors) {
  EXPECT_EQ(edit("Z(3)9.9(2)CR", "-1.5"), "   1.50CR");
  EXPECT_EQ(edit("zzz9.99cr", "-1.5"), "   1.50CR");
  const edit_pattern p = compile("$$$,$$9.99-");
  EXPECT_EQ(p.length(), 11u);
  EXPECT_EQ(p.digits(), 7);
  EXPECT_EQ(p.scale(), 2);
  EXPECT_TRUE(p.is_signed());
  EXPECT_FALSE(compile("$$$,$$9.99").is_signed());
  EXPECT_EQ(compile("9(3)B9(3)B9(4)").length(), 12u);
}

TEST(edit_pattern, decimal_point_is_comma) {
  EXPECT_EQ(edit("ZZ.ZZ9,99", "12345.67", false, true), "12.345,67");
  EXPECT_EQ(edit("$$$.$$9,99CR", "-0.5", false, true), "     $0,50CR");
  const edit_pattern p = compile("Z.ZZ9,99", false, true);
  decimal d;
  ASSERT_EQ(p.decode("1.234,50", d), decode_status::ok);
  EXPECT_EQ(to_string(d), "1234.50");
  EXPECT_EQ(p.decode("1,234.50", d), decode_status::invalid_edited);
}

TEST(edit_pattern, blank_when_zero) {
  EXPECT_EQ(edit("9.99", "0.004", true), "    ");
  EXPECT_EQ(edit("-Z9.99", "-0.001", true), "      ");
  EXPECT_EQ(edit("9.99", "0.01", true), "0.01");
  EXPECT_EQ(read("9.99", "    ", true), "0.00");
  EXPECT_EQ(read("9.99", "0.00", true),
            std::string("!") + to_string(decode_status::invalid_edited));
}

TEST(edit_pattern, wide_values) {
  EXPECT_EQ(edit("9(31)", "1234567890123456789012345678901"), "1234567890123456789012345678901");
  EXPECT_EQ(edit("-Z(20)9.9(10)", "-12345678901234567890.0123456789"),
            "- 12345678901234567890.0123456789");
  EXPECT_EQ(read("-Z(20)9.9(10)", "- 12345678901234567890.0123456789"),
            "-12345678901234567890.0123456789");
  // A value at a coarser scale than the picture is scaled up, exactly.
  const edit_pattern p = compile("ZZZ9.99");
  std::string out(p.length(), '?');
  EXPECT_EQ(p.encode(decimal{5, -2}, out.data()), decode_status::ok);
  EXPECT_EQ(out, " 500.00");
  EXPECT_EQ(p.encode(decimal{5, -4}, out.data()), decode_status::overflow);
  EXPECT_EQ(out, "   0.00");
}

TEST(edit_pattern, decode_reads_back_what_encode_wrote) {
  const char* pictures[] = {"ZZ,ZZ9.99-", "$$$,$$9.99CR", "+++,++9.99", "***,**9.99DB", "-ZZZ9",
                            "ZZZ.ZZ",     "99/99/99",     "$Z,ZZ9.99+", "----.--"};
  const char* values[] = {"0",    "0.01",    "-0.01",  "1",        "-1",
                          "12.3", "-999.99", "1234.5", "-9999.99", "0.5"};
  for (const char* pic : pictures) {
    const edit_pattern p = compile(pic);
    for (const char* v : values) {
      std::string out(p.length(), '?');
      const decimal in = dec(v);
      if (p.encode(in, out.data()) != decode_status::ok) continue;
      decimal back;
      ASSERT_EQ(p.decode(out, back), decode_status::ok) << pic << " [" << out << "]";
      decimal want{in.unscaled, p.scale()};  // MOVE truncates the extra fraction digits
      for (int s = in.scale; s > p.scale(); --s) want.unscaled /= 10;
      for (int s = in.scale; s < p.scale(); ++s) want.unscaled *= 10;
      if (!p.is_signed() && want.unscaled < 0) want.unscaled = -want.unscaled;
      EXPECT_EQ(back, want) << pic << " [" << out << "]";
    }
  }
}

TEST(edit_pattern, decode_rejects_text_the_picture_cannot_produce) {
  const std::string bad = std::string("!") + to_string(decode_status::invalid_edited);
  EXPECT_EQ(read("ZZ9.99", "012.00"), bad);  // leading zero not suppressed
  EXPECT_EQ(read("ZZ9.99", " 1a.00"), bad);  // not a digit
  EXPECT_EQ(read("ZZ9.99", "  1,00"), bad);  // wrong decimal point
  EXPECT_EQ(read("ZZ9.99", "      "), bad);  // a 9 position cannot be blank
  EXPECT_EQ(read("ZZ9.99", " 1 .00"), bad);  // a gap after significance
  EXPECT_EQ(read("ZZ9.99", "  1.00 "), std::string("!") + to_string(decode_status::invalid_length));
  EXPECT_EQ(read("$$$9.99", "$ 12.00"), bad);  // currency not next to the digits
  EXPECT_EQ(read("$$$9.99", " $12.00"), "12.00");
  EXPECT_EQ(read("ZZ9.99CR", "  1.00cr"), bad);
  EXPECT_EQ(read("ZZ9.99CR", "  1.00DB"), bad);
  EXPECT_EQ(read("ZZ9.99CR", "  1.00CR"), "-1.00");
  EXPECT_EQ(read("-ZZ9", "+  1"), bad);
  EXPECT_EQ(read("-ZZ9", "-  1"), "-1");
  EXPECT_EQ(read("-9.99", "-0.00"), bad);  // MOVE never shows a negative zero
  EXPECT_EQ(read("+++9", " -+5"), bad);
  EXPECT_EQ(read("+++9", "  -5"), "-5");
  EXPECT_EQ(read("***,**9.99", "***,*12.50"), bad);  // the comma stays once significant
  EXPECT_EQ(read("***,**9.99", "*****12.50"), "12.50");
  EXPECT_EQ(read("****.**", "****.**"), "0.00");
  EXPECT_EQ(read("ZZZ.ZZ", "      "), "0.00");
  EXPECT_EQ(read("ZZZ.ZZ", "   .00"), bad);  // all-Z zero is all spaces
  EXPECT_EQ(read("99/99/99", "12-31-99"), bad);
  EXPECT_EQ(read("99/99/99", "12/31/99"), "123199");
}

// Property: whatever text decode accepts, encoding the value it returns gives that text
// back; mutated fields are either rejected or are themselves valid edits.
TEST(edit_pattern, accepted_text_is_exactly_what_encode_writes) {
  const char* pictures[] = {"ZZ,ZZ9.99-", "$$$,$$9.99CR",   "+++,++9.99", "***,**9.99DB",
                            "ZZZ.ZZ",     "$B*,***.**BBDB", "----.--",    "99/99/99",
                            "Z(4)BZ9",    "$Z,ZZ9.99+"};
  const char alphabet[] = " 0123456789$*+-.,/BCDR";
  std::mt19937 rng(7);
  for (const char* pic : pictures) {
    const edit_pattern p = compile(pic);
    std::uniform_int_distribution<long long> value(-99999999, 99999999);
    std::uniform_int_distribution<std::size_t> pos(0, p.length() - 1);
    std::uniform_int_distribution<std::size_t> sym(0, sizeof alphabet - 2);
    int accepted_mutants = 0;
    for (int round = 0; round < 2000; ++round) {
      std::string text(p.length(), '?');
      p.encode(decimal{value(rng) / (round % 3 == 0 ? 1000 : 1), 2}, text.data());
      text[pos(rng)] = alphabet[sym(rng)];
      decimal d;
      if (p.decode(text, d) != decode_status::ok) continue;
      std::string again(p.length(), '?');
      EXPECT_EQ(p.encode(d, again.data()), decode_status::ok);
      EXPECT_EQ(again, text) << pic;
      ++accepted_mutants;
    }
    EXPECT_GT(accepted_mutants, 0) << pic;  // e.g. a digit replaced by another digit
  }
}

TEST(edit_pattern, compile_rejects_bad_pictures) {
  const char* bad[] = {"",      "ZZ**9", "9Z",  "+9-", "CR99",  "9.9.9",  "$$$ZZ9",  "99V9.9",
                       "X(3)9", "9(0)",  "9(",  "(3)", "Z(40)", "+++9CR", "9(3).PP", "ZZ.Z9",
                       "ZZ9ZZ", "9+9",   "$9$", "Q99", "+$$+",  "9(300)", "Z9PP9",   ".$$"};
  for (const char* pic : bad) {
    EXPECT_FALSE(edit_pattern::compile(pic).ok()) << pic;
  }
  EXPECT_FALSE(edit_pattern::compile("***.**", true).ok());  // BLANK WHEN ZERO with *
}

TEST(alnum_edit_pattern, insert_and_remove) {
  auto p = alnum_edit_pattern::compile("XX/XX/X(4)");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->length(), 10u);
  EXPECT_EQ(p->data_length(), 8u);
  std::string out(p->length(), '?');
  EXPECT_EQ(p->insert("12312024", out.data()), decode_status::ok);
  EXPECT_EQ(out, "12/31/2024");
  EXPECT_EQ(p->insert("1231", out.data()), decode_status::ok);
  EXPECT_EQ(out, "12/31/    ");
  EXPECT_EQ(p->insert("123120245", out.data()), decode_status::overflow);
  EXPECT_EQ(out, "12/31/2024");
  std::string data(p->data_length(), '?');
  EXPECT_EQ(p->remove("01/02/1999", data.data()), decode_status::ok);
  EXPECT_EQ(data, "01021999");
  EXPECT_EQ(p->remove("01-02-1999", data.data()), decode_status::invalid_edited);
  EXPECT_EQ(p->remove("01/02/199", data.data()), decode_status::invalid_length);

  auto b = alnum_edit_pattern::compile("AAB0X");
  ASSERT_TRUE(b.ok());
  std::string o(b->length(), '?');
  EXPECT_EQ(b->insert("ABC", o.data()), decode_status::ok);
  EXPECT_EQ(o, "AB 0C");
  EXPECT_FALSE(alnum_edit_pattern::compile("XXZ").ok());
  EXPECT_FALSE(alnum_edit_pattern::compile("X.X").ok());
}

}  // namespace
}  // namespace mfb::ebcdic
