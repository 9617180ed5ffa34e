// csv_sink: the header row (its quoting is codec/text/csv_quote, tested there).

#include <gtest/gtest.h>

#include "mfb/bridge/convert/csv_sink.hpp"
#include "test_support.hpp"

namespace mfb::bridge {
namespace {

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
