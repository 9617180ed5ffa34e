// The code page guess on text encoded here by ICU's own tables (the oracle): the family from
// letters and digits, and the national page from the bytes the Latin pages disagree on.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "codec/detect_detail.hpp"
#include "mfb/ebcdic/code_page.hpp"

namespace mfb::bridge {
namespace {

std::vector<std::uint8_t> encode(const std::string& utf8, const char* page) {
  auto p = ebcdic::code_page::open(page);
  EXPECT_TRUE(static_cast<bool>(p));
  std::vector<std::uint8_t> out(utf8.size());  // every character here is one byte
  std::size_t chars = 0;
  for (std::size_t i = 0; i < utf8.size(); ++i) chars += (static_cast<unsigned char>(utf8[i]) & 0xC0) != 0x80;
  out.resize(chars);
  EXPECT_EQ(p->encode(utf8, out.data(), out.size()), ebcdic::decode_status::ok) << utf8;
  return out;
}

std::string decode(const std::vector<std::uint8_t>& bytes, const std::string& page) {
  auto p = ebcdic::code_page::open(page);
  std::string out(bytes.size() * p->max_utf8_per_byte(), '\0');
  std::size_t n = 0;
  p->decode(bytes.data(), bytes.size(), out.data(), n);
  out.resize(n);
  return out;
}

TEST(DetectCodePage, FamilyFromLettersAndDigits) {
  const std::string text = "SMITH JOHN 12 HIGH STREET LONDON SW1A 1AA ";
  EXPECT_EQ(detail::code_page_family(encode(text, "cp037")).family, "EBCDIC");
  std::vector<std::uint8_t> ascii(text.begin(), text.end());
  EXPECT_EQ(detail::code_page_family(ascii).family, "ASCII");
  const std::string utf8 = "Gwenllïan, Rhodfa'r Môr, Ynys Môn 42 ";
  EXPECT_EQ(detail::code_page_family(std::vector<std::uint8_t>(utf8.begin(), utf8.end())).family, "UTF-8");
  EXPECT_EQ(detail::code_page_family(std::vector<std::uint8_t>(5000, 0x40)).family, "");
  EXPECT_EQ(detail::code_page_family(std::vector<std::uint8_t>{0xC1, 0xC2}).family, "");
}

// The chosen page must give back the text that was written, whichever page it is.
void expect_reads_back(const std::string& text, const char* written_with) {
  auto bytes = encode(text, written_with);
  code_page_guess g;
  g.family = "EBCDIC";
  detail::choose_national_page(bytes, "", g);
  EXPECT_EQ(decode(bytes, g.page), text) << "written with " << written_with << ", chose " << g.page;
}

TEST(DetectCodePage, AccentedLettersAndCurrencyDecideTheNationalPage) {
  expect_reads_back("Rhodd: £30,000 a €5,000; Blaendal €20,000 o gyfrif yn Iwerddon; Sir Gâr", "cp1146");
  expect_reads_back("Müller, Jürgen; Straße 7; Größe; Öl und Äpfel", "cp273");
  expect_reads_back("Ærø Købmand, Åbenrå; Søndergade 9", "cp277");
  // Not tested, because it cannot be told: where two pages read a byte as two different
  // letters (cp297's é is cp277's æ), only a language model could choose.
}

TEST(DetectCodePage, InvariantTextSaysAnyPageReadsIt) {
  auto bytes = encode("SMITH J, 12 HIGH ST, LONDON", "cp285");
  code_page_guess g;
  g.family = "EBCDIC";
  detail::choose_national_page(bytes, "", g);
  EXPECT_NE(g.evidence.find("any of"), std::string::npos) << g.evidence;
  EXPECT_GE(g.equal.size(), 10u);
}

TEST(DetectCodePage, ThePageTheUserNamedWinsATie) {
  auto bytes = encode("SMITH J, 12 HIGH ST, LONDON", "cp037");
  code_page_guess g;
  g.family = "EBCDIC";
  detail::choose_national_page(bytes, "cp500", g);
  EXPECT_EQ(g.page, "cp500");
}

}  // namespace
}  // namespace mfb::bridge
