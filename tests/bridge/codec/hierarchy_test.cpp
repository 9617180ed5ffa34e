// hierarchy_tracker: parent keys decoded as the parent's fields are, attached to children
// in file order. Bytes are cp037 written by hand: C8 'H', C4 'D', E2 'S', C1 'A', 6B ',',
// 7F '"', F0-F9 digits; packed X'123C' is +123, X'045D' is -45.

#include <gtest/gtest.h>

#include "decode_test_support.hpp"
#include "mfb/bridge/codec/hierarchy.hpp"

namespace mfb::bridge {
namespace {

const char* tree_cpy = R"(       01  HDR.
           05  H-TYPE     PIC X.
           05  H-ID       PIC S9(3) COMP-3.
           05  H-NAME     PIC X(4).
       01  DTL.
           05  D-TYPE     PIC X.
           05  D-SEQ      PIC 9(2).
           05  FILLER     PIC X(4).
       01  SUB.
           05  S-TYPE     PIC X.
           05  FILLER     PIC X(6).
)";

struct fixture {
  std::vector<decode_plan> plans;
  hierarchy_tracker tracker;
  std::vector<std::vector<std::uint8_t>> held;  // keeps record bytes alive

  explicit fixture(std::vector<parent_rule> parents, std::vector<key_rule> keys) {
    auto parsed = copybook::parse_copybook_text(tree_cpy, "tree.cpy");
    auto page = ebcdic::code_page::open("cp037");
    for (const auto& l : parsed.records) plans.push_back(*decode_plan::compile(l, *page, {}));
    auto t = hierarchy_tracker::build(plans, parents, keys);
    if (!t) throw std::runtime_error(t.err().message);
    tracker = std::move(t).value();
  }
  parent_link observe(int type, const std::string& hex, std::uint64_t number) {
    held.push_back(test::from_hex(hex));
    return tracker.observe(type, record_view{number, 0, held.back().data(), held.back().size()});
  }
};

fixture three_levels() {
  return fixture({{"DTL", "HDR"}, {"SUB", "DTL"}}, {{"HDR", {"H-ID", "H-NAME"}}, {"DTL", {"D-SEQ"}}});
}

TEST(hierarchy_tracker, child_gets_the_key_as_values_json_and_csv) {
  auto f = three_levels();
  EXPECT_EQ(f.tracker.parent_of(1), 0);
  EXPECT_EQ(f.tracker.key_names(0), (std::vector<std::string>{"H-ID", "H-NAME"}));
  EXPECT_EQ(f.observe(0, "C8 045D C16B7F40", 1).state, parent_link::kind::none);
  auto link = f.observe(1, "C4 F0F7 40404040", 2);
  ASSERT_EQ(link.state, parent_link::kind::attached);
  EXPECT_EQ(link.key->record_number, 1u);
  EXPECT_EQ(link.key->values, (std::vector<std::string>{"-45", "A,\""}));
  EXPECT_EQ(link.key->is_text, (std::vector<bool>{false, true}));
  EXPECT_EQ(link.key->json, "{\"H-ID\":-45,\"H-NAME\":\"A,\\\"\"}");
  EXPECT_EQ(link.key->csv, ",-45,\"A,\"\"\"");
  auto sub = f.observe(2, "E2 404040404040", 3);
  ASSERT_EQ(sub.state, parent_link::kind::attached);
  EXPECT_EQ(sub.key->json, "{\"D-SEQ\":7}");
}

TEST(hierarchy_tracker, a_new_parent_closes_its_old_descendants) {
  auto f = three_levels();
  f.observe(0, "C8 123C C1404040", 1);
  f.observe(1, "C4 F0F1 40404040", 2);
  f.observe(0, "C8 124C C1404040", 3);
  auto sub = f.observe(2, "E2 404040404040", 4);
  EXPECT_EQ(sub.state, parent_link::kind::orphan);
  EXPECT_EQ(sub.reason, "no DTL record before this SUB record (--parent SUB=DTL)");
  auto dtl = f.observe(1, "C4 F0F2 40404040", 5);
  ASSERT_EQ(dtl.state, parent_link::kind::attached);
  EXPECT_EQ(dtl.key->values, (std::vector<std::string>{"124", "A"}));
}

TEST(hierarchy_tracker, orphans_and_bad_keys_pass_down_to_children) {
  auto f = three_levels();
  auto first = f.observe(1, "C4 F0F1 40404040", 1);
  EXPECT_EQ(first.state, parent_link::kind::orphan);
  EXPECT_EQ(first.reason, "no HDR record before this DTL record (--parent DTL=HDR)");
  auto sub = f.observe(2, "E2 404040404040", 2);
  EXPECT_EQ(sub.reason, "its parent DTL is bad: record 1 (it has no parent)");
  f.observe(0, "C8 12AC C1404040", 3);  // A is no digit nibble
  auto dtl = f.observe(1, "C4 F0F1 40404040", 4);
  EXPECT_EQ(dtl.state, parent_link::kind::orphan);
  EXPECT_EQ(dtl.reason, "its parent HDR is bad: record 3 (key field HDR.H-ID: invalid digit)");
  EXPECT_EQ(f.observe(-1, "", 5).state, parent_link::kind::none);
}

TEST(hierarchy_tracker, build_refuses_what_cannot_work) {
  auto err = [](std::vector<parent_rule> p, std::vector<key_rule> k) {
    try {
      fixture f(std::move(p), std::move(k));
    } catch (const std::runtime_error& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_EQ(err({{"DTL", "HDR"}}, {{"HDR", {"H-TYPE"}}, {"DTL", {"D-SEQ"}}}),
            "--key DTL: no --parent rule names it as a parent");
  EXPECT_EQ(err({{"DTL", "HDR"}, {"DTL", "SUB"}}, {}), "--parent: DTL is given two parents");
  EXPECT_EQ(err({{"DTL", "HDR"}}, {{"HDR", {"H-ID"}}, {"HDR", {"H-ID"}}}), "--key HDR is given twice");
  EXPECT_EQ(err({{"DTL", "HDR"}}, {{"HDR", {"H-ID", "HDR.H-ID"}}}),
            "--key HDR: two key fields are named H-ID");
  EXPECT_EQ(err({{"DTL", "HDR"}}, {{"HDR", {"HDR"}}}),
            "--key HDR: HDR is a group (name its elementary items)");
  EXPECT_EQ(parse_key_rule("R = A , B")->fields, (std::vector<std::string>{"A", "B"}));
  EXPECT_FALSE(parse_key_rule("R=A,,B"));
  EXPECT_FALSE(parse_parent_rule("A=B=C"));
}

}  // namespace
}  // namespace mfb::bridge
