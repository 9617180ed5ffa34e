// nested_rows: child segment objects placed in arrays inside their parent's segment object,
// and Cobrix's generated columns of a hierarchical row (Record_Id: the index of the record
// after the group; Record_Byte_Length: the group's payloads), as the peer README states.

#include <gtest/gtest.h>

#include "convert/nested_rows.hpp"

namespace mfb::bridge::detail {
namespace {

// Types: 0 COMPANY (root), 1 DEPT (child of COMPANY), 2 EMPLOYEE (child of DEPT).
nested_rows company_tree(std::size_t max_records = 100) {
  return nested_rows({-1, 0, 1}, {"COMPANY", "DEPT", "EMPLOYEE"}, max_records);
}

TEST(nested_rows, children_go_inside_their_parents_segment_object) {
  auto n = company_tree();
  n.row_prefix = hierarchical_record_columns;
  std::string out;
  ASSERT_TRUE(n.add(0, 1, 55, "{\"SEGMENT-ID\":1,\"COMPANY\":{\"NAME\":\"Joan\",\"TAX\":7}}\n", out));
  ASSERT_TRUE(n.add(1, 2, 29, "{\"SEGMENT-ID\":2,\"DEPT\":{\"DEPT-NAME\":\"Sales\"}}\n", out));
  ASSERT_TRUE(n.add(2, 3, 108, "{\"SEGMENT-ID\":3,\"EMPLOYEE\":{\"FIRST\":\"Cliff\",\"N\":1.50}}\n", out));
  ASSERT_TRUE(n.add(1, 4, 29, "{\"SEGMENT-ID\":2,\"DEPT\":{\"DEPT-NAME\":\"R,{D}\\\"\"}}\n", out));
  EXPECT_EQ(out, "");  // the group is open until the next root
  ASSERT_TRUE(n.add(0, 5, 55, "{\"SEGMENT-ID\":1,\"COMPANY\":{}}\n", out));
  EXPECT_EQ(out,
            "{\"Record_Id\":4,\"Record_Byte_Length\":221,\"SEGMENT-ID\":1,\"COMPANY\":{\"NAME\":"
            "\"Joan\",\"TAX\":7,\"DEPT\":[{\"DEPT-NAME\":\"Sales\",\"EMPLOYEE\":[{\"FIRST\":"
            "\"Cliff\",\"N\":1.50}]},{\"DEPT-NAME\":\"R,{D}\\\"\",\"EMPLOYEE\":[]}]}}\n");
  out.clear();
  n.finish(9, out);  // the last group: Record_Id is the record count
  EXPECT_EQ(out, "{\"Record_Id\":9,\"Record_Byte_Length\":55,\"SEGMENT-ID\":1,\"COMPANY\":{\"DEPT\":[]}}\n");
}

TEST(nested_rows, a_child_with_no_open_parent_and_a_group_too_big_are_errors) {
  auto n = company_tree(2);
  std::string out;
  auto orphan = n.add(2, 1, 10, "{\"EMPLOYEE\":{}}", out);
  ASSERT_FALSE(orphan);
  EXPECT_EQ(orphan.err().message, "record 1: no DEPT record is open for this EMPLOYEE record");
  ASSERT_TRUE(n.add(0, 2, 10, "{\"COMPANY\":{}}", out));
  ASSERT_TRUE(n.add(1, 3, 10, "{\"DEPT\":{}}", out));
  auto big = n.add(2, 4, 10, "{\"EMPLOYEE\":{}}", out);
  ASSERT_FALSE(big);
  EXPECT_EQ(big.err().message,
            "record 4: the group of root record 2 holds more than 2 records (--max-group-records)");
}

}  // namespace
}  // namespace mfb::bridge::detail
