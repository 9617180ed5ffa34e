// record_decoder: hand-made EBCDIC records whose values come from IBM's format definitions
// (packed X'0123450D' is -1234.50 for S9(5)V99; zoned X'F1F2D3' is -123; cp037 C1 is 'A',
// 7F '"', E0 '\', 25 LF; HFP X'C276A000' is -118.625, IBM's worked example).

#include <gtest/gtest.h>

#include "decode_test_support.hpp"

namespace mfb::bridge {
namespace {

using test_helpers::compile;
using test_helpers::decode_hex;

const char* numbers_cpy = R"(       01  R.
           05  AMT        PIC S9(5)V99 COMP-3.
           05  ZON        PIC S9(3).
           05  UZ         PIC 9(3).
           05  BIN        PIC S9(4) COMP.
           05  UBIN       PIC 9(4) COMP.
           05  C5         PIC S9(4) COMP-5.
           05  SCALED     PIC S9(3)V9 COMP.
)";

TEST(record_decoder, numbers_keep_their_exact_scale) {
  auto plan = compile(numbers_cpy);
  auto d = decode_hex(plan, "0123450D F1F2D3 F0F4F2 FFFE 270F 8000 FF85");
  ASSERT_TRUE(d.ok) << (d.errors.empty() ? "" : d.errors[0].to_string());
  EXPECT_EQ(d.text,
            "{\"AMT\":-1234.50,\"ZON\":-123,\"UZ\":42,\"BIN\":-2,\"UBIN\":9999,\"C5\":-32768,"
            "\"SCALED\":-12.3}\n");
  auto zero = decode_hex(plan, "0000000C F0F0C0 F0F0F0 0000 0000 0000 0000");
  EXPECT_EQ(zero.text,
            "{\"AMT\":0.00,\"ZON\":0,\"UZ\":0,\"BIN\":0,\"UBIN\":0,\"C5\":0,\"SCALED\":0.0}\n");
}

TEST(record_decoder, trunc_std_rejects_and_trunc_bin_accepts_binary_past_the_picture) {
  const char* cpy = "       01  R.\n           05  UBIN  PIC 9(4) COMP.\n";
  auto std_plan = compile(cpy);
  auto d = decode_hex(std_plan, "2710");  // 10000 does not fit PIC 9(4)
  EXPECT_FALSE(d.ok);
  ASSERT_EQ(d.errors.size(), 1u);
  EXPECT_EQ(d.errors[0].to_string(),
            "input.dat: record 1 (file offset 0): field R.UBIN at offset 0 (bytes 0-1): "
            "value exceeds the picture's digits: 27 10");
  decode_options bin;
  bin.binary_trunc = ebcdic::truncation::binary;
  EXPECT_EQ(decode_hex(compile(cpy, bin), "2710").text, "{\"UBIN\":10000}\n");
}

TEST(record_decoder, text_is_escaped_for_json_and_trimmed) {
  const char* cpy = "       01  R.\n           05  T  PIC X(8).\n           05  U  PIC X(3).\n";
  auto plan = compile(cpy);
  // A " \ LF TAB NUL, then two spaces; U is all spaces.
  auto d = decode_hex(plan, "C1 7F E0 25 05 00 40 40 404040");
  ASSERT_TRUE(d.ok);
  EXPECT_EQ(d.text, "{\"T\":\"A\\\"\\\\\\n\\t\\u0000\",\"U\":\"\"}\n");
  decode_options keep;
  keep.keep_trailing_spaces = true;
  EXPECT_EQ(decode_hex(compile(cpy, keep), "C1 7F E0 25 05 00 40 40 404040").text,
            "{\"T\":\"A\\\"\\\\\\n\\t\\u0000  \",\"U\":\"   \"}\n");
}

TEST(record_decoder, groups_nest_filler_is_omitted_occurs_are_arrays) {
  const char* cpy = R"(       01  R.
           05  G.
               10  A     PIC X.
               10  FILLER PIC X.
           05  FILLER.
               10  B     PIC 9.
           05  T OCCURS 2.
               10  C     PIC X.
               10  D     PIC 9 OCCURS 2.
)";
  auto d = decode_hex(compile(cpy), "C1 40 F7 C2F1F2 C3F3F4");
  ASSERT_TRUE(d.ok);
  EXPECT_EQ(d.text,
            "{\"G\":{\"A\":\"A\"},\"B\":7,\"T\":[{\"C\":\"B\",\"D\":[1,2]},"
            "{\"C\":\"C\",\"D\":[3,4]}]}\n");
}

