// --bdw-order, --bdw-adjust, --keep-partial-last-record and --length-map at the reader, with
// small batches so that block state and lookups cross buffer refills. The bytes follow the
// definitions: IBM's BDW counts itself (extended form: bit 0 set, a 31-bit length), a
// little-endian word is the IBM word reversed; text in cp037 (C1 = 'A', 40 = space).

#include <gtest/gtest.h>

#include <memory>

#include "framing_test_support.hpp"
#include "mfb/bridge/io/framing_flags.hpp"
#include "mfb/bridge/io/layout_framing.hpp"
#include "mfb/copybook/parse.hpp"
#include "test_support.hpp"

namespace mfb::test {
namespace {

using bridge::framing_options;
using bridge::recfm;

// Two blocks of two records each (RDWs big-endian, counting themselves).
const char* const records_a = "0006 0000 C1C1  0005 0000 C2";
const char* const records_b = "0007 0000 C3C3C3  0004 0000";

TEST(bdw_options, little_endian_blocks_under_big_endian_records) {
  framing_options o = variable(recfm::vb);
  ASSERT_EQ(bridge::set_bdw_options(o, "le", 0), "");
  // block lengths 15 and 15: the IBM word 00 0F 00 00 reversed is 00 00 0F 00
  auto bytes = from_hex(std::string("0000 0F00 ") + records_a + " 0000 0F00 " + records_b);
  auto f = frame_bytes(bytes, o, 1);  // the smallest batch: a refill between records
  ASSERT_FALSE(f.error) << f.error_text();
  ASSERT_EQ(f.records.size(), 4u);
  EXPECT_EQ(f.records[2], from_hex("C3C3C3"));
  EXPECT_TRUE(f.records[3].empty());
  // read big-endian, the same BDW is an impossible one
  EXPECT_TRUE(frame_bytes(bytes, variable(recfm::vb)).error);
}

TEST(bdw_options, adjustment_and_extended_form) {
  framing_options o = variable(recfm::vb);
  ASSERT_EQ(bridge::set_bdw_options(o, "", 4), "");
  // BDWs that count only their records (11), not themselves
  auto f = frame_bytes(from_hex(std::string("000B 0000 ") + records_a + " 000B 0000 " + records_b), o, 1);
  ASSERT_FALSE(f.error) << f.error_text();
  EXPECT_EQ(f.records.size(), 4u);
  // the extended form, little-endian: 0F 00 00 80 is 80 00 00 0F reversed
  framing_options le = variable(recfm::vb);
  ASSERT_EQ(bridge::set_bdw_options(le, "le", 0), "");
  f = frame_bytes(from_hex(std::string("0F00 0080 ") + records_a), le);
  ASSERT_FALSE(f.error) << f.error_text();
  EXPECT_EQ(f.records.size(), 2u);
  // adjusted below the BDW and one RDW
  framing_options low = variable(recfm::vb);
  ASSERT_EQ(bridge::set_bdw_options(low, "", -8), "");
  EXPECT_EQ(frame_bytes(from_hex(std::string("000F 0000 ") + records_a), low).error_text(),
            "file.dat: block at offset 0: BDW 00 0F 00 00 gives a block length of 7 after --bdw-adjust -8, "
            "less than 8 (the BDW and one RDW)");
}

TEST(bdw_options, refuses_unblocked_formats_and_bad_values) {
  framing_options v = variable(recfm::v);
  EXPECT_NE(bridge::set_bdw_options(v, "le", 0), "");
  EXPECT_NE(bridge::set_bdw_options(v, "", 4), "");
  EXPECT_EQ(bridge::set_bdw_options(v, "", 0), "");  // nothing asked
  framing_options vb = variable(recfm::vb);
  EXPECT_NE(bridge::set_bdw_options(vb, "middle", 0), "");
  EXPECT_NE(bridge::set_bdw_options(vb, "", (1LL << 31) + 1), "");
  EXPECT_TRUE(vb.bdw_is_big_endian());
  vb.rdw_big_endian = false;
  EXPECT_FALSE(vb.bdw_is_big_endian());  // unset: as the RDWs
}

TEST(partial_last_record, is_handed_out_short_when_kept) {
  framing_options o = fb(4);
  EXPECT_TRUE(frame_bytes(bytes_of("AAAABBBBCC"), o).error);
  ASSERT_EQ(bridge::set_keep_partial_last_record(o, true), "");
  auto f = frame_bytes(bytes_of("AAAABBBBCC"), o, 1);
  ASSERT_FALSE(f.error) << f.error_text();
  ASSERT_EQ(f.records.size(), 3u);
  EXPECT_EQ(f.records[2], bytes_of("CC"));
  EXPECT_EQ(f.offsets[2], 8u);
  framing_options v = variable(recfm::v);
  EXPECT_NE(bridge::set_keep_partial_last_record(v, true), "");
}

copybook::record_layout layout_of(const std::string& text) {
  auto parsed = copybook::parse_copybook_text(text, "t.cpy");
  EXPECT_TRUE(parsed.ok()) << copybook::to_string(parsed.diagnostics);
  return parsed.records.at(0);
}

TEST(length_map, parses_pairs) {
  framing_options o;
  o.format = recfm::length_field;
  ASSERT_EQ(bridge::set_length_map(o, "A=6, B = 12,=3"), "");
  ASSERT_EQ(o.length_map.size(), 3u);
  EXPECT_EQ(o.length_map[1], (std::pair<std::string, std::uint64_t>{"B", 12}));
  EXPECT_EQ(o.length_map[2].first, "");  // a blank field
  for (const char* bad : {"A", "A=", "A=0", "A=-1", "A=2147483649", "A=1,A=2", "A=1,,B=2"})
    EXPECT_NE(bridge::set_length_map(o, bad), "") << bad;
  framing_options fbo = fb(4);
  EXPECT_NE(bridge::set_length_map(fbo, "A=1"), "");
}

TEST(length_map, looks_text_values_up_across_refills) {
  auto layout = layout_of("       01 R.\n          05 T PIC X(2).\n          05 D PIC X(4).\n");
  auto page = ebcdic::code_page::open("cp037");
  ASSERT_TRUE(page);
  framing_options o;
  o.format = recfm::length_field;
  ASSERT_EQ(bridge::set_length_map(o, "A=3,BB=6"), "");
  ASSERT_EQ(bridge::set_length_map_framing(o, layout, "T", std::make_shared<const ebcdic::code_page>(*page),
                                           ebcdic::zoned_charset::ebcdic, ebcdic::truncation::standard),
            "");
  // "A " + 1 byte, "BB" + 4 bytes, "A" + NUL (trimmed as Java trims) + 1 byte
  auto bytes = from_hex("C140 F1  C2C2 F1F2F3F4  C100 F2");
  auto f = frame_bytes(bytes, o, 1);
  ASSERT_FALSE(f.error) << f.error_text();
  ASSERT_EQ(f.records.size(), 3u);
  EXPECT_EQ(f.records[1], from_hex("C2C2 F1F2F3F4"));
  EXPECT_EQ(f.offsets[2], 9u);
  EXPECT_EQ(frame_bytes(from_hex("C140 F1  C3C3 F1"), o).error_text(),
            "file.dat: record 2 at offset 3: length field R.T (bytes 0-1 of the record) holds 'CC', which "
            "--length-map does not list (it lists 'A', 'BB'): the record's length is unknown, so reading "
            "stops here");
  // a field outside a fixed place, and one that is neither text nor a whole number
  auto odo = layout_of("       01 R.\n          05 N PIC 9.\n          05 G OCCURS 1 TO 2 DEPENDING ON N.\n"
                       "             10 T PIC X.\n          05 V PIC 9V9.\n");
  for (const char* name : {"T", "V", "G"}) {
    framing_options m;
    m.format = recfm::length_field;
    ASSERT_EQ(bridge::set_length_map(m, "1=2"), "");
    EXPECT_NE(bridge::set_length_map_framing(m, odo, name, std::make_shared<const ebcdic::code_page>(*page),
                                             ebcdic::zoned_charset::ebcdic, ebcdic::truncation::standard),
              "")
        << name;
  }
}

}  // namespace
}  // namespace mfb::test
