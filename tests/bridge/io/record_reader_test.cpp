// Record framing on hand-built inputs. Every byte string below is written from IBM's
// "z/OS DFSMS Using Data Sets" rules for format-F and format-V records (RDW = LL LL 00 00
// counting itself; BDW = block length counting itself, or bit 0 set for the extended
// 31-bit form; SDW byte 3 = segment control 0 whole, 1 first, 2 last, 3 middle), not
// from this reader's output.

#include <gtest/gtest.h>

#include "framing_test_support.hpp"
#include "test_support.hpp"

namespace mfb::test {
namespace {

using bridge::framing_options;
using bridge::recfm;

std::vector<std::uint8_t> hex(const std::string& h) { return from_hex(h); }

TEST(record_reader, fixed_records_and_offsets) {
  auto f = frame_bytes(bytes_of("AAAABBBBCCCC"), fb(4));
  ASSERT_FALSE(f.error) << f.error_text();
  ASSERT_EQ(f.records.size(), 3u);
  EXPECT_EQ(f.records[1], bytes_of("BBBB"));
  EXPECT_EQ(f.offsets, (std::vector<std::uint64_t>{0, 4, 8}));
  EXPECT_EQ(f.numbers, (std::vector<std::uint64_t>{1, 2, 3}));
}

TEST(record_reader, fixed_leftover_names_count_and_hints_variable) {
  std::vector<std::uint8_t> data(1234, 0x40);
  auto f = frame_bytes(data, fb(100));
  EXPECT_EQ(f.records.size(), 12u);
  ASSERT_TRUE(f.error);
  EXPECT_EQ(f.error->to_string(),
            "file.dat: 1234 bytes is not a multiple of LRECL 100: 34 bytes left over after record 12 "
            "(is the file variable-length? try --recfm V or VB)");
  EXPECT_EQ(f.error->record_number, 13u);
  EXPECT_EQ(f.error->file_offset, 1200u);
}

TEST(record_reader, fixed_records_straddle_small_batches) {
  // 7-byte records over 4 KiB batches: most batch ends fall inside a record.
  std::vector<std::uint8_t> data;
  for (int i = 0; i < 10000; ++i) {
    for (int k = 0; k < 7; ++k) data.push_back(static_cast<std::uint8_t>((i * 7 + k) % 251));
  }
  auto f = frame_bytes(data, fb(7), 4096);
  ASSERT_FALSE(f.error) << f.error_text();
  ASSERT_EQ(f.records.size(), 10000u);
  EXPECT_GT(f.batches, 10u);
  for (std::size_t i = 0; i < f.records.size(); ++i) {
    ASSERT_EQ(f.offsets[i], i * 7);
    ASSERT_TRUE(std::equal(f.records[i].begin(), f.records[i].end(), data.begin() + static_cast<long>(i * 7)));
  }
}

TEST(record_reader, skip_head_tail_and_record_offsets) {
  auto o = fb(6);
  o.skip_head = 3;
  o.skip_tail = 2;
  o.record_start_offset = 1;
  o.record_end_offset = 2;
  auto f = frame_bytes(bytes_of("HDR<ab>..<cd>..TR"), o);
  ASSERT_FALSE(f.error) << f.error_text();
  ASSERT_EQ(f.records.size(), 2u);
  EXPECT_EQ(f.records[0], bytes_of("ab>"));
  EXPECT_EQ(f.records[1], bytes_of("cd>"));
  EXPECT_EQ(f.offsets, (std::vector<std::uint64_t>{4, 10}));
}

TEST(record_reader, options_are_validated) {
  auto bad = bridge::record_reader::open("-", fb(0));
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.err().message, "RECFM FB needs a record length (--lrecl)");
  EXPECT_EQ(bridge::parse_recfm("vbs"), recfm::vbs);
  EXPECT_EQ(bridge::to_string(recfm::text_lines), "TEXT");
  EXPECT_FALSE(bridge::parse_recfm("U"));
}

TEST(record_reader, v_big_endian_rdw_counts_itself) {
  auto f = frame_bytes(hex("0008 0000 C1C2C3C4  0005 0000 C5  0004 0000"), variable(recfm::v));
  ASSERT_FALSE(f.error) << f.error_text();
  ASSERT_EQ(f.records.size(), 3u);
  EXPECT_EQ(f.records[0], hex("C1C2C3C4"));
  EXPECT_EQ(f.records[1], hex("C5"));
  EXPECT_TRUE(f.records[2].empty());
  EXPECT_EQ(f.offsets, (std::vector<std::uint64_t>{4, 12, 17}));
}

TEST(record_reader, v_little_endian_rdw_without_header) {
  // Cobrix's little-endian shape: 00 00 LL LL with LL little-endian, not counting the RDW.
  auto f = frame_bytes(hex("0000 0400 C1C2C3C4  0000 0100 C5"), variable(recfm::v, false, false));
  ASSERT_FALSE(f.error) << f.error_text();
  ASSERT_EQ(f.records.size(), 2u);
  EXPECT_EQ(f.records[0], hex("C1C2C3C4"));
  EXPECT_EQ(f.records[1], hex("C5"));
}

TEST(record_reader, v_rdw_errors_name_record_offset_and_bytes) {
  const auto v = variable(recfm::v);
  EXPECT_EQ(frame_bytes(hex("0005 0000 C1  0000 0000 C2"), v).error_text(),
            "file.dat: record 2 at offset 5: RDW 00 00 00 00 has length 0");
  EXPECT_EQ(frame_bytes(hex("8000 0000"), v).error_text(),
            "file.dat: record 1 at offset 0: RDW 80 00 00 00 has length 32768, more than 32760");
  EXPECT_EQ(frame_bytes(hex("7FF9 0000"), v).error_text(),
            "file.dat: record 1 at offset 0: RDW 7F F9 00 00 has length 32761, more than 32760");
  EXPECT_EQ(frame_bytes(hex("0003 0000"), v).error_text(),
            "file.dat: record 1 at offset 0: RDW 00 03 00 00 has length 3, less than the 4 bytes of "
            "the RDW itself (does the length exclude the RDW?)");
  EXPECT_EQ(frame_bytes(hex("0005 0100 C1"), v).error_text(),
            "file.dat: record 1 at offset 0: RDW 00 05 01 00 has non-zero reserved bytes (a spanned "
            "segment? try --recfm VS or VBS)");
  EXPECT_EQ(frame_bytes(hex("0010 0000 C1C2"), v).error_text(),
            "file.dat: record 1 at offset 0: RDW 00 10 00 00: truncated: the RDW gives 16 bytes but "
            "only 6 remain in the file");
  EXPECT_EQ(frame_bytes(hex("0005 0000 C1 0000"), v).error_text(),
            "file.dat: record 2 at offset 5: truncated RDW: only 2 bytes remain in the file");
  // Records before the error are still delivered.
  EXPECT_EQ(frame_bytes(hex("0005 0000 C1  0000 0000 C2"), v).records.size(), 1u);
}

TEST(record_reader, vb_blocks_with_plain_and_extended_bdw) {
  const auto block = "0008 0000 C1C2C3C4  0008 0000 C5C6C7C8";
  auto f = frame_bytes(hex(std::string("0014 0000 ") + block + " 000D 0000 0009 0000 F1F2F3F4F5"),
                       variable(recfm::vb));
  ASSERT_FALSE(f.error) << f.error_text();
  ASSERT_EQ(f.records.size(), 3u);
  EXPECT_EQ(f.records[1], hex("C5C6C7C8"));
  EXPECT_EQ(f.records[2], hex("F1F2F3F4F5"));
  EXPECT_EQ(f.offsets, (std::vector<std::uint64_t>{8, 16, 28}));

  auto ext = frame_bytes(hex(std::string("8000 0014 ") + block), variable(recfm::vb));
  ASSERT_FALSE(ext.error) << ext.error_text();
  EXPECT_EQ(ext.records.size(), 2u);
}

TEST(record_reader, vb_errors) {
  const auto vb = variable(recfm::vb);
  EXPECT_EQ(frame_bytes(hex("000C 0000 000A 0000 C1C2C3C4C5C6"), vb).error_text(),
            "file.dat: record 1 at offset 4: RDW 00 0A 00 00 gives a length of 10 but only 8 bytes are "
            "left in the block at offset 0");
  EXPECT_EQ(frame_bytes(hex("0004 0000 0005 0000 C1"), vb).error_text(),
            "file.dat: block at offset 0: BDW 00 04 00 00 gives a block length of 4, less than 8 (the "
            "BDW and one RDW)");
  EXPECT_EQ(frame_bytes(hex("000B 0000 0005 0000 C1 C2C3"), vb).error_text(),
            "file.dat: record 2 at offset 9: the block at offset 0 has 2 bytes left, too few for an RDW");
  // a BDW of 16 claims 12 bytes of records; the file holds 5, so 7 are missing
  EXPECT_EQ(frame_bytes(hex("0010 0000 0005 0000 C1"), vb).error_text(),
            "file.dat: record 2 at offset 9: truncated RDW: only 0 bytes remain in the file but the "
            "block at offset 0 has 7 bytes left");
}

TEST(record_reader, vbs_joins_segments_across_blocks) {
  // Block 1: a whole record, then the first segment of a spanned one; block 2: its middle
  // and last segments.
  // Each BDW counts 4 + 5 + 6 = 15 bytes.
  auto bytes = hex("000F 0000  0005 0000 D1  0006 0100 C1C2"
              "000F 0000  0005 0300 C3  0006 0200 C4C5");
  auto f = frame_bytes(bytes, variable(recfm::vbs));
  ASSERT_FALSE(f.error) << f.error_text();
  ASSERT_EQ(f.records.size(), 2u);
  EXPECT_EQ(f.records[0], hex("D1"));
  EXPECT_EQ(f.records[1], hex("C1C2C3C4C5"));
  EXPECT_EQ(f.offsets, (std::vector<std::uint64_t>{8, 13}));
}

TEST(record_reader, vs_orphan_and_missing_segments) {
  const auto vs = variable(recfm::vs);
  EXPECT_EQ(frame_bytes(hex("0006 0200 C1C2"), vs).error_text(),
            "file.dat: record 1 at offset 0: orphan segment 00 06 02 00 (last segment with no first "
            "segment before it)");
  EXPECT_EQ(frame_bytes(hex("0005 0000 D1  0005 0300 C1"), vs).error_text(),
            "file.dat: record 2 at offset 5: orphan segment 00 05 03 00 (middle segment with no first "
            "segment before it)");
  EXPECT_EQ(frame_bytes(hex("0005 0100 C1  0005 0000 D1"), vs).error_text(),
            "file.dat: record 1 at offset 0: its last segment is missing: segment 00 05 00 00 at offset 5 "
            "starts a new record");
  EXPECT_EQ(frame_bytes(hex("0005 0100 C1  0005 0300 C2"), vs).error_text(),
            "file.dat: record 1 at offset 0: the file ends before the last segment of this spanned record");
  EXPECT_EQ(frame_bytes(hex("0005 0500 C1"), vs).error_text(),
            "file.dat: record 1 at offset 0: RDW 00 05 05 00 has reserved bits set in its segment "
            "control bytes");
}

TEST(record_reader, spanned_record_longer_than_a_batch) {
  // One 20,000-byte record in 40 segments of 500 bytes each, read in 4 KiB batches.
  std::vector<std::uint8_t> data;
  std::vector<std::uint8_t> expect;
  for (int s = 0; s < 40; ++s) {
    const std::uint8_t control = s == 0 ? 1 : (s == 39 ? 2 : 3);
    data.insert(data.end(), {0x01, 0xF8, control, 0x00});  // 504 = 0x01F8
    for (int k = 0; k < 500; ++k) {
      auto b = static_cast<std::uint8_t>((s * 500 + k) % 253);
      data.push_back(b);
      expect.push_back(b);
    }
  }
  auto f = frame_bytes(data, variable(recfm::vs), 4096);
  ASSERT_FALSE(f.error) << f.error_text();
  ASSERT_EQ(f.records.size(), 1u);
  EXPECT_EQ(f.records[0], expect);
}

TEST(record_reader, text_lines_lf_and_crlf) {
  bridge::framing_options o;
  o.format = recfm::text_lines;
  auto f = frame_bytes(bytes_of("one\r\ntwo\n\nlast"), o);
  ASSERT_FALSE(f.error) << f.error_text();
  ASSERT_EQ(f.records.size(), 4u);
  EXPECT_EQ(f.records[0], bytes_of("one"));
  EXPECT_EQ(f.records[1], bytes_of("two"));
  EXPECT_TRUE(f.records[2].empty());
  EXPECT_EQ(f.records[3], bytes_of("last"));
  EXPECT_EQ(f.offsets, (std::vector<std::uint64_t>{0, 5, 9, 10}));
}

TEST(record_reader, length_field_binary_and_zoned) {
  bridge::framing_options o;
  o.format = recfm::length_field;
  o.length_field_offset = 1;
  o.length_field_size = 2;
  // Type byte, then a big-endian length of the whole record.
  auto f = frame_bytes(hex("A1 0005 C1C2  A2 0004 C3"), o);
  ASSERT_FALSE(f.error) << f.error_text();
  ASSERT_EQ(f.records.size(), 2u);
  EXPECT_EQ(f.records[1], hex("A2 0004 C3"));

  o.length_field_kind = bridge::length_field_encoding::ebcdic_digits;
  o.length_adjust = 3;  // the field counts only the payload after it
  f = frame_bytes(hex("A1 F0F2 C1C2  A2 F0F1 C3"), o);
  ASSERT_FALSE(f.error) << f.error_text();
  ASSERT_EQ(f.records.size(), 2u);
  EXPECT_EQ(f.records[0], hex("A1 F0F2 C1C2"));

  EXPECT_EQ(frame_bytes(hex("A1 F0D1 C1C2"), o).error_text(),
            "file.dat: record 1 at offset 0: length field at record offset 1 holds F0 D1, not unsigned digits");
  o.length_adjust = 0;
  EXPECT_EQ(frame_bytes(hex("A1 F0F1 C1C2"), o).error_text(),
            "file.dat: record 1 at offset 0: length field F0 F1 gives a record length of 1, which does "
            "not cover the length field itself (ends at 3)");
  o.length_field_kind = bridge::length_field_encoding::binary_big_endian;
  o.length_field_offset = 0;
  o.length_field_size = 8;
  EXPECT_EQ(frame_bytes(hex("FFFFFFFFFFFFFFFF 00"), o).error_text(),
            "file.dat: record 1 at offset 0: length field FF FF FF FF FF FF FF FF gives "
            "18446744073709551615, an impossible record length");
}

TEST(record_reader, custom_length_function) {
  bridge::framing_options o;
  o.format = recfm::custom;
  // Count byte n, then n items of 2 bytes: the shape of an OCCURS DEPENDING ON record.
  o.record_length = [](std::span<const std::uint8_t> b) -> mfb::result<std::size_t> {
    if (b[0] > 9) return mfb::error{"item count " + std::to_string(b[0]) + " is over 9"};
    return std::size_t{1} + 2u * b[0];
  };
  auto f = frame_bytes(hex("02 AABB CCDD  00  01 EEFF"), o, 4096);
  ASSERT_FALSE(f.error) << f.error_text();
  ASSERT_EQ(f.records.size(), 3u);
  EXPECT_EQ(f.records[2], hex("01 EEFF"));
  EXPECT_EQ(frame_bytes(hex("01 EEFF 0A"), o).error_text(), "file.dat: record 2 at offset 3: item count 10 is over 9");
  EXPECT_EQ(frame_bytes(hex("02 AABB"), o).error_text(),
            "file.dat: record 1 at offset 0: truncated: only 3 bytes remain in the file, the record needs 5");
}

}  // namespace
}  // namespace mfb::test