TEST(record_decoder, odo_writes_count_elements_and_moves_later_items) {
  // IBM: items after an ODO table start right after its last actual element.
  const char* cpy = R"(       01  R.
           05  N      PIC 9.
           05  T      PIC XX OCCURS 1 TO 3 DEPENDING ON N.
           05  AFTER  PIC XX.
)";
  auto plan = compile(cpy);
  EXPECT_EQ(decode_hex(plan, "F2 C1C1 C2C2 C5C5").text,
            "{\"N\":2,\"T\":[\"AA\",\"BB\"],\"AFTER\":\"EE\"}\n");
  EXPECT_EQ(decode_hex(plan, "F3 C1C1 C2C2 C3C3 C5C5").text,
            "{\"N\":3,\"T\":[\"AA\",\"BB\",\"CC\"],\"AFTER\":\"EE\"}\n");
  auto bad = decode_hex(plan, "F4 C1C1 C2C2 C3C3 C5C5");
  EXPECT_FALSE(bad.ok);
  ASSERT_FALSE(bad.errors.empty());
  EXPECT_EQ(bad.errors[0].to_string(),
            "input.dat: record 1 (file offset 0): field R.N at offset 0 (bytes 0-0): "
            "OCCURS DEPENDING ON count 4 outside 1 to 3 for R.T: F4");
}

TEST(record_decoder, csv_pads_odo_tables_to_their_maximum) {
  const char* cpy = R"(       01  R.
           05  N      PIC 9.
           05  T      PIC XX OCCURS 1 TO 3 DEPENDING ON N.
           05  AFTER  PIC XX.
)";
  decode_options csv;
  csv.format = output_format::csv;
  auto plan = compile(cpy, csv);
  EXPECT_EQ(plan.columns(), (std::vector<std::string>{"N", "T_1", "T_2", "T_3", "AFTER"}));
  EXPECT_EQ(decode_hex(plan, "F1 C16B C5C5").text, "1,\"A,\",,,EE\r\n");
}

const char* alt_cpy = R"(       01  R.
           05  K      PIC X.
           05  G1.
               10  P  PIC S9(3) COMP-3.
           05  G2 REDEFINES G1.
               10  X  PIC XX.
           05  E      PIC S9(3) COMP-3.
           05  F REDEFINES E PIC XX.
)";

TEST(record_decoder, a_bad_alternative_is_null_and_reported_the_record_is_kept) {
  auto plan = compile(alt_cpy);
  auto good = decode_hex(plan, "C1 123C 456D");
  EXPECT_TRUE(good.ok);
  EXPECT_TRUE(good.errors.empty());
  auto d = decode_hex(plan, "C1 C1C2 C1C2");
  ASSERT_TRUE(d.ok);
  // G1 is a group alternative: its bad item is null, the group stays an object (issue 15).
  EXPECT_EQ(d.text,
            "{\"K\":\"A\",\"G1\":{\"P\":null},\"G2\":{\"X\":\"AB\"},\"E\":null,\"F\":\"AB\"}\n");
  ASSERT_EQ(d.errors.size(), 2u);
  EXPECT_TRUE(d.errors[0].in_alternative);
  EXPECT_EQ(d.errors[0].field_path, "R.G1.P");
  EXPECT_TRUE(d.errors[1].in_alternative);

  decode_options csv;
  csv.format = output_format::csv;
  auto csv_plan = compile(alt_cpy, csv);
  EXPECT_EQ(csv_plan.columns(), (std::vector<std::string>{"K", "G1_P", "G2_X", "E", "F"}));
  EXPECT_EQ(decode_hex(csv_plan, "C1 C1C2 C1C2").text, "A,,AB,,AB\r\n");
}

// The Cobrix t05 shape: a bad binary (F9F2F7F1 = 4193449969, over the 8 digits of
// PIC 9(8) COMP) inside the alternative group S nulls only TN, the innermost alternative
// holding it; S keeps its other values. One error, flagged as inside an alternative.
TEST(record_decoder, only_the_innermost_alternative_holding_a_bad_value_is_null) {
  const char* cpy = R"(       01  R.
           05  K        PIC X.
           05  S.
               10  NAME PIC XX.
               10  T.
                   15  TS PIC X(4).
                   15  TN REDEFINES TS PIC 9(8) COMP.
           05  C REDEFINES S.
               10  PHONE PIC X(6).
)";
  auto plan = compile(cpy);
  auto d = decode_hex(plan, "C1 C1C2 F9F2F7F1");
  ASSERT_TRUE(d.ok);
  EXPECT_EQ(d.text, "{\"K\":\"A\",\"S\":{\"NAME\":\"AB\",\"T\":{\"TS\":\"9271\",\"TN\":null}},"
                    "\"C\":{\"PHONE\":\"AB9271\"}}\n");
  ASSERT_EQ(d.errors.size(), 1u);
  EXPECT_EQ(d.errors[0].field_path, "R.S.T.TN");
  EXPECT_TRUE(d.errors[0].in_alternative);
}

