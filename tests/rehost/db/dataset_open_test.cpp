// dataset::open parses a spec's copybooks from memory: COPY members come from the spec
// (found by file name with the parser's spellings), never from the disk. Offsets are IBM's
// by hand: PIC 9(6) 6 bytes, X(20) 20, 9(5) 5.

#include <gtest/gtest.h>

#include <optional>

#include "mfb/rehost/db/dataset.hpp"

namespace mfb::rehost {
namespace {

dataset_spec customer_spec() {
  dataset_spec spec;
  spec.name = "cust";
  spec.source.copybook_texts = {{"CUST.cpy", "       01  CUST.\n           05  CUST-ID  PIC 9(6).\n"
                                 "           COPY ADDR.\n"}};
  spec.source.members = {{"addr.cpy", "           05  STREET  PIC X(20).\n           05  ZIP  PIC 9(5).\n"}};
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
  spec.source.members.clear();
  auto ds = dataset::open(spec);
  ASSERT_FALSE(ds);
  EXPECT_NE(ds.err().message.find("COPY member 'ADDR' not found among the copybooks held in memory"),
            std::string::npos)
      << ds.err().message;
}

TEST(dataset_open, odo_with_several_records_is_refused) {
  dataset_spec spec;
  spec.name = "two";
  spec.source.copybook_texts = {{"T.cpy", "       01  A.\n           05  A1  PIC X.\n"
                                            "       01  B.\n           05  B1  PIC X.\n"}};
  spec.source.selects = {"A1=A:A", "A1=B:B"};
  spec.set_recfm("ODO");
  auto ds = dataset::open(spec);
  ASSERT_FALSE(ds);
  EXPECT_EQ(ds.err().message, "--recfm ODO needs one record layout");
}

// The catalog's JSON maps to the spec's source and back byte for byte, every option set
// away from its default (the JSON a load stores, in its key order).
TEST(dataset_open, catalog_json_round_trips) {
  const std::string stored =
      R"({"name":"t","copybooks":[{"name":"T.cpy","text":"x"}],"members":[{"name":"m.cpy",)"
      R"("text":"y"}],"codepage":"cp500","cobrix":true,"recfm":"vb","lrecl":80,)"
      R"("rdw_little_endian":true,"rdw_excludes_header":true,"block_size":27998,"record":"T",)"
      R"("select":["A=1:T"],"float_format":"ieee","zoned":"ascii","trunc":"bin","key":["K"],)"
      R"("parents":["C=P"],"flatten_occurs":true,"check_88":true,"indexes":[["I","J"]],)"
      R"("raw":["R"],"allow_trailing_bytes":true})";
  auto spec = dataset_spec::from_json(stored);
  ASSERT_TRUE(spec) << spec.err().message;
  EXPECT_EQ(spec->source.framing.format, bridge::recfm::vb);
  EXPECT_FALSE(spec->source.framing.rdw_big_endian);
  EXPECT_EQ(spec->to_json(), stored);
  const std::string defaults = dataset_spec{}.to_json();
  EXPECT_NE(defaults.find(R"("rdw_little_endian":false,"rdw_excludes_header":false,)"), std::string::npos);
  EXPECT_NE(defaults.find(R"("float_format":"hfp","zoned":"ebcdic","trunc":"std")"), std::string::npos);
}

// The framing flags past the format (--length-map, --bdw-order, --bdw-adjust,
// --keep-partial-last-record) survive the catalog, so a dataset frames alike when reopened.
TEST(dataset_open, catalog_json_keeps_the_framing_flags) {
  dataset_spec spec = customer_spec();
  auto& f = spec.source.framing;
  spec.source.length_field = "CUST-ID";
  f.length_map = {{"A", 10}, {"B C", 20}};
  f.bdw_big_endian = false;
  f.bdw_adjust = -4;
  f.keep_partial_last_record = true;
  auto back = dataset_spec::from_json(spec.to_json());
  ASSERT_TRUE(back) << back.err().message;
  const auto& g = back->source.framing;
  EXPECT_EQ(g.length_map, f.length_map);
  EXPECT_EQ(g.bdw_big_endian, std::optional<bool>(false));
  EXPECT_EQ(g.bdw_adjust, -4);
  EXPECT_TRUE(g.keep_partial_last_record);
  // a spec without them writes none of the keys: older catalogs read the same
  const std::string plain = customer_spec().to_json();
  EXPECT_EQ(plain.find("bdw"), std::string::npos);
  EXPECT_EQ(plain.find("length_map"), std::string::npos);
}

}  // namespace
}  // namespace mfb::rehost
