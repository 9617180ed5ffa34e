// Mixed SBCS/DBCS pages (SO/SI) and pure DBCS fields, checked against `uconv` (ICU's
// command-line tool, a separate program from our table and converter code): the bytes
// uconv writes for UTF-8 text must equal our encode, and our decode must give the text back.

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "mfb/ebcdic/code_page.hpp"
#include "test_support.hpp"

namespace mfb::ebcdic {
namespace {

std::vector<std::uint8_t> uconv_encode(const std::string& icu_name, const std::string& text) {
  test::temp_dir dir;
  test::write_file(dir.path() / "in.txt", text);
  auto r = test::run_command("uconv -f utf-8 -t " + icu_name + " " +
                             (dir.path() / "in.txt").string());
  EXPECT_EQ(r.status, 0) << r.err;
  return {r.out.begin(), r.out.end()};
}

std::string decode(const code_page& cp, const std::vector<std::uint8_t>& in,
                   decode_status expect = decode_status::ok) {
  std::string out(in.size() * cp.max_utf8_per_byte(), '\0');
  std::size_t written = 0;
  EXPECT_EQ(cp.decode(in.data(), in.size(), out.data(), written), expect);
  out.resize(written);
  return out;
}

std::string decode_dbcs(const code_page& cp, const std::vector<std::uint8_t>& in) {
  std::string out(in.size() * cp.max_utf8_per_byte(), '\0');
  std::size_t written = 0;
  EXPECT_EQ(cp.decode_dbcs(in.data(), in.size(), out.data(), written), decode_status::ok);
  out.resize(written);
  return out;
}

struct sample {
  const char* page;
  const char* text;
};

// Japanese: half-width katakana vs. lower case differ between 930/1390 and 939/1399.
const sample samples[] = {
    {"930", "ｱｲｳ abc ABC 日本語テキスト"},   {"939", "ｱｲｳ abc ABC 日本語テキスト"},
    {"1390", "ｱｲｳ abc ABC 日本語テキスト"},  {"1399", "ｱｲｳ abc ABC 日本語テキスト"},
    {"935", "中文测试 ABC 123"},              {"1388", "中文测试 ABC 123"},
    {"937", "中文測試 ABC 123"},              {"1371", "中文測試 ABC 123"},
    {"933", "한국어 텍스트 ABC"},             {"1364", "한국어 텍스트 ABC"},
};

TEST(code_page_mixed, text_round_trips_byte_for_byte_with_uconv) {
  if (!test::have_program("uconv")) GTEST_SKIP() << "uconv (icu-devtools) not installed";
  for (const auto& s : samples) {
    auto cp = code_page::open(s.page);
    ASSERT_TRUE(cp) << s.page;
    EXPECT_EQ(cp->kind(), page_kind::mixed);
    const auto expected = uconv_encode("ibm-" + std::string(s.page), s.text);
    ASSERT_FALSE(expected.empty());
    std::vector<std::uint8_t> ours(expected.size());
    ASSERT_EQ(cp->encode(s.text, ours.data(), ours.size()), decode_status::ok) << s.page;
    EXPECT_EQ(test::to_hex(ours), test::to_hex(expected)) << s.page;
    EXPECT_EQ(decode(*cp, expected), s.text) << s.page;
    // A longer field is padded with SBCS spaces after the closing SI.
    std::vector<std::uint8_t> padded(expected.size() + 3);
    ASSERT_EQ(cp->encode(s.text, padded.data(), padded.size()), decode_status::ok);
    EXPECT_EQ(test::to_hex(padded), test::to_hex(expected) + "404040");
    EXPECT_EQ(cp->encode(s.text, ours.data(), ours.size() - 1), decode_status::overflow);
  }
}

TEST(code_page_mixed, katakana_and_lower_case_swap_between_930_and_939) {
  if (!test::have_program("uconv")) GTEST_SKIP() << "uconv (icu-devtools) not installed";
  auto j930 = code_page::open("cp930");
  auto j939 = code_page::open("cp939");
  ASSERT_TRUE(j930 && j939);
  // uconv says: in 930, U+FF71 (half-width A) is 0x81 and 'a' is 0x62; 939 swaps them.
  EXPECT_EQ(test::to_hex(uconv_encode("ibm-930", "ｱa")), "8162");
  EXPECT_EQ(test::to_hex(uconv_encode("ibm-939", "ｱa")), "5981");
  EXPECT_EQ(decode(*j930, {0x81, 0x62}), "ｱa");
  EXPECT_EQ(decode(*j939, {0x59, 0x81}), "ｱa");
}

TEST(code_page_mixed, pure_dbcs_field_decodes_through_the_mixed_page) {
  if (!test::have_program("uconv")) GTEST_SKIP() << "uconv (icu-devtools) not installed";
  auto cp = code_page::open("cp930");
  ASSERT_TRUE(cp);
  auto wrapped = uconv_encode("ibm-930", "日本語ＡＢ");
  ASSERT_EQ(wrapped.front(), 0x0E);
  ASSERT_EQ(wrapped.back(), 0x0F);
  std::vector<std::uint8_t> inner(wrapped.begin() + 1, wrapped.end() - 1);
  EXPECT_EQ(decode_dbcs(*cp, inner), "日本語ＡＢ");
  std::vector<std::uint8_t> field(inner.size() + 4);
  ASSERT_EQ(cp->encode_dbcs("日本語ＡＢ", field.data(), field.size()), decode_status::ok);
  EXPECT_EQ(test::to_hex(field), test::to_hex(inner) + "40404040");  // DBCS spaces
  std::uint8_t two[2];
  EXPECT_EQ(cp->encode_dbcs("A", two, 2), decode_status::unmappable);  // SBCS-only letter
  EXPECT_EQ(cp->encode_dbcs("日本", two, 2), decode_status::overflow);
  EXPECT_EQ(cp->encode_dbcs("日", two, 1), decode_status::odd_dbcs_length);

  // The DBCS-only converter ICU ships (16684, the DBCS half of 1390/1399) agrees.
  auto dbcs = code_page::open("ibm-16684");
  ASSERT_TRUE(dbcs);
  EXPECT_EQ(dbcs->kind(), page_kind::double_byte);
  auto pure = uconv_encode("ibm-16684", "日本語");
  EXPECT_EQ(decode(*dbcs, pure), "日本語");
  EXPECT_EQ(decode_dbcs(*dbcs, pure), "日本語");
  std::vector<std::uint8_t> enc(pure.size() + 2);
  ASSERT_EQ(dbcs->encode("日本語", enc.data(), enc.size()), decode_status::ok);
  EXPECT_EQ(test::to_hex(enc), test::to_hex(pure) + "4040");
}

TEST(code_page_mixed, malformed_shift_sequences_are_errors) {
  auto cp = code_page::open("cp930");
  ASSERT_TRUE(cp);
  decode(*cp, {0x0E, 0x45, 0x62}, decode_status::bad_shift);        // SO, no SI at the end
  decode(*cp, {0xC1, 0x0F}, decode_status::bad_shift);              // SI without SO
  decode(*cp, {0x0E, 0x0E, 0x45, 0x62, 0x0F}, decode_status::bad_shift);  // nested SO
  decode(*cp, {0x0E, 0x45, 0x0F}, decode_status::odd_dbcs_length);  // odd DBCS run
  decode(*cp, {0x0E, 0x45, 0x62, 0x45}, decode_status::bad_shift);  // ends inside DBCS
  EXPECT_EQ(decode(*cp, {0xC1, 0x0E, 0x0F, 0xC2}), "AB");           // empty run is fine
  char out[16];
  std::size_t written = 0;
  const std::uint8_t odd[] = {0x45, 0x62, 0x45};
  EXPECT_EQ(cp->decode_dbcs(odd, 3, out, written), decode_status::odd_dbcs_length);
  const std::uint8_t shifted[] = {0x0E, 0x45, 0x62, 0x0F};
  EXPECT_EQ(cp->decode_dbcs(shifted, 4, out, written), decode_status::bad_shift);
  auto sbcs = code_page::open("cp037");
  EXPECT_EQ(sbcs->decode_dbcs(shifted + 1, 2, out, written), decode_status::unmappable);
}

TEST(code_page_mixed, every_mixed_page_has_a_dbcs_space_and_sbcs_half) {
  for (const auto& info : code_page::list()) {
    if (info.kind != page_kind::mixed) continue;
    auto cp = code_page::open(info.name);
    ASSERT_TRUE(cp) << info.name;
    std::uint8_t sp[2];
    ASSERT_EQ(cp->encode_dbcs("\u3000", sp, 2), decode_status::ok) << info.name;
    EXPECT_EQ(test::to_hex(sp, 2), "4040") << info.name;  // DBCS-Host space
    EXPECT_EQ(decode(*cp, {0x40, 0xF1, 0x0E, 0x40, 0x40, 0x0F}), " 1\u3000") << info.name;
  }
}

TEST(code_page_mixed, const_decode_is_safe_from_many_threads) {
  auto cp = code_page::open("cp939");
  ASSERT_TRUE(cp);
  const std::vector<std::uint8_t> in = {0x81, 0x82, 0x0E, 0x45, 0x62, 0x45, 0x66, 0x0F, 0xC1};
  const std::string expected = decode(*cp, in);
  std::vector<int> bad(4, 0);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      std::string out(in.size() * 3, '\0');
      for (int i = 0; i < 2000; ++i) {
        std::size_t w = 0;
        if (cp->decode(in.data(), in.size(), out.data(), w) != decode_status::ok ||
            out.compare(0, w, expected) != 0 || w != expected.size())
          ++bad[t];
      }
    });
  for (auto& th : threads) th.join();
  for (int b : bad) EXPECT_EQ(b, 0);
}

}  // namespace
}  // namespace mfb::ebcdic