TEST(record_decoder, a_chosen_alternative_is_the_record_so_a_bad_value_is_a_bad_record) {
  auto plan = compile(alt_cpy, {}, {"G1"});
  EXPECT_EQ(decode_hex(plan, "C1 123C 456D").text, "{\"K\":\"A\",\"G1\":{\"P\":123},\"E\":-456,"
                                                   "\"F\":\"\xC3\xA1_\"}\n");  // 45 6D: cp037 a-acute, underscore
  auto d = decode_hex(plan, "C1 C1C2 456D", 17, 3400);
  EXPECT_FALSE(d.ok);
  EXPECT_TRUE(d.text.empty());
  ASSERT_EQ(d.errors.size(), 1u);
  EXPECT_EQ(d.errors[0].to_string(),
            "input.dat: record 17 (file offset 3400): field R.G1.P at offset 1 (bytes 1-2): "
            "invalid digit: C1 C2");
}

TEST(record_decoder, invalid_nibble_error_names_field_offsets_and_bytes) {
  const char* cpy = R"(       01  CUSTOMER.
           05  ID       PIC X(12).
           05  BALANCE  PIC S9(9)V99 COMP-3.
)";
  auto d = decode_hex(compile(cpy), "F0F0F0F0F0F0F0F0F0F0F0F0 00000123A45C", 17, 3400);
  EXPECT_FALSE(d.ok);
  ASSERT_EQ(d.errors.size(), 1u);
  EXPECT_EQ(d.errors[0].to_string(),
            "input.dat: record 17 (file offset 3400): field CUSTOMER.BALANCE at offset 12 "
            "(bytes 12-17): invalid digit: 00 00 01 23 A4 5C");
}

TEST(record_decoder, subscripts_name_the_bad_element) {
  const char* cpy = R"(       01  R.
           05  T OCCURS 3.
               10  A  PIC S9(3) COMP-3.
)";
  auto d = decode_hex(compile(cpy), "001C 002C 00AC");
  ASSERT_EQ(d.errors.size(), 1u);
  EXPECT_EQ(d.errors[0].field_path, "R.T.A(3)");
  EXPECT_EQ(d.errors[0].field_offset, 4u);
}

TEST(record_decoder, a_short_record_is_an_error_not_zeroes) {
  const char* cpy = "       01  R.\n           05  A  PIC X(2).\n           05  B  PIC 9(4).\n";
  auto d = decode_hex(compile(cpy), "C1C1 F1F2");
  EXPECT_FALSE(d.ok);
  ASSERT_EQ(d.errors.size(), 1u);
  EXPECT_EQ(d.errors[0].reason,
            "record too short: the field ends at byte 6 but the record has 4 bytes");
  EXPECT_EQ(d.errors[0].hex, "F1 F2");
}

TEST(record_decoder, floats_and_national) {
  const char* cpy = R"(       01  R.
           05  F1  COMP-1.
           05  F2  COMP-2.
           05  N   PIC N(3) USAGE NATIONAL.
)";
  auto d = decode_hex(compile(cpy), "C276A000 4110000000000000 004100E90020");
  ASSERT_TRUE(d.ok) << (d.errors.empty() ? "" : d.errors[0].to_string());
  EXPECT_EQ(d.text, "{\"F1\":-118.625,\"F2\":1,\"N\":\"A\xC3\xA9\"}\n");
}

TEST(record_decoder, record_type_key_comes_first) {
  decode_options opts;
  opts.record_type_key = "_record";
  auto d = decode_hex(compile("       01  REC-A.\n           05  A  PIC X.\n", opts), "C1");
  EXPECT_EQ(d.text, "{\"_record\":\"REC-A\",\"A\":\"A\"}\n");
}

// wrote_null() tells the Spark row pass which lines hold a null (it rewrites only those):
// it must follow each record, set by a null value and cleared by the next record without one.
TEST(record_decoder, wrote_null_follows_each_record) {
  decode_options opts;
  opts.improved_null_detection = true;  // an all-NUL DISPLAY field is null
  auto plan = test_helpers::compile("       01  R.\n           05  T  PIC X(2).\n           05  N  PIC 9(2).\n", opts);
  record_decoder dec(plan);
  text_buffer out;
  std::vector<record_error> errors;
  auto decode = [&](const char* hex) {
    auto bytes = test::from_hex(hex);
    record_view rec{1, 0, bytes.data(), bytes.size()};
    EXPECT_TRUE(dec.decode(rec, "input.dat", out, errors));
    return dec.wrote_null();
  };
  EXPECT_FALSE(decode("C1C2 F0F1"));
  EXPECT_TRUE(decode("0000 F0F1"));
  EXPECT_TRUE(decode("C1C2 0000"));
  EXPECT_FALSE(decode("C1C2 F0F2"));
  EXPECT_EQ(out.view(), "{\"T\":\"AB\",\"N\":1}\n{\"T\":null,\"N\":1}\n{\"T\":\"AB\",\"N\":null}\n{\"T\":\"AB\",\"N\":2}\n");
}


}  // namespace
}  // namespace mfb::bridge
