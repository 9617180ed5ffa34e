// Single-byte code pages against ICU itself (every byte of every page), uconv on a file of
// all 256 bytes, the alias spellings users type, and the custom table format checked
// against Cobrix's own output for its test page.

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include <unicode/ucnv.h>
#include <unicode/uset.h>
#include <unicode/ustring.h>

#include "mfb/ebcdic/code_page.hpp"
#include "test_support.hpp"

namespace mfb::ebcdic {
namespace {

/// ICU's own answer for a byte string, as UTF-8 (the oracle).
std::string icu_decode(const char* icu_name, const std::string& bytes) {
  UErrorCode err = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(icu_name, &err);
  EXPECT_TRUE(U_SUCCESS(err)) << icu_name;
  std::vector<UChar> u(bytes.size() * 2 + 4);
  int32_t n = ucnv_toUChars(conv, u.data(), static_cast<int32_t>(u.size()), bytes.data(),
                            static_cast<int32_t>(bytes.size()), &err);
  ucnv_close(conv);
  std::string out(static_cast<std::size_t>(n) * 4 + 4, '\0');
  int32_t n8 = 0;
  u_strToUTF8(out.data(), static_cast<int32_t>(out.size()), &n8, u.data(), n, &err);
  EXPECT_TRUE(U_SUCCESS(err));
  out.resize(static_cast<std::size_t>(n8));
  return out;
}

std::string decode(const code_page& cp, const std::vector<std::uint8_t>& in) {
  std::string out(in.size() * cp.max_utf8_per_byte(), '\0');
  std::size_t written = 0;
  EXPECT_EQ(cp.decode(in.data(), in.size(), out.data(), written), decode_status::ok);
  out.resize(written);
  return out;
}

/// ICU's converter for a page, by ICU's own "ibm-<CCSID>" alias (the unswapped table).
std::string icu_name_of(const code_page_info& info) { return "ibm-" + std::to_string(info.ccsid); }

TEST(code_page, list_holds_the_pages_the_issue_names) {
  std::set<int> ccsids;
  int previous = 0;
  for (const auto& p : code_page::list()) {
    EXPECT_GT(p.ccsid, previous) << "sorted by CCSID, no duplicates";
    previous = p.ccsid;
    ccsids.insert(p.ccsid);
    EXPECT_FALSE(p.description.empty());
    EXPECT_EQ(p.description.find("ICU"), std::string::npos) << p.name << " lacks an IBM name";
    EXPECT_FALSE(p.aliases.empty());
  }
  for (int c : {37, 273, 277, 278, 280, 284, 285, 290, 297, 420, 424, 500, 838, 870, 871, 875,
                1025, 1026, 1047, 1097, 1112, 1122, 1123, 1140, 1141, 1142, 1143, 1144, 1145,
                1146, 1147, 1148, 1149, 1153, 1154, 1155, 1156, 1157, 1158, 1160, 1164})
    EXPECT_TRUE(ccsids.count(c)) << c;
  for (int c : {930, 933, 935, 937, 939, 1364, 1371, 1388, 1390, 1399, 16684})
    EXPECT_TRUE(ccsids.count(c)) << c;
}

TEST(code_page, every_single_byte_page_decodes_every_byte_as_icu) {
  std::size_t pages = 0;
  for (const auto& info : code_page::list()) {
    if (info.kind != page_kind::single_byte) continue;
    ++pages;
    auto cp = code_page::open(info.name);
    ASSERT_TRUE(cp) << info.name;
    const std::string icu = icu_name_of(info);
    ASSERT_FALSE(icu.empty()) << info.name;
    std::vector<std::uint8_t> all(256);
    std::string expected_all;
    for (int b = 0; b < 256; ++b) {
      all[static_cast<std::size_t>(b)] = static_cast<std::uint8_t>(b);
      std::string one = icu_decode(icu.c_str(), std::string(1, static_cast<char>(b)));
      EXPECT_EQ(decode(*cp, {static_cast<std::uint8_t>(b)}), one) << info.name << " byte " << b;
      expected_all += one;
    }
    // The whole run at once takes the 16-byte block paths as well.
    EXPECT_EQ(decode(*cp, all), expected_all) << info.name;
  }
  EXPECT_GE(pages, 50u);  // 54 in ICU 72
}

TEST(code_page, every_round_trip_character_encodes_as_icu) {
  for (const auto& info : code_page::list()) {
    if (info.kind != page_kind::single_byte) continue;
    auto cp = code_page::open(info.name);
    ASSERT_TRUE(cp);
    UErrorCode err = U_ZERO_ERROR;
    UConverter* conv = ucnv_open(icu_name_of(info).c_str(), &err);
    ucnv_setFromUCallBack(conv, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
    USet* set = uset_openEmpty();
    ucnv_getUnicodeSet(conv, set, UCNV_ROUNDTRIP_SET, &err);
    ASSERT_TRUE(U_SUCCESS(err));
    const int32_t n = uset_size(set);
    for (int32_t i = 0; i < n; ++i) {
      UChar32 c = uset_charAt(set, i);
      UChar src[2];
      int32_t n16 = 0;
      U16_APPEND_UNSAFE(src, n16, c);
      char icu_byte[8];
      err = U_ZERO_ERROR;
      int32_t k = ucnv_fromUChars(conv, icu_byte, 8, src, n16, &err);
      ASSERT_TRUE(U_SUCCESS(err) && k == 1) << info.name;
      char utf8[8];
      int32_t n8 = 0;
      u_strToUTF8(utf8, 8, &n8, src, n16, &err);
      std::uint8_t ours = 0;
      EXPECT_EQ(cp->encode(std::string_view(utf8, static_cast<std::size_t>(n8)), &ours, 1),
                decode_status::ok)
          << info.name << " U+" << std::hex << c;
      EXPECT_EQ(ours, static_cast<std::uint8_t>(icu_byte[0])) << info.name << " U+" << std::hex << c;
    }
    uset_close(set);
    ucnv_close(conv);
  }
}

TEST(code_page, cp037_matches_uconv_on_all_256_bytes) {
  if (!test::have_program("uconv")) GTEST_SKIP() << "uconv (icu-devtools) not installed";
  test::temp_dir dir;
  std::string all;
  for (int b = 0; b < 256; ++b) all += static_cast<char>(b);
  test::write_file(dir.path() / "all.bin", all);
  auto r = test::run_command("uconv -f ibm-037 -t utf-8 " + (dir.path() / "all.bin").string());
  ASSERT_EQ(r.status, 0) << r.err;
  auto cp = code_page::open("cp037");
  ASSERT_TRUE(cp);
  EXPECT_EQ(decode(*cp, std::vector<std::uint8_t>(all.begin(), all.end())), r.out);
}

TEST(code_page, encode_pads_overflows_and_substitutes) {
  auto cp = code_page::open("cp037");
  ASSERT_TRUE(cp);
  std::uint8_t out[6];
  ASSERT_EQ(cp->encode("Ab1", out, 6), decode_status::ok);
  // IBM CCSID 37: A=C1, b=82, 1=F1, space=40.
  EXPECT_EQ(test::to_hex(out, 6), "C182F1404040");
  EXPECT_EQ(cp->encode("ABCDEFG", out, 6), decode_status::overflow);
  EXPECT_EQ(cp->encode("A\u20ACB", out, 6), decode_status::unmappable);  // no euro in 37
  ASSERT_EQ(cp->encode("A\u20ACB", out, 3, unmappable_policy::substitute), decode_status::ok);
  EXPECT_EQ(test::to_hex(out, 3), "C13FC2");
  EXPECT_EQ(cp->encode("\xC3\x28", out, 6), decode_status::unmappable);  // malformed UTF-8
  auto euro = code_page::open("cp1140");
  ASSERT_TRUE(euro);
  ASSERT_EQ(euro->encode("\u20AC", out, 1), decode_status::ok);
  EXPECT_EQ(out[0], 0x9F);  // CCSID 1140 puts the euro where 37 has the currency sign
}

TEST(code_page, every_spelling_opens_the_same_page) {
  for (const char* name : {"cp037", "037", "37", "ibm-037", "IBM037", "ibm-37", "CCSID37",
                           "ccsid-037", "ebcdic-cp-us", "EBCDIC-CP-US", "Cp037", " cp037 "}) {
    auto cp = code_page::open(name);
    ASSERT_TRUE(cp) << name;
    EXPECT_EQ(cp->info().ccsid, 37) << name;
    EXPECT_EQ(cp->info().name, "cp037") << name;
  }
  for (const char* name : {"IBM01140", "CCSID01140", "ibm-1140", "1140", "ebcdic-us-37+euro"})
    EXPECT_EQ(code_page::open(name)->info().ccsid, 1140) << name;
  EXPECT_EQ(code_page::open("x-IBM930")->info().ccsid, 930);
  EXPECT_EQ(code_page::open("ibm-5026")->info().ccsid, 930);  // ICU's alias
  auto a = code_page::open("cp273");
  auto b = code_page::open("IBM273");
  EXPECT_EQ(a->sbcs_table(), b->sbcs_table()) << "opened once, shared process-wide";
}

TEST(code_page, unknown_name_says_how_to_list_pages) {
  for (const char* name : {"cp99999", "latin2", "ibm-37-s390", "", "utf-8", "ibm-850"}) {
    auto cp = code_page::open(name);
    ASSERT_FALSE(cp) << name;
    EXPECT_NE(cp.err().message.find("mfbridge codepages"), std::string::npos);
  }
}

TEST(code_page, swapped_variant_is_not_chosen) {
  // The mainframe cp1047 keeps NL at 0x15 -> U+0085; the s390 swap variant gives LF.
  auto cp = code_page::open("cp1047");
  ASSERT_TRUE(cp);
  EXPECT_EQ(cp->sbcs_table()[0x15], 0x85u);
  EXPECT_EQ(cp->sbcs_table()[0x25], 0x0Au);
}

}  // namespace
}  // namespace mfb::ebcdic
