// Record encoder: bytes checked against IBM's documented encodings (packed -1234.50 is
// 01 23 45 0D, cp037 'A' is C1, zoned +12 in S9(3) is F0 F1 C2), every field error of a
// record collected, REDEFINES choice and ODO shifting.

#include "mfb/bridge/codec/record_encoder.hpp"

#include <gtest/gtest.h>

#include "mfb/copybook/parse.hpp"
#include "test_support.hpp"

namespace mfb::bridge {
namespace {

struct fixture {
  copybook::record_layout layout;
  ebcdic::code_page page = *ebcdic::code_page::open("cp037");
  encode_plan plan;
  explicit fixture(const char* text, encode_options o = {}, std::vector<std::string> keep = {})
      : layout(copybook::parse_copybook_text(text, "t.cpy").records.at(0)),
        plan(*encode_plan::compile(layout, page, o, keep)) {}
  std::string hex(std::string_view json, std::vector<field_error>* errs = nullptr) {
    record_encoder e(plan);
    encoded_record r;
    std::vector<field_error> local;
    bool ok = e.encode(json, r, errs ? *errs : local);
    if (!ok) return "ERR";
    return test::to_hex(r.bytes.data(), r.odo_length);
  }
};

const char* basic = R"(
       01  R.
           05  NAME   PIC X(3).
           05  AMT    PIC S9(5)V99 COMP-3.
           05  N      PIC S9(3).
           05  FILLER PIC X.
           05  FILLER PIC 9(2) COMP-3.
)";

TEST(record_encoder, ibm_encodings_and_fillers) {
  fixture f(basic);
  EXPECT_EQ(f.hex(R"({"NAME":"A","AMT":-1234.50,"N":12})"), "C14040" "0123450D" "F0F1C2" "40" "000F");
  // Numbers as strings and with exponents are exact too.
  EXPECT_EQ(f.hex(R"({"NAME":"A","AMT":"-1.2345E3","N":"+12"})"), "C14040" "0123450D" "F0F1C2" "40" "000F");
}

TEST(record_encoder, every_bad_field_is_reported) {
  fixture f(basic);
  std::vector<field_error> errs;
  EXPECT_EQ(f.hex(R"({"NAME":"ABCD","AMT":1.234,"X":1})", &errs), "ERR");
  ASSERT_EQ(errs.size(), 4u);
  EXPECT_EQ(errs[0].path, "R.NAME");
  EXPECT_NE(errs[0].reason.find("text too long"), std::string::npos);
  EXPECT_EQ(errs[1].path, "R.AMT");
  EXPECT_EQ(errs[1].value, "1.234");
  EXPECT_EQ(errs[2].to_string(), "R.N: missing field");
  EXPECT_EQ(errs[3].to_string(), "R.X: unknown key (value: 1)");
  errs.clear();
  EXPECT_EQ(f.hex(R"({"NAME":"A", "AMT": 1,})", &errs), "ERR");
  EXPECT_NE(errs.at(0).reason.find("invalid JSON"), std::string::npos);
}

TEST(record_encoder, redefines_original_wins_then_first_given_then_kept) {
  const char* text = R"(
       01  R.
           05  A      PIC X(2).
           05  B REDEFINES A PIC 9(2).
)";
  fixture f(text);
  EXPECT_EQ(f.hex(R"({"A":"XY","B":12})"), "E7E8");
  EXPECT_EQ(f.hex(R"({"A":null,"B":12})"), "F1F2");
  fixture k(text, {}, {"B"});
  EXPECT_EQ(k.hex(R"({"A":"XY","B":12})"), "F1F2");
}

TEST(record_encoder, odo_moves_later_items_and_checks_the_count) {
  fixture f(R"(
       01  R.
           05  N      PIC 9.
           05  T OCCURS 1 TO 3 DEPENDING ON N PIC X.
           05  Z      PIC X.
)");
  EXPECT_EQ(f.hex(R"({"N":2,"T":["A","B"],"Z":"C"})"), "F2C1C2C3");
  EXPECT_EQ(f.hex(R"({"T":["A"],"Z":"C"})"), "F1C1C3");
  std::vector<field_error> errs;
  EXPECT_EQ(f.hex(R"({"N":3,"T":["A"],"Z":"C"})", &errs), "ERR");
  ASSERT_EQ(errs.size(), 1u);
  EXPECT_EQ(errs[0].path, "R.N");
  EXPECT_NE(errs[0].reason.find("disagrees"), std::string::npos);
}

TEST(record_encoder, justified_right_pads_on_the_left) {
  fixture f(R"(
       01  R.
           05  J PIC X(4) JUSTIFIED RIGHT.
)");
  EXPECT_EQ(f.hex(R"({"J":"AB"})"), "4040C1C2");
}

}  // namespace
}  // namespace mfb::bridge
