// input_source: plain files, stdin, memory, and gzip (made by Python's gzip module, an
// independent writer), including multi-member, truncated and corrupt streams.

#include "mfb/bridge/io/input_source.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdint>
#include <vector>

#include "test_support.hpp"

namespace mfb::test {
namespace {

using bridge::input_source;

std::vector<std::uint8_t> read_all(input_source& src, std::string* error = nullptr, std::size_t chunk = 4096) {
  std::vector<std::uint8_t> out;
  bridge::aligned_buffer buf(chunk);
  for (;;) {
    auto r = src.read(buf.data(), chunk);
    if (!r) {
      if (error != nullptr) *error = r.err().message;
      break;
    }
    if (*r == 0) break;
    out.insert(out.end(), buf.data(), buf.data() + *r);
  }
  return out;
}

std::vector<std::uint8_t> sample(std::size_t n) {
  std::vector<std::uint8_t> v(n);
  for (std::size_t i = 0; i < n; ++i) v[i] = static_cast<std::uint8_t>((i * 131 + i / 7) % 256);
  return v;
}

/// Write `data` to `path` and a gzip copy made by Python to `gz`.
void write_with_gzip(const std::filesystem::path& path, const std::filesystem::path& gz,
                     const std::vector<std::uint8_t>& data) {
  write_file(path, std::string(data.begin(), data.end()));
  auto r = run_command("python3 -c \"import gzip,sys; open(sys.argv[2],'wb').write(gzip.compress(open(sys.argv[1],'rb').read()))\" '" +
                       path.string() + "' '" + gz.string() + "'");
  ASSERT_EQ(r.status, 0) << r.err;
}

TEST(input_source, plain_file_reads_every_byte) {
  temp_dir dir;
  auto data = sample(300000);
  write_file(dir.path() / "a.dat", std::string(data.begin(), data.end()));
  auto src = input_source::open((dir.path() / "a.dat").string());
  ASSERT_TRUE(src) << src.err().message;
  EXPECT_FALSE((*src)->compressed());
  EXPECT_EQ((*src)->known_size(), 300000);
  EXPECT_EQ(read_all(**src, nullptr, 8192), data);
}

TEST(input_source, gzip_is_detected_by_magic_and_inflated) {
  if (!have_program("python3")) GTEST_SKIP() << "python3 not found";
  temp_dir dir;
  auto data = sample(1 << 20);
  write_with_gzip(dir.path() / "a.dat", dir.path() / "a.gz", data);
  auto src = input_source::open((dir.path() / "a.gz").string());
  ASSERT_TRUE(src) << src.err().message;
  EXPECT_TRUE((*src)->compressed());
  EXPECT_EQ((*src)->known_size(), -1);
  std::string err;
  EXPECT_EQ(read_all(**src, &err), data);
  EXPECT_EQ(err, "");

  // With detection off, the compressed bytes come through unchanged.
  auto raw = input_source::open((dir.path() / "a.gz").string(), false);
  ASSERT_TRUE(raw);
  EXPECT_EQ(read_all(**raw), read_bytes(dir.path() / "a.gz"));
}

TEST(input_source, concatenated_gzip_members_form_one_stream) {
  if (!have_program("python3")) GTEST_SKIP() << "python3 not found";
  temp_dir dir;
  auto a = sample(5000);
  auto b = sample(7000);
  write_with_gzip(dir.path() / "a", dir.path() / "a.gz", a);
  write_with_gzip(dir.path() / "b", dir.path() / "b.gz", b);
  auto both = read_bytes(dir.path() / "a.gz");
  auto second = read_bytes(dir.path() / "b.gz");
  both.insert(both.end(), second.begin(), second.end());
  auto src = input_source::from_memory(both.data(), both.size(), "ab.gz");
  auto expect = a;
  expect.insert(expect.end(), b.begin(), b.end());
  std::string err;
  EXPECT_EQ(read_all(*src, &err), expect);
  EXPECT_EQ(err, "");
}

TEST(input_source, truncated_and_corrupt_gzip_are_errors) {
  if (!have_program("python3")) GTEST_SKIP() << "python3 not found";
  temp_dir dir;
  write_with_gzip(dir.path() / "a", dir.path() / "a.gz", sample(100000));
  auto gz = read_bytes(dir.path() / "a.gz");
  auto cut = std::vector<std::uint8_t>(gz.begin(), gz.begin() + static_cast<long>(gz.size() / 2));
  std::string err;
  read_all(*input_source::from_memory(cut.data(), cut.size(), "cut.gz"), &err);
  EXPECT_EQ(err, "cut.gz: truncated gzip data (the compressed stream ends mid-member)");

  auto bad = gz;
  bad[3] = 0xFF;  // FLG with reserved bits set: zlib rejects the header
  err.clear();
  read_all(*input_source::from_memory(bad.data(), bad.size(), "bad.gz"), &err);
  EXPECT_EQ(err, "bad.gz: corrupt gzip data: unknown header flags set");
}

TEST(input_source, stdin_dash_reads_standard_input) {
  temp_dir dir;
  auto data = sample(70000);
  write_file(dir.path() / "in", std::string(data.begin(), data.end()));
  int saved = ::dup(STDIN_FILENO);
  int fd = ::open((dir.path() / "in").c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  ::dup2(fd, STDIN_FILENO);
  ::close(fd);
  auto src = input_source::open("-");
  std::vector<std::uint8_t> got;
  if (src) got = read_all(**src);
  ::dup2(saved, STDIN_FILENO);
  ::close(saved);
  ASSERT_TRUE(src);
  EXPECT_EQ((*src)->name(), "<stdin>");
  EXPECT_EQ(got, data);
}

TEST(input_source, open_errors_name_the_file) {
  temp_dir dir;
  auto missing = input_source::open((dir.path() / "nope.dat").string());
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.err().message, (dir.path() / "nope.dat").string() + ": cannot open: No such file or directory");
  auto folder = input_source::open(dir.path().string());
  ASSERT_FALSE(folder);
  EXPECT_EQ(folder.err().message, dir.path().string() + ": cannot read: Is a directory");
}

TEST(input_source, short_memory_inputs) {
  const std::uint8_t one[] = {0x1f};
  auto src = input_source::from_memory(one, 1, "one");
  EXPECT_EQ(read_all(*src), std::vector<std::uint8_t>{0x1f});
  auto empty = input_source::from_memory(nullptr, 0, "empty");
  EXPECT_TRUE(read_all(*empty).empty());
}

TEST(aligned_buffer, is_page_aligned_and_grow_keeps_bytes) {
  bridge::aligned_buffer b(100);
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(b.data()) % 4096, 0u);
  EXPECT_EQ(b.capacity(), 4096u);
  for (std::size_t i = 0; i < 100; ++i) b.data()[i] = static_cast<std::uint8_t>(i);
  b.grow(100000, 100);
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(b.data()) % 4096, 0u);
  EXPECT_GE(b.capacity(), 100000u);
  for (std::size_t i = 0; i < 100; ++i) ASSERT_EQ(b.data()[i], i);
}

}  // namespace
}  // namespace mfb::test
