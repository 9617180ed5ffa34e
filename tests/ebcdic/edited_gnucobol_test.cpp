// Numeric- and alphanumeric-edited MOVEs checked against GnuCOBOL (`cobc -std=ibm`): a
// generated program MOVEs every value into every picture and DISPLAYs the field between
// brackets; encode must give the same characters, and decode must read back the value
// truncated to the picture.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "mfb/ebcdic/decimal.hpp"
#include "mfb/ebcdic/edited.hpp"
#include "test_support.hpp"

namespace mfb::ebcdic {
namespace {

struct picture_case {
  const char* picture;
  bool blank_when_zero;
};

// Pictures avoid three places where GnuCOBOL 3.1 departs from IBM (see edited.hpp and the
// unit tests): a 0 or / inside a suppression string, leading P, and a fixed + or - before
// a floating currency string ("+$$$9.99": GnuCOBOL shows the sign of a positive value).
const std::vector<picture_case> pictures = {
    {"ZZ,ZZ9.99", false},      {"***,**9.99", false},      {"$$$,$$9.99", false},
    {"+++,++9", false},        {"----9.99", false},        {"9(5)CR", false},
    {"ZZZ9DB", false},         {"Z(5)BZ9", false},         {"99/99/99", false},
    {"9(3)B9(3)B9(4)", false}, {"$Z,ZZ9.99-", false},      {".99", false},
    {"Z.ZZ", false},           {"****.**", false},         {"ZZ,ZZ9.99", true},
    {"9(4).99", true},         {"+9(5).99", false},        {"-ZZ9", false},
    {"ZZZZ", false},           {"ZZZ.ZZ", false},          {"$$$$.$$", false},
    {"++++.++", false},        {"----.--", false},         {"$***,**9.99CR", false},
    {"Z,ZZZ.ZZ+", false},      {"*,***.**+", false},       {"$$,$$$,$$9.99CR", false},
    {"+,+++,999.99", false},   {"$,$$$,999.99", false},    {"ZZ99.99", false},
    {"****.99", false},        {"999.99", false},          {"ZZ9PP", false},
    {"ZZZPP", false},          {"-9.99", false},           {"$ZZ9.99DB", false},
    {"---,--9", false},        {"Z(4)9.9(3)-", false},     {"$$$9.99", true},
    {"+ZZZ,ZZ9", false},       {"ZZZ9V99", false},         {"ZZBZZBZZ9", false},
    {"9(4)00", false},         {"ZZZ,ZZZ,ZZ9.99-", false}, {"$$9.99", false},
    {"$$$$9.99-", false},      {"***.**-", false},         {"-ZZ,ZZ9.99", false},
    {"ZZZ.ZZ", true},          {"9.9999", false},          {"ZZZZZ9-", false},
    {"$$$,999", false},        {"ZZ9.99CR", true},         {"$B*,***,***.**BBDB", false},
    {"**,***,***.**+", false}, {"9(18).9(8)", false},      {"-Z(17)9.9(8)", false},
};

const std::vector<std::string> values = {
    "0",
    "1",
    "-1",
    "7",
    "0.5",
    "-0.05",
    "0.01",
    "12.345",
    "-12.349",
    "123.456789",
    "-0.004",
    "1000",
    "-1000",
    "99999.99",
    "-99999.99",
    "12345.678",
    "123456789.12",
    "-1234567",
    "0.999",
    "100000",
    "-7.1",
    "-12345.67",
    "999999999999999999.99999999",
};

// Pictures under DECIMAL-POINT IS COMMA (values are written with a comma there).
const std::vector<const char*> comma_pictures = {
    "ZZ.ZZ9,99", "---.--9,99", "$$$.$$9,99CR", "Z,ZZ", "***.**9,99", "9(3).9(3),99",
};

struct alnum_case {
  const char* picture;
};
const std::vector<alnum_case> alnum_pictures = {
    {"XXBXX"}, {"X(3)/X(2)/X(2)"}, {"XX0XX"}, {"AABAA"}, {"X(4)BBX(4)"},
};
const std::vector<std::string> alnum_values = {"ABCDEFGHIJ", "AB", "", "ABCD"};

std::string pad_name(std::size_t i) {
  std::string n = std::to_string(i);
  return "E" + std::string(n.size() < 3 ? 3 - n.size() : 0, '0') + n;
}

// Build a fixed-format program that MOVEs each literal to S (PIC `source`), then S to
// every edited field, DISPLAYing each between brackets. Lines stay within column 72.
std::string make_program(const char* source, const std::vector<picture_case>& pics,
                         const std::vector<std::string>& literals, bool comma) {
  std::string p =
      "       IDENTIFICATION DIVISION.\n"
      "       PROGRAM-ID. EDTEST.\n"
      "       ENVIRONMENT DIVISION.\n";
  if (comma) {
    p += "       CONFIGURATION SECTION.\n       SPECIAL-NAMES.\n"
         "           DECIMAL-POINT IS COMMA.\n";
  }
  p += "       DATA DIVISION.\n       WORKING-STORAGE SECTION.\n";
  p += std::string("       01 S PIC ") + source + ".\n";
  for (std::size_t i = 0; i < pics.size(); ++i) {
    p += "       01 " + pad_name(i) + " PIC " + pics[i].picture;
    p += pics[i].blank_when_zero ? "\n           BLANK WHEN ZERO.\n" : ".\n";
  }
  p += "       PROCEDURE DIVISION.\n";
  for (const std::string& lit : literals) {
    p += "           MOVE " + lit + " TO S\n           PERFORM SHOW\n";
  }
  p += "           STOP RUN.\n       SHOW.\n";
  for (std::size_t i = 0; i < pics.size(); ++i) {
    p += "           MOVE S TO " + pad_name(i) + "\n";
    p += "           DISPLAY \"[\" " + pad_name(i) + " \"]\"\n";
  }
  p += "           .\n";
  return p;
}

// The numeric program: values as literals (with a decimal comma when `comma`).
std::string make_program(const std::vector<picture_case>& pics,
                         const std::vector<std::string>& vals, bool comma) {
  std::vector<std::string> literals = vals;
  for (std::string& lit : literals) {
    for (char& ch : lit) ch = (comma && ch == '.') ? ',' : ch;
  }
  return make_program("S9(18)V9(8)", pics, literals, comma);
}

// Compile and run `program`; return the bracketed fields it displayed, in order.
std::vector<std::string> run_cobol(const std::string& program) {
  test::temp_dir dir;
  test::write_file(dir.path() / "edtest.cbl", program);
  const std::string d = dir.path().string();
  const auto built = test::run_command("cd '" + d + "' && cobc -std=ibm -x edtest.cbl 2>&1");
  EXPECT_EQ(built.status, 0) << built.out << built.err;
  const auto ran = test::run_command("cd '" + d + "' && ./edtest");
  EXPECT_EQ(ran.status, 0) << ran.err;
  std::vector<std::string> fields;
  std::size_t at = 0;
  while (at < ran.out.size()) {
    std::size_t nl = ran.out.find('\n', at);
    if (nl == std::string::npos) nl = ran.out.size();
    const std::string line = ran.out.substr(at, nl - at);
    if (line.size() >= 2 && line.front() == '[' && line.back() == ']') {
      fields.push_back(line.substr(1, line.size() - 2));
    }
    at = nl + 1;
  }
  return fields;
}

__extension__ typedef __int128 i128;

i128 pow10(int n) {
  i128 p = 1;
  while (n-- > 0) p *= 10;
  return p;
}

// The value MOVE leaves in the picture: truncated at the picture's scale on the right and
// at its digits on the left (integer arithmetic, independent of the editor).
struct moved {
  decimal value;
  bool overflow = false;
};
moved expected_move(const decimal& v, const edit_pattern& pat) {
  i128 u = v.unscaled;
  if (v.scale >= pat.scale()) {
    u /= pow10(v.scale - pat.scale());
  } else {
    u *= pow10(pat.scale() - v.scale);
  }
  moved m;
  const i128 limit = pow10(pat.digits());
  m.overflow = u >= limit || u <= -limit;
  m.value = decimal{u % limit, pat.scale()};
  return m;
}

// Cells where GnuCOBOL 3.1 reads one source digit more than the picture holds, and then
// differs from IBM (and from this editor):
// - a trailing + or - takes the digit right of the last fraction digit, so a value that
//   truncates to zero is edited as non-zero and shows a minus sign;
// - a leading sign or currency symbol takes the digit left of the first digit position,
//   so a value that overflows by one digit turns zero suppression off.
bool gnucobol_extra_digit_quirk(const std::string& pic, const moved& m, const decimal& v) {
  const char last = pic.back();
  const char first = pic.front();
  const bool trailing = (last == '+' || last == '-') && m.value.unscaled == 0 && v.unscaled != 0;
  const bool leading = (first == '+' || first == '-' || first == '$') && m.overflow;
  return trailing || leading;
}

void check_cells(const std::vector<picture_case>& pics, const std::vector<std::string>& vals,
                 const std::vector<std::string>& fields, bool comma) {
  ASSERT_EQ(fields.size(), pics.size() * vals.size());
  int compared = 0;
  for (std::size_t vi = 0; vi < vals.size(); ++vi) {
    decimal v;
    ASSERT_EQ(parse_decimal(vals[vi], v), decode_status::ok) << vals[vi];
    for (std::size_t pi = 0; pi < pics.size(); ++pi) {
      const std::string pic = pics[pi].picture;
      auto pat = edit_pattern::compile(pic, pics[pi].blank_when_zero, comma);
      ASSERT_TRUE(pat.ok()) << pic << ": " << pat.err().message;
      const std::string& cobol = fields[vi * pics.size() + pi];
      const moved m = expected_move(v, *pat);
      if (gnucobol_extra_digit_quirk(pic, m, v)) continue;
      std::string ours(pat->length(), '?');
      const decode_status st = pat->encode(v, ours.data());
      EXPECT_EQ(ours, cobol) << "MOVE " << vals[vi] << " TO PIC " << pic
                             << (pics[pi].blank_when_zero ? " BLANK WHEN ZERO" : "");
      EXPECT_EQ(st, m.overflow ? decode_status::overflow : decode_status::ok)
          << vals[vi] << " into " << pic;
      decimal back;
      EXPECT_EQ(pat->decode(cobol, back), decode_status::ok)
          << "decode [" << cobol << "] with PIC " << pic;
      // Unsigned pictures drop the sign; a negative value overflowing to zero shows none.
      decimal want = m.value;
      if (!pat->is_signed() && want.unscaled < 0) want.unscaled = -want.unscaled;
      EXPECT_EQ(to_string(back), to_string(want)) << "decode [" << cobol << "] PIC " << pic;
      ++compared;
    }
  }
  // The quirk cells above are a minority; most of the grid must have been compared.
  EXPECT_GT(compared, static_cast<int>(pics.size() * vals.size() * 4 / 5));
}

TEST(edited_gnucobol, numeric_edited_moves_match) {
  if (!test::have_program("cobc")) GTEST_SKIP() << "cobc (GnuCOBOL) not installed";
  ASSERT_GE(pictures.size(), 40u);
  const auto fields = run_cobol(make_program(pictures, values, false));
  check_cells(pictures, values, fields, false);
}

TEST(edited_gnucobol, decimal_point_is_comma) {
  if (!test::have_program("cobc")) GTEST_SKIP() << "cobc (GnuCOBOL) not installed";
  std::vector<picture_case> pics;
  for (const char* p : comma_pictures) pics.push_back({p, false});
  const std::vector<std::string> vals = {"0", "1", "-1234.567", "0.05", "-7.1", "98765.4"};
  const auto fields = run_cobol(make_program(pics, vals, true));
  check_cells(pics, vals, fields, true);
}

TEST(edited_gnucobol, alphanumeric_edited_moves_match) {
  if (!test::have_program("cobc")) GTEST_SKIP() << "cobc (GnuCOBOL) not installed";
  std::vector<picture_case> pics;
  for (const alnum_case& a : alnum_pictures) pics.push_back({a.picture, false});
  std::vector<std::string> literals;
  for (const std::string& v : alnum_values) literals.push_back("\"" + v + "\"");
  const auto fields = run_cobol(make_program("X(10)", pics, literals, false));
  ASSERT_EQ(fields.size(), alnum_pictures.size() * alnum_values.size());
  for (std::size_t vi = 0; vi < alnum_values.size(); ++vi) {
    // The program MOVEs the PIC X(10) field S, so the data is the value padded to 10.
    std::string data = alnum_values[vi];
    data.resize(10, ' ');
    for (std::size_t pi = 0; pi < alnum_pictures.size(); ++pi) {
      auto pat = alnum_edit_pattern::compile(alnum_pictures[pi].picture);
      ASSERT_TRUE(pat.ok()) << pat.err().message;
      const std::string& cobol = fields[vi * alnum_pictures.size() + pi];
      std::string ours(pat->length(), '?');
      const decode_status st = pat->insert(data, ours.data());
      EXPECT_EQ(ours, cobol) << "MOVE \"" << data << "\" TO PIC " << alnum_pictures[pi].picture;
      EXPECT_EQ(st, data.size() > pat->data_length() ? decode_status::overflow : decode_status::ok);
      std::string back(pat->data_length(), '?');
      ASSERT_EQ(pat->remove(cobol, back.data()), decode_status::ok);
      EXPECT_EQ(back, data.substr(0, pat->data_length()));
    }
  }
}

}  // namespace
}  // namespace mfb::ebcdic
