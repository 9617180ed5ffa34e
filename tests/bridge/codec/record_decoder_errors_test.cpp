// record_decoder_errors: an OCCURS DEPENDING ON count out of range names the count field
// (with its own subscripts) and shows the count's raw bytes in hex. The counts are written
// by hand from IBM's formats: packed X'009C' is +9, X'001C' is +1; zoned X'F2' is 2.

#include <gtest/gtest.h>

#include "decode_test_support.hpp"

namespace mfb::bridge {
namespace {

using test_helpers::compile;
using test_helpers::decode_hex;

// A packed count inside a table element sizes a nested table: the count of the second
// element is N2(2), and its two packed bytes are shown.
TEST(record_decoder_errors, nested_odo_count_out_of_range_shows_its_bytes_and_subscript) {
  const char* cpy = R"(       01  REC.
           05  N1         PIC 9(1).
           05  G OCCURS 0 TO 2 DEPENDING ON N1.
               10  N2     PIC S9(3) COMP-3.
               10  ITEMS OCCURS 0 TO 3 DEPENDING ON N2.
                   15  V      PIC X(2).
)";
  auto plan = compile(cpy);
  // N1 = 2; G(1): N2 = 1, one item; G(2): N2 = 9 (over 3).
  auto bad = decode_hex(plan, "F2 001C C1C1 009C C1C1 C1C1 C1C1 C1C1 C1C1");
  EXPECT_FALSE(bad.ok);
  ASSERT_EQ(bad.errors.size(), 1u);
  EXPECT_EQ(bad.errors[0].to_string(),
            "input.dat: record 1 (file offset 0): field REC.G.N2(2) at offset 5 (bytes 5-6): "
            "OCCURS DEPENDING ON count 9 outside 0 to 3 for REC.G.ITEMS: 00 9C");
  EXPECT_EQ(bad.errors[0].hex, "00 9C");
}

// A count outside every table that sizes a table inside another table: the count itself
// has no subscript, whatever element the decoder was in.
TEST(record_decoder_errors, top_level_count_of_an_inner_table_has_no_subscript) {
  const char* cpy = R"(       01  REC.
           05  N          PIC S9(2) COMP.
           05  G OCCURS 2.
               10  ITEMS OCCURS 1 TO 2 DEPENDING ON N.
                   15  V      PIC X.
)";
  auto plan = compile(cpy);
  auto bad = decode_hex(plan, "FFFF C1 C1 C1 C1");  // N = -1 (two's complement)
  EXPECT_FALSE(bad.ok);
  ASSERT_FALSE(bad.errors.empty());
  EXPECT_EQ(bad.errors[0].to_string(),
            "input.dat: record 1 (file offset 0): field REC.N at offset 0 (bytes 0-1): "
            "OCCURS DEPENDING ON count -1 outside 1 to 2 for REC.G.ITEMS: FF FF");
}

}  // namespace
}  // namespace mfb::bridge
