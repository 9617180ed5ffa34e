// Cobrix's forms of numeric-edited pictures: S with the sign overpunched on the last digit
// (S9(3).99, the bytes of Cobrix's peer file t24: F3 F0 F5 4B F0 D3 is -305.03), and '+'
// read on a fixed '-' (t24's EX-NUM fields). IBM's MOVE never writes either: S is refused
// by the copybook parser unless --cobrix, and '+' on '-' only with cobrix_signs.

#include <gtest/gtest.h>

#include <string>

#include "mfb/ebcdic/edited.hpp"

namespace mfb::ebcdic {
namespace {

std::string read(const char* picture, std::string_view text, bool cobrix_signs = false,
                 decode_status want = decode_status::ok) {
  auto p = edit_pattern::compile(picture, false, false, cobrix_signs);
  EXPECT_TRUE(p.ok()) << picture;
  if (!p.ok()) return "";
  decimal d;
  EXPECT_EQ(p.value().decode(text, d), want) << picture << " " << text;
  return want == decode_status::ok ? to_string(d) : "";
}

TEST(EditedCobrix, OverpunchedSignAfterAnExplicitPoint) {
  EXPECT_EQ(read("S9(3).99", "305.0L"), "-305.03");  // D3
  EXPECT_EQ(read("S9(3).99", "784.4I"), "784.49");   // C9
  EXPECT_EQ(read("S9(3).99", "131.4{"), "131.40");   // C0
  EXPECT_EQ(read("S9(4).9(4)", "6508.549}"), "-6508.5490");  // D0
  EXPECT_EQ(read("S9(3).99", "305.03"), "305.03");  // zone F: unsigned, positive
  read("S9(3).99", "305.0*", false, decode_status::invalid_edited);
  read("S9(3).99", "30 .03", false, decode_status::invalid_edited);
  auto p = edit_pattern::compile("S9(3).99");
  ASSERT_TRUE(p.ok());
  EXPECT_TRUE(p.value().is_signed());
  EXPECT_EQ(p.value().length(), 6u);
  std::string out(6, '?');
  decimal v;
  ASSERT_EQ(parse_decimal("-720.91", v), decode_status::ok);
  ASSERT_EQ(p.value().encode(v, out.data()), decode_status::ok);
  EXPECT_EQ(out, "720.9J");
}

TEST(EditedCobrix, SIsRefusedWhereItCannotBeAnOverpunch) {
  EXPECT_FALSE(edit_pattern::compile("9S99").ok());
  EXPECT_FALSE(edit_pattern::compile("S9(3).99-").ok());
  EXPECT_FALSE(edit_pattern::compile("S999CR").ok());
  EXPECT_FALSE(edit_pattern::compile("SZZZ").ok());
  EXPECT_FALSE(edit_pattern::compile("S999", true).ok());  // BLANK WHEN ZERO
}

TEST(EditedCobrix, PlusOnAFixedMinusOnlyWithCobrixSigns) {
  EXPECT_EQ(read("-9(8)", "+70057604", true), "70057604");
  EXPECT_EQ(read("Z(8)-", "70057604+", true), "70057604");
  EXPECT_EQ(read("9(6).99-", "700576.04+", true), "700576.04");
  EXPECT_EQ(read("-9(8)", "-70057604", true), "-70057604");
  read("-9(8)", "+70057604", false, decode_status::invalid_edited);
  EXPECT_EQ(read("-9(8)", " 70057604", false), "70057604");
}

}  // namespace
}  // namespace mfb::ebcdic
