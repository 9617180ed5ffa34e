// The row pass of an output style (convert/styled_rows.hpp): Spark's JSON writer leaves null
// fields out, writes a struct left with no field as {}, keeps null array elements; the
// generated columns come first, in Cobrix's order (the peer suite README, "How to compare").

#include <gtest/gtest.h>

#include <string>

#include "convert/styled_rows.hpp"

namespace mfb::bridge::detail {
namespace {

std::string drop(std::string s) {
  char* b = s.data();
  return std::string(b, drop_null_members(b, b + s.size()));
}

TEST(styled_rows, null_members_are_left_out_wherever_they_stand) {
  EXPECT_EQ(drop(R"({"A":null,"B":1})"), R"({"B":1})");
  EXPECT_EQ(drop(R"({"A":1,"B":null})"), R"({"A":1})");
  EXPECT_EQ(drop(R"({"A":1,"B":null,"C":2})"), R"({"A":1,"C":2})");
  EXPECT_EQ(drop(R"({"A":null})"), R"({})");
}

TEST(styled_rows, a_struct_left_with_no_member_is_empty_and_stays) {
  EXPECT_EQ(drop(R"({"G":{"C":null,"D":null},"E":"x"})"), R"({"G":{},"E":"x"})");
  EXPECT_EQ(drop(R"({"G":{"H":{"C":null}},"E":null})"), R"({"G":{"H":{}}})");
}

TEST(styled_rows, arrays_keep_their_null_elements_and_objects_inside_are_cleaned) {
  EXPECT_EQ(drop(R"({"T":[1,null,2],"U":[{"A":null,"B":3},{"A":4,"B":null}]})"),
            R"({"T":[1,null,2],"U":[{"B":3},{"A":4}]})");
  EXPECT_EQ(drop(R"({"T":[],"A":null})"), R"({"T":[]})");
}

TEST(styled_rows, text_that_looks_like_null_is_text) {
  EXPECT_EQ(drop(R"({"A":"x\":null,","B":"null","C":null})"), R"({"A":"x\":null,","B":"null"})");
  EXPECT_EQ(drop(R"({"A\"":null,"B":"}{"})"), R"({"B":"}{"})");
}

TEST(styled_rows, generated_columns_in_cobrix_order) {
  char buf[generated_columns_max];
  char* e = put_generated_columns(generated_ids{3, 41, 2202}, buf);
  EXPECT_EQ(std::string(buf, e), R"("File_Id":3,"Record_Id":41,"Record_Byte_Length":2202)");
}

TEST(styled_rows, generated_columns_go_first_and_an_empty_row_gets_no_comma) {
  output_style style;
  style.generate_record_id = true;
  std::uint8_t bytes[3] = {};
  record_view rec{5, 0, bytes, 3};
  text_buffer text;
  text.append("prior\n");
  text.append("{}\n");
  finish_styled_row(style, rec, text, 6, false);
  EXPECT_EQ(text.view(), "prior\n{\"File_Id\":0,\"Record_Id\":4,\"Record_Byte_Length\":3}\n");
  style.naming = naming_style::spark;
  text.clear();
  text.append("{\"A\":null,\"B\":1}\n");
  finish_styled_row(style, rec, text, 0, true);
  EXPECT_EQ(text.view(), "{\"File_Id\":0,\"Record_Id\":4,\"Record_Byte_Length\":3,\"B\":1}\n");
}

// Record_Bytes is the record's bytes in padded base64 (RFC 4648's examples: "fo" -> "Zm8=",
// "foo" -> "Zm9v"), then the file name column, both after the ids; every part is optional.
TEST(styled_rows, record_bytes_and_file_name_follow_the_ids_in_cobrix_order) {
  output_style style;
  style.generate_record_id = true;
  style.record_bytes = true;
  style.file_name_column = "F";
  const input_file_columns file = file_columns(style, "in/a.dat", 2);
  std::uint8_t fo[2] = {'f', 'o'};
  text_buffer text;
  text.append("{\"A\":1}\n");
  finish_styled_row(style, file, record_view{3, 0, fo, 2}, text, 0, false);
  EXPECT_EQ(text.view(),
            "{\"File_Id\":2,\"Record_Id\":2,\"Record_Byte_Length\":2,\"Record_Bytes\":\"Zm8=\","
            "\"F\":\"in/a.dat\",\"A\":1}\n");
  style.generate_record_id = false;
  std::uint8_t foo[3] = {'f', 'o', 'o'};
  text.clear();
  text.append("{}\n");
  finish_styled_row(style, input_file_columns{}, record_view{1, 0, foo, 3}, text, 0, false);
  EXPECT_EQ(text.view(), "{\"Record_Bytes\":\"Zm9v\"}\n");
  style.record_bytes = false;
  style.file_name_uri = true;
  text.clear();
  text.append("{\"A\":1}\n");
  finish_styled_row(style, file_columns(style, "/x/./y/../q\"z.dat", 0), record_view{1, 0, foo, 3},
                    text, 0, false);
  EXPECT_EQ(text.view(), "{\"F\":\"file:/x/q\\\"z.dat\",\"A\":1}\n");
}

}  // namespace
}  // namespace mfb::bridge::detail
