// decode_plan: the flat op list a layout compiles to (loops, alternatives, keys, columns).

#include <gtest/gtest.h>

#include "decode_test_support.hpp"

namespace mfb::bridge {
namespace {

using test_helpers::compile;

std::vector<op_code> codes(const decode_plan& p) {
  std::vector<op_code> c;
  for (const auto& op : p.ops()) c.push_back(op.code);
  return c;
}

TEST(decode_plan, usages_map_to_ops_and_keys_are_pre_escaped) {
  auto plan = compile(R"(       01  R.
           05  A  PIC X(3).
           05  B  PIC S9(3) COMP-3.
           05  C  PIC S9(4) COMP.
           05  D  PIC 9(2).
           05  E  COMP-2.
)");
  EXPECT_EQ(codes(plan), (std::vector<op_code>{op_code::text, op_code::packed, op_code::binary,
                                               op_code::zoned, op_code::floating}));
  EXPECT_EQ(plan.key(plan.ops()[0]), "\"A\":");
  EXPECT_EQ(plan.key(plan.ops()[1]), ",\"B\":");
  EXPECT_EQ(plan.ops()[1].offset, 3u);
  EXPECT_EQ(plan.ops()[1].digits, 3);
  EXPECT_TRUE(plan.ops()[1].is_signed);
  EXPECT_EQ(plan.space_byte(), 0x40);
}

TEST(decode_plan, occurs_become_loops_with_stride_and_odo_slots) {
  auto plan = compile(R"(       01  R.
           05  N  PIC 9.
           05  T  OCCURS 1 TO 4 DEPENDING ON N.
               10  X  PIC X.
               10  Y  PIC 9.
)");
  auto c = codes(plan);
  ASSERT_EQ(c.size(), 7u);
  EXPECT_EQ(c[1], op_code::begin_array);
  const plan_op& loop = plan.ops()[1];
  EXPECT_EQ(loop.stride, 2u);
  EXPECT_EQ(loop.occurs_max, 4u);
  EXPECT_EQ(loop.jump, 6u);
  EXPECT_EQ(loop.columns, 2u);
  EXPECT_GE(loop.slot, 0);
  EXPECT_EQ(plan.ops()[0].slot, loop.slot);  // N fills the slot T reads
  EXPECT_EQ(plan.ops()[3].offset, 0u);       // X relative to its element
  EXPECT_EQ(plan.ops()[4].offset, 1u);
  EXPECT_EQ(plan.columns().size(), 9u);  // N + 4 x (X, Y)
  EXPECT_EQ(plan.columns()[1], "T_1_X");
}

TEST(decode_plan, keep_drops_the_other_alternatives) {
  const char* cpy = R"(       01  R.
           05  A      PIC XX.
           05  B REDEFINES A PIC 99.
           05  C REDEFINES A.
               10  C1 PIC X.
               10  C2 PIC X.
)";
  auto all = compile(cpy);
  EXPECT_EQ(all.columns(), (std::vector<std::string>{"A", "B", "C_C1", "C_C2"}));
  EXPECT_TRUE(all.ops()[0].alternative);
  auto only_c = compile(cpy, {}, {"C"});
  EXPECT_EQ(only_c.columns(), (std::vector<std::string>{"C_C1", "C_C2"}));
  EXPECT_EQ(only_c.key(only_c.ops()[0]), "\"C\":");
}

TEST(decode_plan, output_bound_covers_the_worst_case_record) {
  // Every byte a control character (6 bytes escaped in JSON): the bound must hold it.
  auto plan = compile("       01  R.\n           05  T  PIC X(100).\n");
  std::string hex;
  for (int i = 0; i < 100; ++i) hex += "01";
  auto d = test_helpers::decode_hex(plan, hex);
  ASSERT_TRUE(d.ok);
  EXPECT_LE(d.text.size(), plan.max_output());
}

}  // namespace
}  // namespace mfb::bridge
