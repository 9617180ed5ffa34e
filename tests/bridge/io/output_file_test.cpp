// output_file: bytes arrive intact across buffer boundaries, and failures (disk full via
// /dev/full, a missing folder) give one clear, sticky error.

#include "mfb/bridge/io/output_file.hpp"

#include <gtest/gtest.h>

#include <string>

#include "test_support.hpp"

namespace mfb::test {
namespace {

using bridge::output_file;

TEST(output_file, small_and_large_writes_arrive_in_order) {
  temp_dir dir;
  const auto path = (dir.path() / "out.txt").string();
  auto out = output_file::open(path, 4096);
  ASSERT_TRUE(out) << out.err().message;
  std::string expect;
  std::string big(10000, 'x');
  for (int i = 0; i < 2000; ++i) {
    std::string line = std::to_string(i) + "\n";
    (*out)->write(line);
    expect += line;
    if (i % 500 == 0) {
      (*out)->write(big);
      expect += big;
      (*out)->put('!');
      expect += '!';
    }
  }
  EXPECT_EQ((*out)->bytes_written(), expect.size());
  auto closed = (*out)->close();
  ASSERT_TRUE(closed) << closed.err().message;
  EXPECT_EQ(read_file(path), expect);
}

TEST(output_file, disk_full_is_a_clear_sticky_error) {
  if (!std::filesystem::exists("/dev/full")) GTEST_SKIP() << "/dev/full missing";
  auto out = output_file::open("/dev/full", 4096);
  ASSERT_TRUE(out) << out.err().message;
  std::string chunk(3000, 'a');
  EXPECT_TRUE((*out)->write(chunk));   // still buffered
  EXPECT_FALSE((*out)->write(chunk));  // the buffer fills and the flush fails
  EXPECT_FALSE((*out)->ok());
  EXPECT_EQ((*out)->error(), "/dev/full: write failed after 0 bytes: No space left on device");
  EXPECT_FALSE((*out)->write(chunk));
  auto closed = (*out)->close();
  ASSERT_FALSE(closed);
  EXPECT_EQ(closed.err().message, "/dev/full: write failed after 0 bytes: No space left on device");
}

TEST(output_file, open_errors_name_the_file) {
  temp_dir dir;
  const auto path = (dir.path() / "no/such/dir/out.txt").string();
  auto out = output_file::open(path);
  ASSERT_FALSE(out);
  EXPECT_EQ(out.err().message, path + ": cannot create: No such file or directory");
}

TEST(output_file, dash_is_stdout) {
  auto out = output_file::open("-");
  ASSERT_TRUE(out);
  EXPECT_EQ((*out)->name(), "<stdout>");
  EXPECT_EQ((*out)->bytes_written(), 0u);
}

}  // namespace
}  // namespace mfb::test
