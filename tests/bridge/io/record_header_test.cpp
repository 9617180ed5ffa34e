// Declared record headers (--record-header SPEC), --rdw-adjust, and --recfm ODO over nested
// OCCURS DEPENDING ON tables. The bytes are written from the definitions: a header of N
// bytes holding a 1-4 byte length (big- or little-endian), IBM's RDW LL LL 00 00, and the
// compact layout IBM gives a record whose tables take only their counted occurrences.

#include <gtest/gtest.h>

#include "framing_test_support.hpp"
#include "mfb/bridge/io/layout_framing.hpp"
#include "mfb/bridge/io/record_header.hpp"
#include "mfb/copybook/parse.hpp"
#include "test_support.hpp"

namespace mfb::test {
namespace {

using bridge::framing_options;
using bridge::recfm;

framing_options header(std::string_view spec) {
  framing_options o;
  EXPECT_EQ(bridge::set_record_header(o, spec), "");
  return o;
}

TEST(record_header, parses_every_item) {
  auto h = bridge::parse_record_header("size=5, length=1:2,order=le,adjust=-5,includes-header,valid=0:0x01|2");
  ASSERT_TRUE(h) << h.err().message;
  EXPECT_EQ(h->size, 5u);
  EXPECT_EQ(h->length_offset, 1u);
  EXPECT_EQ(h->length_size, 2u);
  EXPECT_FALSE(h->big_endian);
  EXPECT_EQ(h->adjust, -5);
  EXPECT_TRUE(h->includes_header);
  ASSERT_EQ(h->checks.size(), 1u);
  EXPECT_EQ(h->checks[0].values, (std::vector<std::uint8_t>{1, 2}));
  // stored 20, minus 5 (adjust), minus the 5 header bytes it counts
  EXPECT_EQ(h->data_length(20), 10);
}

TEST(record_header, refuses_wrong_specs) {
  for (const char* spec : {"", "size=5", "length=0:2", "size=5,length=4:2", "size=5,length=0:0",
                           "size=5,length=0:5", "size=300,length=0:2", "size=4,length=0:2,order=x",
                           "size=4,length=0:2,,", "size=4,length=0:2,valid=4:1",
                           "size=4,length=0:2,valid=0:256", "size=4,length=0:2,bogus=1",
                           "size=4,length=0:2,adjust=1e3", "size=4,length=0:2,adjust=99999999999"}) {
    EXPECT_FALSE(bridge::parse_record_header(spec)) << spec;
  }
  framing_options v;
  v.format = recfm::vb;
  EXPECT_EQ(bridge::set_record_header(v, "rdw"), "--record-header replaces --recfm VB: give one or the other");
}

TEST(record_header, frames_big_and_little_endian_lengths) {
  // 5-byte header: validity 01, length BE at 1-2 (data only), 2 spare bytes
  auto f = frame_bytes(from_hex("01 0002 0000 AABB  01 0000 0000  01 0003 FFFF CCDDEE"),
                       header("size=5,length=1:2,valid=0:1"), 4096);
  ASSERT_FALSE(f.error) << f.error_text();
  ASSERT_EQ(f.records.size(), 3u);
  EXPECT_EQ(f.records[0], from_hex("AABB"));
  EXPECT_TRUE(f.records[1].empty());
  EXPECT_EQ(f.records[2], from_hex("CCDDEE"));
  EXPECT_EQ(f.offsets, (std::vector<std::uint64_t>{5, 12, 17}));
  // 3-byte little-endian length at 0 that counts the 4-byte header, plus one spare byte
  auto g = frame_bytes(from_hex("060000 00 AABB  070000 00 CCDDEE"), header("size=4,length=0:3,order=le,includes-header"));
  ASSERT_FALSE(g.error) << g.error_text();
  ASSERT_EQ(g.records.size(), 2u);
  EXPECT_EQ(g.records[1], from_hex("CCDDEE"));
}

TEST(record_header, rdw_preset_frames_like_recfm_v) {
  auto data = from_hex("0006 0000 AABB  0005 0000 CC");
  auto a = frame_bytes(data, header("rdw"));
  auto b = frame_bytes(data, variable(recfm::v));
  ASSERT_FALSE(a.error) << a.error_text();
  EXPECT_EQ(a.records, b.records);
  EXPECT_EQ(a.offsets, b.offsets);
  EXPECT_EQ(frame_bytes(from_hex("0006 0100 AABB"), header("rdw")).error_text(),
            "file.dat: record 1 at offset 0: record header 00 06 01 00: header byte 2 is 01, not 00 "
            "(--record-header rdw)");
}

TEST(record_header, errors_name_record_and_offset) {
  const auto o = header("size=3,length=1:2,valid=0:0xF0");
  EXPECT_EQ(frame_bytes(from_hex("F0 0001 AA  F1 0001 BB"), o).error_text(),
            "file.dat: record 2 at offset 4: record header F1 00 01: header byte 0 is F1, not F0 "
            "(--record-header size=3,length=1:2,valid=0:0xF0)");
  EXPECT_EQ(frame_bytes(from_hex("F0 0009 AABB"), o).error_text(),
            "file.dat: record 1 at offset 0: truncated: record header F0 00 09 gives 9 data bytes but "
            "only 2 remain in the file");
  EXPECT_EQ(frame_bytes(from_hex("F0 0001 AA F0"), o).error_text(),
            "file.dat: record 2 at offset 4: truncated record header: only 1 bytes remain, the header is 3");
  const auto neg = header("size=3,length=1:2,adjust=-2");
  EXPECT_EQ(frame_bytes(from_hex("F0 0001 AA"), neg).error_text(),
            "file.dat: record 1 at offset 0: record header F0 00 01 gives a data length of -1 "
            "(--record-header size=3,length=1:2,adjust=-2)");
}

TEST(rdw_adjust, adds_to_each_rdw_and_refuses_negative_lengths) {
  auto o = variable(recfm::v, true, false);  // Cobrix: the RDW counts the data only
  EXPECT_EQ(bridge::set_rdw_adjust(o, -2), "");
  // stored 4 and 3: with -2 the records are 2 and 1 bytes
  auto f = frame_bytes(from_hex("0004 0000 AABB  0003 0000 CC"), o);
  ASSERT_FALSE(f.error) << f.error_text();
  EXPECT_EQ(f.records[0], from_hex("AABB"));
  EXPECT_EQ(f.records[1], from_hex("CC"));
  EXPECT_EQ(frame_bytes(from_hex("0004 0000 AABB  0001 0000"), o).error_text(),
            "file.dat: record 2 at offset 6: RDW 00 01 00 00 gives a negative length (-1) after "
            "--rdw-adjust -2");
  auto lf = framing_options{};
  lf.format = recfm::length_field;
  lf.length_adjust = 1;
  EXPECT_EQ(bridge::set_rdw_adjust(lf, 4), "");
  EXPECT_EQ(lf.length_adjust, 5);
  auto fb = framing_options{};
  EXPECT_NE(bridge::set_rdw_adjust(fb, 4), "");
}

copybook::record_layout layout_of(const std::string& text) {
  auto parsed = copybook::parse_copybook_text(text, "t.cpy");
  EXPECT_TRUE(parsed.ok()) << copybook::to_string(parsed.diagnostics);
  return parsed.records.at(0);
}

TEST(odo_framing, nested_tables_take_their_counted_occurrences) {
  // Cobrix's test21 copybook: each outer occurrence holds its own inner counter.
  auto layout = layout_of("       01 R.\n          02 C PIC 9.\n"
                          "          02 G OCCURS 0 TO 2 DEPENDING ON C.\n"
                          "             03 IC PIC 9.\n"
                          "             03 IG OCCURS 0 TO 3 DEPENDING ON IC.\n"
                          "                04 F PIC X.\n");
  framing_options o;
  ASSERT_EQ(bridge::set_odo_framing(o, layout, ebcdic::zoned_charset::ascii, ebcdic::truncation::standard), "");
  // 0 | 1,0 | 1,2AB | 2,1A,2BC | 2,1A,1B: lengths 1, 2, 4, 6, 5
  auto f = frame_bytes(bytes_of("01012AB21A2BC21A1B"), o, 4096);
  ASSERT_FALSE(f.error) << f.error_text();
  ASSERT_EQ(f.records.size(), 5u);
  EXPECT_EQ(f.records[3], bytes_of("21A2BC"));
  EXPECT_EQ(f.offsets, (std::vector<std::uint64_t>{0, 1, 3, 7, 13}));
  // an inner count over 3 is named with its record offset
  EXPECT_EQ(frame_bytes(bytes_of("14ABCD"), o).error_text(),
            "file.dat: record 1 at offset 0: ODO counter R.G.IC at record offset 1 is 4, outside 0 to 3");
  // a record cut inside its inner table
  EXPECT_EQ(frame_bytes(bytes_of("23A"), o).error_text(),
            "file.dat: record 1 at offset 0: truncated: only 3 bytes remain in the file");
}

TEST(odo_framing, fixed_items_after_a_nested_table_move_with_it) {
  auto layout = layout_of("       01 R.\n          05 N PIC 9.\n"
                          "          05 T OCCURS 1 TO 3 DEPENDING ON N.\n"
                          "             10 K PIC 9.\n"
                          "             10 V OCCURS 0 TO 2 DEPENDING ON K PIC XX.\n"
                          "          05 TAIL PIC X(3).\n");
  framing_options o;
  ASSERT_EQ(bridge::set_odo_framing(o, layout, ebcdic::zoned_charset::ascii, ebcdic::truncation::standard), "");
  // N=2: K=1 (2 bytes), K=0; then TAIL: 1 + 3 + 1 + 3 = 8; then N=1, K=2: 1 + 5 + 3 = 9
  auto f = frame_bytes(bytes_of("21AA0END12BBCCEOF"), o);
  ASSERT_FALSE(f.error) << f.error_text();
  ASSERT_EQ(f.records.size(), 2u);
  EXPECT_EQ(f.records[0], bytes_of("21AA0END"));
  EXPECT_EQ(f.records[1], bytes_of("12BBCCEOF"));
}

}  // namespace
}  // namespace mfb::test
