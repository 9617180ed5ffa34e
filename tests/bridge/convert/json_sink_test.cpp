// json_sink: lines pass through unchanged; I/O failures are reported, not swallowed.

#include <gtest/gtest.h>

#include "mfb/bridge/convert/json_sink.hpp"
#include "test_support.hpp"

namespace mfb::bridge {
namespace {

TEST(json_sink, writes_lines_as_given) {
  test::temp_dir dir;
  auto path = (dir.path() / "out.jsonl").string();
  auto out = output_file::open(path);
  ASSERT_TRUE(out);
  json_sink sink(std::move(out).value());
  ASSERT_TRUE(sink.begin());
  ASSERT_TRUE(sink.write("{\"A\":1}\n"));
  ASSERT_TRUE(sink.write("{\"A\":2}\n"));
  ASSERT_TRUE(sink.finish());
  EXPECT_EQ(test::read_file(path), "{\"A\":1}\n{\"A\":2}\n");
}

TEST(json_sink, a_full_disk_is_an_error) {
  if (!std::filesystem::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
  auto out = output_file::open("/dev/full", 4096);
  ASSERT_TRUE(out);
  json_sink sink(std::move(out).value());
  std::string line(1000, 'x');
  line += '\n';
  bool ok = true;
  for (int i = 0; i < 100 && ok; ++i) ok = sink.write(line);
  auto closed = sink.finish();
  EXPECT_FALSE(ok && closed.ok());
  EXPECT_NE(sink.error().find("/dev/full"), std::string::npos);
}

}  // namespace
}  // namespace mfb::bridge
