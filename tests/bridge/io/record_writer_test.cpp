// Record writer: descriptor words and padding worked out by hand from IBM's RDW/BDW layout
// (LL LL 00 00, lengths counting the word), then read back by the oracle-tested reader.

#include "mfb/bridge/io/record_writer.hpp"

#include <gtest/gtest.h>

#include "mfb/bridge/io/record_reader.hpp"
#include "test_support.hpp"

namespace mfb::bridge {
namespace {

std::vector<std::uint8_t> write_all(writer_options o, const std::vector<std::vector<std::uint8_t>>& recs,
                                    const std::filesystem::path& p) {
  auto w = record_writer::open(p.string(), o);
  EXPECT_TRUE(w.ok());
  for (const auto& r : recs) EXPECT_EQ((*w)->write(r.data(), r.size()), "");
  EXPECT_TRUE((*w)->close().ok());
  return test::read_bytes(p);
}

TEST(record_writer, fixed_pads_and_refuses_long_records) {
  test::temp_dir t;
  writer_options o;
  o.format = recfm::fb;
  o.lrecl = 4;
  auto bytes = write_all(o, {{0xC1}, {1, 2, 3, 4}}, t.path() / "f.bin");
  EXPECT_EQ(test::to_hex(bytes), "C140404001020304");
  auto w = record_writer::open((t.path() / "g.bin").string(), o);
  std::uint8_t five[5] = {};
  EXPECT_NE((*w)->write(five, 5).find("longer than LRECL 4"), std::string::npos);
  o.pad_short = false;
  auto strict = record_writer::open((t.path() / "h.bin").string(), o);
  EXPECT_NE((*strict)->write(five, 3).find("shorter than LRECL"), std::string::npos);
}

TEST(record_writer, v_rdw_forms) {
  test::temp_dir t;
  writer_options o;
  o.format = recfm::v;
  EXPECT_EQ(test::to_hex(write_all(o, {{0xC1, 0xC2, 0xC3}}, t.path() / "v")), "00070000C1C2C3");
  o.rdw_includes_header = false;
  EXPECT_EQ(test::to_hex(write_all(o, {{0xC1}}, t.path() / "v2")), "00010000C1");
  o.rdw_includes_header = true;
  o.rdw_big_endian = false;
  EXPECT_EQ(test::to_hex(write_all(o, {{0xC1}}, t.path() / "v3")), "00000500C1");
}

TEST(record_writer, vb_blocks_split_at_block_size_and_read_back) {
  test::temp_dir t;
  writer_options o;
  o.format = recfm::vb;
  o.block_size = 20;  // BDW 4 + two records of 4+4 = 20: the third starts a new block
  std::vector<std::vector<std::uint8_t>> recs = {{1, 2, 3, 4}, {5, 6, 7, 8}, {9}};
  auto bytes = write_all(o, recs, t.path() / "vb");
  EXPECT_EQ(test::to_hex(bytes), "0014000000080000010203040008000005060708000900000005000009");
  framing_options f;
  f.format = recfm::vb;
  auto r = record_reader::open((t.path() / "vb").string(), f);
  ASSERT_TRUE(r.ok());
  record_batch b;
  std::vector<std::vector<std::uint8_t>> got;
  while ((*r)->next(b))
    for (const auto& v : b) got.emplace_back(v.data, v.data + v.size);
  EXPECT_EQ(got, recs);
  EXPECT_EQ((*r)->error(), nullptr);
}

TEST(record_writer, unsupported_formats_are_usage_errors) {
  writer_options o;
  o.format = recfm::vbs;
  EXPECT_NE(o.validate(), "");
  o.format = recfm::f;
  EXPECT_NE(o.validate(), "");  // no lrecl
}

}  // namespace
}  // namespace mfb::bridge
