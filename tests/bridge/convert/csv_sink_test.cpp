// csv_sink: RFC 4180 quoting (only when needed; quotes doubled) and the header row.

#include <gtest/gtest.h>

#include "mfb/bridge/convert/csv_sink.hpp"
#include "test_support.hpp"

namespace mfb::bridge {
namespace {

TEST(csv_sink, quotes_only_what_rfc4180_requires) {
  EXPECT_EQ(csv_quote("PLAIN-NAME"), "PLAIN-NAME");
  EXPECT_EQ(csv_quote("A,B"), "\"A,B\"");
  EXPECT_EQ(csv_quote("SAY \"HI\""), "\"SAY \"\"HI\"\"\"");
  EXPECT_EQ(csv_quote("TWO\nLINES"), "\"TWO\nLINES\"");
  EXPECT_EQ(csv_quote(" spaced "), " spaced ");
}

TEST(csv_sink, writes_the_header_then_rows) {
  test::temp_dir dir;
  auto path = (dir.path() / "out.csv").string();
  auto out = output_file::open(path);
  ASSERT_TRUE(out);
  csv_sink sink(std::move(out).value(), {"ID", "NAME,X"});
  ASSERT_TRUE(sink.begin());
  ASSERT_TRUE(sink.write("1,A\r\n"));
  ASSERT_TRUE(sink.finish());
  EXPECT_EQ(test::read_file(path), "ID,\"NAME,X\"\r\n1,A\r\n");
}

}  // namespace
}  // namespace mfb::bridge
