// Split planning on hand-built files. Descriptor words follow IBM's "z/OS DFSMS Using Data
// Sets" (RDW = LL LL 00 00 counting itself; BDW likewise for its block), written here byte
// by byte, never taken from the reader.

#include <gtest/gtest.h>

#include <fstream>

#include "capture_reporter.hpp"
#include "io/split_detail.hpp"
#include "mfb/bridge/io/split_plan.hpp"
#include "test_support.hpp"

namespace mfb::test {
namespace {

using bridge::framing_options;
using bridge::recfm;

std::vector<std::uint8_t> rdw(std::size_t data_len, std::uint8_t fill) {
  std::vector<std::uint8_t> r{static_cast<std::uint8_t>((data_len + 4) >> 8),
                              static_cast<std::uint8_t>((data_len + 4) & 0xFF), 0, 0};
  r.insert(r.end(), data_len, fill);
  return r;
}

void append(std::vector<std::uint8_t>& to, const std::vector<std::uint8_t>& more) {
  to.insert(to.end(), more.begin(), more.end());
}

std::string write(const temp_dir& dir, const std::vector<std::uint8_t>& bytes) {
  auto path = (dir.path() / "f.dat").string();
  std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()),
                                               static_cast<std::streamsize>(bytes.size()));
  return path;
}

framing_options v_format() {
  framing_options o;
  o.format = recfm::v;
  return o;
}

TEST(split_plan, resync_finds_the_true_rdw_in_plain_data) {
  std::vector<std::uint8_t> file;
  for (std::size_t i = 0; i < 400; ++i) append(file, rdw(100 + i % 7, 0xC1));  // 0xC1: no RDW byte
  temp_dir dir;
  bridge::detail::file_bytes f;
  ASSERT_EQ(f.open(write(dir, file)), "");
  auto at = bridge::detail::resync(f, v_format(), 8, 0, file.size(), 20000);
  ASSERT_TRUE(at) << at.err().message;
  // The true record starts: the generator's cumulative lengths.
  std::uint64_t pos = 0;
  for (std::uint64_t i = 0; pos < 20000; ++i) pos += 104 + i % 7;
  EXPECT_EQ(*at, pos);
}

TEST(split_plan, a_record_holding_a_chain_of_rdws_makes_the_window_ambiguous) {
  // One long record whose data is itself twenty valid RDW records: from inside it, a chain
  // of 8 descriptors starts that is not the file's.
  std::vector<std::uint8_t> inner;
  for (int i = 0; i < 20; ++i) append(inner, rdw(30, 0xC2));
  std::vector<std::uint8_t> file;
  // 800 records either side: enough file that resynchronising pays (see resync_pays).
  for (int i = 0; i < 800; ++i) append(file, rdw(60, 0xC1));
  const std::uint64_t long_start = file.size();
  append(file, rdw(inner.size(), 0));
  std::copy(inner.begin(), inner.end(), file.end() - static_cast<std::ptrdiff_t>(inner.size()));
  for (int i = 0; i < 800; ++i) append(file, rdw(60, 0xC1));
  temp_dir dir;
  const std::string path = write(dir, file);
  bridge::detail::file_bytes f;
  ASSERT_EQ(f.open(path), "");
  auto at = bridge::detail::resync(f, v_format(), 8, 0, file.size(), long_start + 4 + 100);
  ASSERT_FALSE(at) << "accepted offset " << *at;
  EXPECT_NE(at.err().message.find("ambiguous"), std::string::npos) << at.err().message;

  // The plan falls back to a sequential pass, says so, and numbers the records right.
  capture_reporter rep;
  bridge::split_options so;
  so.count = 2;  // the boundary target, (file size) / 2, falls inside the long record
  auto plan = bridge::plan_byte_ranges(path, v_format(), so, rep);
  ASSERT_EQ(plan.failure, bridge::failure_kind::none) << plan.message;
  EXPECT_EQ(plan.plan.method, "sequential");
  EXPECT_NE(rep.text.find("sequential pass"), std::string::npos) << rep.text;
  EXPECT_EQ(plan.plan.records, 1601u);
  ASSERT_EQ(plan.plan.ranges.size(), 2u);
  EXPECT_EQ(plan.plan.ranges[1].offset, long_start + 4 + inner.size());  // the record after it
  EXPECT_EQ(plan.plan.ranges[1].first_record, 802u);
}

TEST(split_plan, parses_split_choices_and_ranges) {
  auto c = bridge::parse_split_choice("3/8");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->index, 3u);
  EXPECT_EQ(c->count, 8u);
  for (const char* bad : {"8/8", "9/8", "0/0", "-1/8", "1/", "/8", "1/8x", "a/b", ""})
    EXPECT_FALSE(bridge::parse_split_choice(bad)) << bad;
  auto r = bridge::parse_byte_range("100:200:7");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->offset, 100u);
  EXPECT_EQ(r->length, 200u);
  EXPECT_EQ(r->first_record, 7u);
  EXPECT_EQ(bridge::parse_byte_range("100:200")->first_record, 0u);
  for (const char* bad : {"100", "100:", ":5", "1:2:3:4", "1:-2", "x:y", ""})
    EXPECT_FALSE(bridge::parse_byte_range(bad)) << bad;
}

}  // namespace
}  // namespace mfb::test

namespace {

// Sizes as --target-size and Python's target_size take them: K, M, G, T are 1024s.
TEST(ParseByteSize, UnitsArePowersOf1024) {
  EXPECT_EQ(mfb::bridge::parse_byte_size("4096"), 4096u);
  EXPECT_EQ(mfb::bridge::parse_byte_size("64KB"), 64u * 1024);
  EXPECT_EQ(mfb::bridge::parse_byte_size("256M"), 256ull * 1024 * 1024);
  EXPECT_EQ(mfb::bridge::parse_byte_size("1g"), 1ull << 30);
  EXPECT_EQ(mfb::bridge::parse_byte_size("2T"), 2ull << 40);
}

TEST(ParseByteSize, RefusesJunkAndOverflow) {
  EXPECT_FALSE(mfb::bridge::parse_byte_size(""));
  EXPECT_FALSE(mfb::bridge::parse_byte_size("M"));
  EXPECT_FALSE(mfb::bridge::parse_byte_size("12Q"));
  EXPECT_FALSE(mfb::bridge::parse_byte_size("-5"));
  EXPECT_FALSE(mfb::bridge::parse_byte_size("16777216T"));  // 2^24 * 2^40 passes 64 bits
}

}  // namespace
