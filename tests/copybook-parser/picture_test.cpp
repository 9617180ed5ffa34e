// Picture: PICTURE string analysis. Expected values follow the IBM Enterprise COBOL
// Language Reference, "PICTURE clause" (symbol meanings, P scaling, floating insertion,
// categories) and its size rules; the edited-picture sizes were also confirmed with cobc.

#include <gtest/gtest.h>

#include "picture.hpp"

namespace mfb::copybook::detail {
namespace {

struct expect_pic {
  const char* text;
  category kind;
  int chars;
  int digits;
  int scale;
  bool is_signed;
};

class PictureCases : public ::testing::TestWithParam<expect_pic> {};

TEST_P(PictureCases, DigitsScaleSizeAndCategory) {
  const expect_pic& e = GetParam();
  picture_analysis a = analyse_picture(e.text);
  ASSERT_TRUE(a.error.empty()) << e.text << ": " << a.error;
  EXPECT_EQ(a.kind, e.kind) << e.text;
  EXPECT_EQ(a.info.char_count, e.chars) << e.text;
  if (e.kind == category::numeric || e.kind == category::numeric_edited) {
    EXPECT_EQ(a.info.digits, e.digits) << e.text;
    EXPECT_EQ(a.info.scale, e.scale) << e.text;
    EXPECT_EQ(a.info.is_signed, e.is_signed) << e.text;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Picture, PictureCases,
    ::testing::Values(
        expect_pic{"X(10)", category::alphanumeric, 10, 0, 0, false},
        expect_pic{"A(5)", category::alphabetic, 5, 0, 0, false},
        expect_pic{"XXBXX", category::alphanumeric_edited, 5, 0, 0, false},
        expect_pic{"X(2)/X(2)", category::alphanumeric_edited, 5, 0, 0, false},
        expect_pic{"9(5)", category::numeric, 5, 5, 0, false},
        expect_pic{"S9(5)V99", category::numeric, 7, 7, 2, true},
        expect_pic{"s9(3)v9(4)", category::numeric, 7, 7, 4, true},
        expect_pic{"V99", category::numeric, 2, 2, 2, false},
        // P: each P is a digit position that is not stored. PPP999 holds .000ddd,
        // 999PPP holds ddd000 (Language Reference, "P" symbol).
        expect_pic{"PPP999", category::numeric, 3, 3, 6, false},
        expect_pic{"SVPP99", category::numeric, 2, 2, 4, true},
        expect_pic{"999PPP", category::numeric, 3, 3, -3, false},
        expect_pic{"S9PPPV", category::numeric, 1, 1, -3, true},
        expect_pic{"99/99/99", category::numeric_edited, 8, 6, 0, false},
        expect_pic{"ZZ,ZZ9.99-", category::numeric_edited, 10, 7, 2, true},
        expect_pic{"Z(6)VZZ-", category::numeric_edited, 9, 8, 2, true},
        expect_pic{"***,**9.99", category::numeric_edited, 10, 8, 2, false},
        // Floating insertion: the first symbol of the string holds the sign or currency,
        // each further one is a digit position.
        expect_pic{"$$$,$$9.99", category::numeric_edited, 10, 7, 2, false},
        expect_pic{"+++9", category::numeric_edited, 4, 3, 0, true},
        expect_pic{"-9(8)", category::numeric_edited, 9, 8, 0, true},
        expect_pic{"9(5)CR", category::numeric_edited, 7, 5, 0, true},
        expect_pic{"9(5)DB", category::numeric_edited, 7, 5, 0, true},
        expect_pic{"9(3)B9(3)", category::numeric_edited, 7, 6, 0, false},
        expect_pic{"N(4)", category::national, 4, 0, 0, false},
        expect_pic{"G(3)", category::dbcs, 3, 0, 0, false},
        expect_pic{"+9.9E+99", category::floating, 8, 0, 0, true}));

struct bad_pic {
  const char* text;
  const char* error;
  std::size_t offset;
};

class BadPictures : public ::testing::TestWithParam<bad_pic> {};

TEST_P(BadPictures, RejectedWithReasonAndPosition) {
  const bad_pic& b = GetParam();
  picture_analysis a = analyse_picture(b.text);
  EXPECT_EQ(a.error, b.error) << b.text;
  EXPECT_EQ(a.error_offset, b.offset) << b.text;
}

INSTANTIATE_TEST_SUITE_P(
    Picture, BadPictures,
    ::testing::Values(
        bad_pic{"S9(5)VV99", "a PICTURE string may contain only one V", 6},
        bad_pic{"9S9", "S must be the first symbol of a PICTURE string", 1},
        bad_pic{"9(5)Q99", "'Q' is not a PICTURE symbol", 4},
        bad_pic{"X(4", "missing ')' after the repetition factor", 3},
        bad_pic{"X(0)", "the repetition factor '(0)' in the PICTURE string must be a positive integer", 1},
        bad_pic{"(3)X", "a repetition factor in a PICTURE string must follow a symbol", 0},
        bad_pic{"9(3)CR9", "CR must be the last symbol of a PICTURE string", 4},
        bad_pic{"9.9.9", "a PICTURE string may contain only one decimal point", 3}));

TEST(Picture, AlphanumericWithNumericSymbolsIsRejected) {
  EXPECT_FALSE(analyse_picture("X(3)V9").error.empty());
  EXPECT_FALSE(analyse_picture("SX(3)").error.empty());
  EXPECT_FALSE(analyse_picture("").error.empty());
}

TEST(Picture, ExpandsRepetitionFactors) {
  picture_analysis a = analyse_picture("S9(3)V9(2)");
  EXPECT_EQ(a.info.expanded, "S999V99");
  EXPECT_EQ(a.info.text, "S9(3)V9(2)");
  EXPECT_TRUE(a.has_s);
}

TEST(Picture, SignInEditedPictureIsOnlyACobrixExtension) {
  picture_analysis a = analyse_picture("S9(3).99");
  EXPECT_TRUE(a.error.empty());
  EXPECT_EQ(a.nonstandard, "S cannot be used in a numeric-edited PICTURE string");
  EXPECT_EQ(a.info.char_count, 6);  // Cobrix t24 NUM-STR-EDEC03: 6 bytes
}

}  // namespace
}  // namespace mfb::copybook::detail
