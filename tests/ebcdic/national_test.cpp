// NATIONAL (UTF-16BE) decoding and encoding. Expected bytes are those of Python's
// 'utf-16-be' codec ("Aé€😀" -> 0041 00E9 20AC D83DDE00) and the Unicode standard's
// surrogate rules; ICU's UTF-16BE converter is compared on a mixed text.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <unicode/ucnv.h>

#include "mfb/ebcdic/code_page.hpp"
#include "test_support.hpp"

namespace mfb::ebcdic {
namespace {

decode_status decode(const std::string& hex, std::string& text) {
  auto in = test::from_hex(hex);
  std::string out(in.size() * 2 + 1, '\0');
  std::size_t written = 0;
  decode_status s = decode_national(in.data(), in.size(), out.data(), written);
  text.assign(out.data(), written);
  return s;
}

TEST(national, decodes_bmp_and_surrogate_pairs) {
  std::string text;
  ASSERT_EQ(decode("004100E920ACD83DDE00", text), decode_status::ok);
  EXPECT_EQ(text, "Aé€😀");
  ASSERT_EQ(decode("", text), decode_status::ok);
  EXPECT_EQ(text, "");
  ASSERT_EQ(decode("FFFD0020", text), decode_status::ok);  // U+FFFD itself is a character
  EXPECT_EQ(text, "\uFFFD ");
}

TEST(national, lone_surrogates_are_invalid) {
  std::string text;
  EXPECT_EQ(decode("D83D0041", text), decode_status::invalid_utf16);  // high, then not low
  EXPECT_EQ(decode("0041D83D", text), decode_status::invalid_utf16);  // high at field end
  EXPECT_EQ(decode("DE000041", text), decode_status::invalid_utf16);  // low without high
  EXPECT_EQ(decode("DE00D83D", text), decode_status::invalid_utf16);  // reversed pair
  EXPECT_EQ(decode("004100", text), decode_status::invalid_length);   // odd byte count
}

TEST(national, encodes_with_space_padding) {
  std::uint8_t out[12];
  ASSERT_EQ(encode_national("Aé€😀", out, 12), decode_status::ok);
  EXPECT_EQ(test::to_hex(out, 12), "004100E920ACD83DDE000020");
  EXPECT_EQ(encode_national("Aé€😀", out, 8), decode_status::overflow);  // pair needs 4
  EXPECT_EQ(encode_national("AB", out, 3), decode_status::invalid_length);
  EXPECT_EQ(encode_national("\xED\xA0\xBD", out, 4), decode_status::unmappable);  // CESU form
}

TEST(national, agrees_with_icu_utf16be) {
  const std::string text = "Grüße, 日本語, 한국어, 𝄞 and 😀 in NATIONAL";
  UErrorCode err = U_ZERO_ERROR;
  char icu[256];
  int32_t n = ucnv_convert("UTF-16BE", "UTF-8", icu, sizeof icu, text.data(),
                           static_cast<int32_t>(text.size()), &err);
  ASSERT_TRUE(U_SUCCESS(err));
  std::vector<std::uint8_t> ours(static_cast<std::size_t>(n));
  ASSERT_EQ(encode_national(text, ours.data(), ours.size()), decode_status::ok);
  EXPECT_EQ(test::to_hex(ours), test::to_hex(reinterpret_cast<const std::uint8_t*>(icu),
                                             static_cast<std::size_t>(n)));
  std::string back(ours.size() * 2, '\0');
  std::size_t written = 0;
  ASSERT_EQ(decode_national(ours.data(), ours.size(), back.data(), written), decode_status::ok);
  back.resize(written);
  EXPECT_EQ(back, text);
}

}  // namespace
}  // namespace mfb::ebcdic
