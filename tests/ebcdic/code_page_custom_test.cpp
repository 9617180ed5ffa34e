// Custom single-byte tables (code_page::from_table_file). The sample is Cobrix's test page
// "custom_test"; decoding Cobrix's t09 data with it must give Cobrix's own expected output.

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "mfb/ebcdic/code_page.hpp"
#include "test_support.hpp"

namespace mfb::ebcdic {
namespace {

std::filesystem::path sample_table() {
  return test::source_dir() / "tests/data/codepages/cobrix_custom_test.txt";
}

std::string decode(const code_page& cp, const std::uint8_t* in, std::size_t len) {
  std::string out(len * cp.max_utf8_per_byte(), '\0');
  std::size_t written = 0;
  EXPECT_EQ(cp.decode(in, len, out.data(), written), decode_status::ok);
  out.resize(written);
  return out;
}

/// The value of "key":"..." in one line of Cobrix's JSON output (no escapes occur there).
std::string json_string(const std::string& line, const std::string& key) {
  auto at = line.find("\"" + key + "\":\"");
  if (at == std::string::npos) return "<missing>";
  at += key.size() + 4;
  return line.substr(at, line.find('"', at) - at);
}

TEST(code_page_custom, cobrix_t09_custom_page_matches_cobrix_output) {
  const auto t09 = test::source_dir().parent_path() / "shared/peer/cobrix/t09_code_pages";
  if (!std::filesystem::exists(t09)) GTEST_SKIP() << "Cobrix peer suite not beside the repo";
  auto cp = code_page::from_table_file(sample_table());
  ASSERT_TRUE(cp) << cp.err().message;
  const auto data = test::read_bytes(t09 / "data/TRAN.APR14.NPT.DATA.dat");
  std::ifstream expected(t09 / "expected/test9_cp_custom.txt");
  std::string line;
  std::size_t record = 0;
  struct field {
    const char* name;
    std::size_t offset, size;
  };
  const field fields[] = {
      {"CURRENCY", 0, 3}, {"SIGNATURE", 3, 8}, {"COMPANY_NAME_NP", 11, 15}, {"COMPANY_ID", 26, 10}};
  while (std::getline(expected, line)) {
    ASSERT_LE((record + 1) * 45, data.size());
    for (const auto& f : fields)
      EXPECT_EQ(decode(*cp, data.data() + record * 45 + f.offset, f.size),
                json_string(line, f.name))
          << "record " << record << " " << f.name;
    ++record;
  }
  EXPECT_EQ(record, 60u);
}

TEST(code_page_custom, encode_prefers_standard_positions) {
  auto cp = code_page::from_table_file(sample_table());
  ASSERT_TRUE(cp) << cp.err().message;
  EXPECT_EQ(cp->kind(), page_kind::single_byte);
  std::uint8_t out[5];
  ASSERT_EQ(cp->encode("aB1", out, 5), decode_status::ok);
  // Swapped case: 'a' is 0xC1 and 'B' 0x82; space is 0x40 (as in cp037), not byte 0x00.
  EXPECT_EQ(test::to_hex(out, 5), "C182F14040");
  EXPECT_EQ(cp->encode("é", out, 5), decode_status::unmappable);
}

TEST(code_page_custom, base_page_with_overrides) {
  test::temp_dir dir;
  const auto file = dir.path() / "patched.txt";
  test::write_file(file, "# site patch\nbase=cp037\n4A U+20AC   # euro where cent was\n0x5A U+00A2\n");
  auto cp = code_page::from_table_file(file);
  ASSERT_TRUE(cp) << cp.err().message;
  EXPECT_EQ(cp->info().ccsid, 37);
  EXPECT_EQ(cp->sbcs_table()[0x4A], 0x20ACu);
  EXPECT_EQ(cp->sbcs_table()[0x5A], 0xA2u);
  EXPECT_EQ(cp->sbcs_table()[0xC1], 0x41u);  // from the base
  std::uint8_t out[2];
  ASSERT_EQ(cp->encode("€¢", out, 2), decode_status::ok);
  EXPECT_EQ(test::to_hex(out, 2), "4A5A");
}

TEST(code_page_custom, malformed_tables_say_where) {
  test::temp_dir dir;
  auto load = [&](const std::string& content) {
    test::write_file(dir.path() / "t.txt", content);
    auto cp = code_page::from_table_file(dir.path() / "t.txt");
    EXPECT_FALSE(cp);
    return cp ? std::string() : cp.err().message;
  };
  EXPECT_NE(load("00 U+0020\n").find("has no mapping"), std::string::npos);
  EXPECT_NE(load("base=cp037\nC1 U+0041\nC1 U+0042\n").find(":3: byte C1 is mapped twice"),
            std::string::npos);
  EXPECT_NE(load("base=cp037\nC1 0041\n").find(":2: expected"), std::string::npos);
  EXPECT_NE(load("base=cp037\nC1 U+D800\n").find(":2:"), std::string::npos);
  EXPECT_NE(load("base=nosuchpage\n").find("mfbridge codepages"), std::string::npos);
  EXPECT_NE(load("base=cp930\n").find("single-byte"), std::string::npos);
  EXPECT_FALSE(code_page::from_table_file(dir.path() / "missing.txt"));
}

}  // namespace
}  // namespace mfb::ebcdic
