// dataset::open parses a spec's copybooks from memory: COPY members come from the spec
// (found by file name with the parser's spellings), never from the disk. Offsets are IBM's
// by hand: PIC 9(6) 6 bytes, X(20) 20, 9(5) 5.

#include <gtest/gtest.h>

#include "mfb/rehost/db/dataset.hpp"

namespace mfb::rehost {
namespace {

dataset_spec customer_spec() {
  dataset_spec spec;
  spec.name = "cust";
  spec.copybooks = {{"CUST.cpy", "       01  CUST.\n           05  CUST-ID  PIC 9(6).\n"
                                 "           COPY ADDR.\n"}};
  spec.members = {{"addr.cpy", "           05  STREET  PIC X(20).\n           05  ZIP  PIC 9(5).\n"}};
  return spec;
}

TEST(dataset_open, copy_members_come_from_the_spec) {
  auto ds = dataset::open(customer_spec());
  ASSERT_TRUE(ds) << ds.err().message;
  const auto& layout = (*ds)->json_plans().front().layout();
  ASSERT_NE(layout.find("ZIP"), nullptr);
  EXPECT_EQ(layout.find("STREET")->offset, 6u);
  EXPECT_EQ(layout.find("ZIP")->offset, 26u);
  EXPECT_EQ((*ds)->framing().lrecl, 31u);  // FB with no lrecl: the record's length
}

TEST(dataset_open, a_member_missing_from_the_spec_is_an_error) {
  dataset_spec spec = customer_spec();
  spec.members.clear();
  auto ds = dataset::open(spec);
  ASSERT_FALSE(ds);
  EXPECT_NE(ds.err().message.find("COPY member 'ADDR' not found among the copybooks held in memory"),
            std::string::npos)
      << ds.err().message;
}

TEST(dataset_open, odo_with_several_records_is_refused) {
  dataset_spec spec;
  spec.name = "two";
  spec.copybooks = {{"T.cpy", "       01  A.\n           05  A1  PIC X.\n"
                              "       01  B.\n           05  B1  PIC X.\n"}};
  spec.selects = {"A1=A:A", "A1=B:B"};
  spec.recfm = "ODO";
  auto ds = dataset::open(spec);
  ASSERT_FALSE(ds);
  EXPECT_EQ(ds.err().message, "--recfm ODO needs one record layout");
}

}  // namespace
}  // namespace mfb::rehost
