// Masking: HMAC-SHA-256 against RFC 4231's test vector, the NINO token's HMRC shape, digit
// tokens keeping their separators, the glob, and a record's bytes rewritten in their own
// usage (expected bytes from IBM's encodings: packed +12300.00 in S9(7)V99 is 00 12 30 00 0C,
// cp037 'X' is E7, zoned 19750101 is F1 F9 F7 F5 F0 F1 F0 F1).

#include "mfb/bridge/mask/record_masker.hpp"

#include <gtest/gtest.h>

#include <regex>

#include "mfb/bridge/mask/tokens.hpp"
#include "mfb/copybook/parse.hpp"
#include "test_support.hpp"

namespace mfb::bridge {
namespace {

TEST(MaskTokens, HmacMatchesRfc4231Case2) {
  EXPECT_EQ(hmac_sha256_hex("Jefe", "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(MaskTokens, NinoTokensHaveAnAllocatedShape) {
  const std::regex shape("^[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z][0-9]{6}[A-D]$");
  for (int i = 0; i < 2000; ++i) {
    std::string t = nino_token("k", "AB" + std::to_string(100000 + i) + "C");
    ASSERT_TRUE(std::regex_match(t, shape)) << t;
    for (const char* banned : {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}) ASSERT_NE(t.substr(0, 2), banned);
  }
  EXPECT_EQ(nino_token("k", "qq 12 34 56 c"), nino_token("k", "QQ123456C"));
  EXPECT_NE(nino_token("k", "QQ123456C"), nino_token("other", "QQ123456C"));
}

TEST(MaskTokens, DigitTokensKeepSeparatorsAndLength) {
  std::string t = digits_token("k", "12-34-56");
  ASSERT_EQ(t.size(), 8u);
  EXPECT_EQ(t[2], '-');
  EXPECT_EQ(t[5], '-');
  EXPECT_NE(t, "12-34-56");
  EXPECT_EQ(digits_token("k", "1234567890").size(), 10u);
  EXPECT_EQ(digits_token("k", "1234567890"), digits_token("k", "1234567890"));
}

TEST(MaskGlob, MatchesNamesAnyCase) {
  EXPECT_TRUE(mask_glob_match("*-NINO", "PD-NINO"));
  EXPECT_TRUE(mask_glob_match("*-nino", "BC-NINO"));
  EXPECT_FALSE(mask_glob_match("*-NINO", "PD-NINO-FLAG"));
  EXPECT_TRUE(mask_glob_match("TP-?DDR*", "TP-ADDR-LINE"));
  EXPECT_FALSE(mask_glob_match(std::string(200, '*') + "X", std::string(5000, 'A')));
}

mask_rule rule(const char* pattern, mask_action action) {
  mask_rule r;
  r.pattern = pattern;
  r.action = action;
  return r;
}

struct masked {
  copybook::record_layout layout;
  ebcdic::code_page page = *ebcdic::code_page::open("cp037");
  std::shared_ptr<mask_run> run = std::make_shared<mask_run>();
  explicit masked(std::vector<mask_rule> rules)
      : layout(copybook::parse_copybook_text("       01 R.\n"
                                             "          05 NAME  PIC X(4).\n"
                                             "          05 DOB   PIC 9(8).\n"
                                             "          05 PAID  PIC S9(7)V99 COMP-3.\n"
                                             "          05 T OCCURS 2.\n"
                                             "             10 AMT PIC S9(3) COMP.\n",
                                             "t.cpy").records.at(0)) {
    run->policy.rules = std::move(rules);
    run->policy.secret = "k";
  }
};

TEST(RecordMasker, RewritesEachUsageInPlace) {
  mask_rule name = rule("NAME", mask_action::redact);
  name.fill = 'X';
  mask_rule dob = rule("DOB", mask_action::generalise);
  dob.kind = generalise_kind::year;
  mask_rule paid = rule("PAID", mask_action::generalise);
  paid.kind = generalise_kind::band;
  paid.step = "100";
  mask_rule amt = rule("AMT", mask_action::drop);
  masked m({name, dob, paid, amt});
  auto masker = record_masker::compile(m.run, m.layout, m.page);
  ASSERT_TRUE(masker) << masker.err().message;
  // "JOHN", 19750314, +12345.60, AMT(1) = 7, AMT(2) = -2
  auto rec = test::from_hex("D1D6C8D5" "F1F9F7F5F0F3F1F4" "001234560C" "0007" "FFFE");
  mask_failure why;
  ASSERT_TRUE(masker->apply(rec.data(), rec.size(), why)) << why.reason;
  EXPECT_EQ(test::to_hex(rec.data(), rec.size()),
            "E7E7E7E7" "F1F9F7F5F0F1F0F1" "001230000C" "0000" "0000");
}

TEST(RecordMasker, RefusesATokenLongerThanItsField) {
  mask_rule r = rule("NAME", mask_action::pseudonymise);
  r.length = 16;
  masked m({r});
  auto masker = record_masker::compile(m.run, m.layout, m.page);
  ASSERT_FALSE(masker);
  EXPECT_NE(masker.err().message.find("R.NAME"), std::string::npos) << masker.err().message;
  EXPECT_NE(masker.err().message.find("does not fit"), std::string::npos);
}

TEST(RecordMasker, ABadPackedValueIsAFailureNamingTheField) {
  mask_rule paid = rule("PAID", mask_action::pseudonymise);
  paid.format = token_format::digits;
  masked m({paid});
  auto masker = record_masker::compile(m.run, m.layout, m.page);
  ASSERT_TRUE(masker);
  auto rec = test::from_hex("D1D6C8D5" "F1F9F7F5F0F3F1F4" "0012345AAA" "0007" "FFFE");
  mask_failure why;
  EXPECT_FALSE(masker->apply(rec.data(), rec.size(), why));
  EXPECT_EQ(why.field_path, "R.PAID");
  EXPECT_EQ(why.offset, 12u);
}

}  // namespace
}  // namespace mfb::bridge
