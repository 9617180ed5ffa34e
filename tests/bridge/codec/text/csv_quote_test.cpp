// text::csv_quote against RFC 4180 section 2 (rules 6 and 7); the expected cells are what
// Python's csv.writer (QUOTE_MINIMAL, CRLF) writes for the same values.

#include <gtest/gtest.h>

#include "mfb/bridge/codec/text/csv_quote.hpp"

namespace mfb::bridge::text {
namespace {

TEST(text_csv_quote, quotes_only_what_rfc4180_requires) {
  EXPECT_EQ(csv_quote("PLAIN-NAME"), "PLAIN-NAME");
  EXPECT_EQ(csv_quote("A,B"), "\"A,B\"");
  EXPECT_EQ(csv_quote("SAY \"HI\""), "\"SAY \"\"HI\"\"\"");
  EXPECT_EQ(csv_quote("TWO\nLINES"), "\"TWO\nLINES\"");
  EXPECT_EQ(csv_quote("CR\rONLY"), "\"CR\rONLY\"");
  EXPECT_EQ(csv_quote(" spaced "), " spaced ");
}

}  // namespace
}  // namespace mfb::bridge::text
