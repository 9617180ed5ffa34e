// segments: the value lists of --select/--segment-filter, and the Seg_Id counters. The
// expected ids are Cobrix's (peer case t17b, expected/test17b.txt, records 0-7 and 38).

#include <gtest/gtest.h>

#include "mfb/bridge/codec/segments.hpp"

namespace mfb::bridge {
namespace {

TEST(segments, value_lists_split_on_unescaped_commas) {
  EXPECT_EQ(*split_value_list(" C , D "), (std::vector<std::string>{"C", "D"}));
  EXPECT_EQ(*split_value_list("A\\,B,\\\\"), (std::vector<std::string>{"A,B", "\\"}));
  EXPECT_EQ(*split_value_list(""), std::vector<std::string>{""});  // a blank field
  EXPECT_FALSE(split_value_list("A\\"));
  EXPECT_FALSE(split_value_list("A\\B"));
}

segment_ids t17b(const std::string& level2) {
  segment_options o;
  o.levels = {"0=1", "1=2,5", "2=" + level2};
  o.prefix = "A";
  auto ids = segment_ids::build(o);
  EXPECT_TRUE(ids) << ids.err().message;
  return std::move(ids).value();
}

std::vector<std::string> ids_of(const segment_ids& s) {
  std::vector<std::string> out;
  for (std::size_t l = 0; l < s.columns(); ++l) out.push_back(s.id(l));
  return out;
}

TEST(segments, ids_follow_cobrix_test17b) {
  for (const char* level2 : {"3,4,6,7", "_", "*"}) {
    auto s = t17b(level2);
    ASSERT_EQ(s.columns(), 3u);
    using v = std::vector<std::string>;
    s.observe("1", 0);
    EXPECT_EQ(ids_of(s), (v{"A_0_0", "", ""}));
    s.observe("2", 1);
    EXPECT_EQ(ids_of(s), (v{"A_0_0", "A_0_0_L1_1", ""}));
    s.observe("3", 2);
    EXPECT_EQ(ids_of(s), (v{"A_0_0", "A_0_0_L1_1", "A_0_0_L2_1"}));
    s.observe("3", 3);
    s.observe("3", 4);
    s.observe("4", 5);
    EXPECT_EQ(ids_of(s), (v{"A_0_0", "A_0_0_L1_1", "A_0_0_L2_4"}));
    s.observe("2", 6);  // a new level-1 parent: the level-2 counter runs on
    EXPECT_EQ(ids_of(s), (v{"A_0_0", "A_0_0_L1_2", ""}));
    s.observe("3", 7);
    EXPECT_EQ(ids_of(s), (v{"A_0_0", "A_0_0_L1_2", "A_0_0_L2_5"}));
    s.observe("1", 38);  // a new root restarts every counter
    EXPECT_EQ(ids_of(s), (v{"A_0_38", "", ""}));
    s.observe("5", 39);
    EXPECT_EQ(ids_of(s), (v{"A_0_38", "A_0_38_L1_1", ""}));
  }
}

TEST(segments, records_before_the_first_root_and_unknown_ids) {
  segment_options o;
  o.root = "C";
  o.levels = {"1=P"};
  auto s = segment_ids::build(o);
  ASSERT_TRUE(s) << s.err().message;
  EXPECT_TRUE(s->observe("P", 0));
  EXPECT_EQ(s->id(0), "");  // no root yet: no ids
  EXPECT_TRUE(s->observe("C", 1));
  EXPECT_EQ(s->id(0), "_0_1");
  EXPECT_FALSE(s->observe("X", 2));  // in no level: counted by the caller, ids kept
  EXPECT_EQ(s->id(0), "_0_1");
}

TEST(segments, bad_level_lists_are_refused) {
  auto build = [](std::vector<std::string> levels, std::string root = "") {
    segment_options o;
    o.levels = std::move(levels);
    o.root = std::move(root);
    auto s = segment_ids::build(o);
    return s ? std::string() : s.err().message;
  };
  EXPECT_EQ(build({"0=A,B", "1=B"}), "--segment-id-level 1=B: the id B is given twice (an id belongs to one level)");
  EXPECT_EQ(build({"0=A,A"}), "--segment-id-level 0=A,A: the id A is given twice (an id belongs to one level)");
  EXPECT_EQ(build({"0=A", "2=B"}), "--segment-id-level 1 is missing (levels run from 0 without a gap)");
  EXPECT_EQ(build({"0=A", "0=B"}), "--segment-id-level 0 is given twice");
  EXPECT_EQ(build({"0=_"}), "--segment-id-level 0: the root needs its own ids, not _ or *");
  EXPECT_EQ(build({"0=A"}, "A"), "--segment-id-root and --segment-id-level 0=... both name the root");
  EXPECT_EQ(build({"one=A"}), "--segment-id-level expects N=ID1[,ID2...], got one=A");
  EXPECT_EQ(build({"0=A", "1=_", "2=*"}), "--segment-id-level 2=*: _ or * (every other id) is given twice");
}

}  // namespace
}  // namespace mfb::bridge
