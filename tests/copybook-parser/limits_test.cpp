// Layout limits: nested OCCURS, record length and expanded item count are checked with
// overflow-safe arithmetic, and passing one is one diagnostic at the offending item.
// Sizes near the limits were checked with GnuCOBOL (cobc -std=ibm: UNDER-REC below is
// 1,000,000 bytes of one-byte items); the byte limit is IBM Enterprise COBOL's 999,999,999
// for an 01-49 item under ADDR(32) (Language Reference, "Compiler limits").

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "mfb/copybook/limits.hpp"
#include "mfb/copybook/parse.hpp"

namespace mfb::copybook {
namespace {

parse_result parse_text(const std::string& text, const layout_limits& limits = {}) {
  parse_options opts;
  opts.limits = limits;
  return parse_copybook_text(text, "test.cpy", opts);
}

const diagnostic& only_error(const parse_result& r) {
  EXPECT_EQ(r.diagnostics.size(), 1u) << to_string(r.diagnostics);
  static const diagnostic none;
  return r.diagnostics.empty() ? none : r.diagnostics.front();
}

TEST(LayoutLimits, NestedOccursOverflowIsAnErrorAtTheOccurs) {
  // 8 * 99,999,999^3 bytes: far past 2^64, which used to wrap to a small length.
  parse_result r = parse_text(R"(
       01  NEST-REC.
           05  NEST-T1 OCCURS 99999999 TIMES.
               10  NEST-T2 OCCURS 99999999 TIMES.
                   15  NEST-T3 OCCURS 99999999 TIMES.
                       20  NEST-CELL   PIC X(8).
)");
  ASSERT_FALSE(r.ok());
  const diagnostic& d = only_error(r);
  // NEST-T3 alone is 799,999,992 bytes (under the byte limit) but 99,999,999 items.
  EXPECT_EQ(d.where.line, 5);
  EXPECT_EQ(d.where.column, 32);
  EXPECT_NE(d.message.find("OCCURS 99999999 TIMES makes table NEST-T3"), std::string::npos)
      << d.message;
  EXPECT_NE(d.message.find("more than 1,000,000 elementary items"), std::string::npos) << d.message;
}

TEST(LayoutLimits, TableLargerThanTheByteLimit) {
  parse_result r = parse_text(R"(
       01  BIG-REC.
           05  BIG-T OCCURS 101 TIMES.
               10  BIG-AREA    PIC X(9999999).
)");
  const diagnostic& d = only_error(r);
  EXPECT_EQ(d.where.line, 3);
  EXPECT_EQ(d.message,
            "OCCURS 101 TIMES makes table BIG-T larger than 999,999,999 bytes, the limit for a "
            "record, group or table");
}

TEST(LayoutLimits, RecordLargerThanTheByteLimitNamesTheItemThatPassesIt) {
  // 100 * 9,999,999 = 999,999,900 bytes fit; the 100 bytes after them do not.
  parse_result r = parse_text(R"(
       01  LONG-REC.
           05  LONG-T OCCURS 100 TIMES.
               10  LONG-AREA   PIC X(9999999).
           05  LONG-MORE       PIC X(101).
)");
  const diagnostic& d = only_error(r);
  EXPECT_EQ(d.where.line, 5);
  EXPECT_EQ(d.where.column, 16);
  EXPECT_EQ(d.message,
            "item LONG-MORE makes record LONG-REC larger than 999,999,999 bytes, the limit for "
            "a record, group or table");
}

TEST(LayoutLimits, RecordAtTheByteLimitIsAccepted) {
  parse_result r = parse_text(R"(
       01  EDGE-REC.
           05  EDGE-T OCCURS 100 TIMES.
               10  EDGE-AREA   PIC X(9999999).
           05  EDGE-MORE       PIC X(99).
)");
  ASSERT_TRUE(r.ok()) << to_string(r.diagnostics);
  EXPECT_EQ(r.records.front().length, 999'999'999u);
}

TEST(LayoutLimits, ItemCountCountsEveryOccurrence) {
  const char* text = R"(
       01  UNDER-REC.
           05  UNDER-T1 OCCURS 1000 TIMES.
               10  UNDER-T2 OCCURS 1000 TIMES.
                   15  UNDER-C         PIC X.
)";
  parse_result ok = parse_text(text);
  ASSERT_TRUE(ok.ok()) << to_string(ok.diagnostics);
  EXPECT_EQ(ok.records.front().length, 1'000'000u);
  EXPECT_EQ(expanded_item_count(ok.records.front(), 1'000'000), 1'000'000u);

  layout_limits tight;
  tight.max_items = 999'999;
  parse_result refused = parse_text(text, tight);
  const diagnostic& d = only_error(refused);
  EXPECT_EQ(d.where.line, 3);
  EXPECT_EQ(d.message,
            "OCCURS 1000 TIMES makes table UNDER-T1 (in record UNDER-REC) hold more than 999,999 "
            "elementary items once OCCURS are expanded, the limit for a record");
}

TEST(LayoutLimits, OneItemPastTheCountIsRefusedAtThatItem) {
  parse_result r = parse_text(R"(
       01  ITEM-REC.
           05  ITEM-T1 OCCURS 1000 TIMES.
               10  ITEM-T2 OCCURS 1000 TIMES.
                   15  ITEM-C          PIC X.
           05  ITEM-LAST               PIC X.
)");
  const diagnostic& d = only_error(r);
  EXPECT_EQ(d.where.line, 6);
  EXPECT_EQ(d.message,
            "item ITEM-LAST makes record ITEM-REC hold more than 1,000,000 elementary items once "
            "OCCURS are expanded, the limit for a record");
}

TEST(LayoutLimits, RaisedLimitsAcceptLargerRecords) {
  layout_limits wide;
  wide.max_record_length = 2'000'000'000;
  parse_result r = parse_text(R"(
       01  BIG-REC.
           05  BIG-T OCCURS 101 TIMES.
               10  BIG-AREA    PIC X(9999999).
)",
                              wide);
  ASSERT_TRUE(r.ok()) << to_string(r.diagnostics);
  EXPECT_EQ(r.records.front().length, 1'009'999'899u);
}

TEST(LayoutLimits, CappedProductNeverWraps) {
  const std::size_t cap = 999'999'999;
  EXPECT_EQ(capped_product(99'999'999, 99'999'999, cap), cap + 1);
  EXPECT_EQ(capped_product(SIZE_MAX, SIZE_MAX, cap), cap + 1);
  EXPECT_EQ(capped_product(1000, 999'999, cap), 999'999'000u);
  EXPECT_EQ(capped_product(0, SIZE_MAX, cap), 0u);
  EXPECT_EQ(with_commas(999'999'999), "999,999,999");
  EXPECT_EQ(with_commas(1000), "1,000");
  EXPECT_EQ(with_commas(999), "999");
}

}  // namespace
}  // namespace mfb::copybook
