// The people lookup's config (shared_keys) and key text rules: what the config alone
// decides (the datasets and fields are checked against a target in serve_people_test.py),
// and how a key from the URL is normalised and refused. Expected values from the rules as
// README "One person across data sets" states them.

#include <gtest/gtest.h>

#include <string>

#include "mfb/rehost/rest/config.hpp"
#include "rest/people_routes.hpp"

namespace mfb::rehost {
namespace {

const char* kTwo = R"(
shared_keys:
  - name: nino
    datasets: {taxpayer: TP-NINO, paye: emp_nino}
    normalise: [upper, no_spaces]
    max_records: 7
  - name: token
    path: /v1/pseudonyms
    datasets: {masked: TP-NINO}
)";

std::string error_of(const std::string& yaml) {
  auto r = parse_config(yaml, "cfg.yaml");
  return r ? std::string() : r.err().message;
}

TEST(shared_key_config, reads_keys_in_order) {
  auto r = parse_config(kTwo, "cfg.yaml");
  ASSERT_TRUE(r) << r.err().message;
  const auto& k = r->shared_keys;
  ASSERT_EQ(k.size(), 2u);
  EXPECT_EQ(k[0].name, "nino");
  EXPECT_EQ(k[0].path, "/v1/people");  // the default
  ASSERT_EQ(k[0].datasets.size(), 2u);
  EXPECT_EQ(k[0].datasets[0], (std::pair<std::string, std::string>{"taxpayer", "TP-NINO"}));
  EXPECT_EQ(k[0].datasets[1], (std::pair<std::string, std::string>{"paye", "emp_nino"}));
  EXPECT_TRUE(k[0].upper && k[0].no_spaces);
  EXPECT_EQ(k[0].max_records, 7u);
  EXPECT_EQ(k[1].path, "/v1/pseudonyms");
  EXPECT_FALSE(k[1].upper || k[1].no_spaces);
  EXPECT_EQ(k[1].max_records, 0u);
}

TEST(shared_key_config, refuses_what_cannot_work) {
  const std::string one = "shared_keys:\n  - name: nino\n    datasets: {taxpayer: TP-NINO}\n";
  EXPECT_NE(error_of(one + "    normalise: [lower]\n").find("unknown normalise step 'lower'"), std::string::npos);
  EXPECT_NE(error_of(one + "    path: v1/people\n").find("path 'v1/people'"), std::string::npos);
  EXPECT_NE(error_of(one + "    path: /v1/people/\n").find("path '/v1/people/'"), std::string::npos);
  EXPECT_NE(error_of(one + "    path: /v1/{x}\n").find("path '/v1/{x}'"), std::string::npos);
  EXPECT_NE(error_of(one + "    path: /v1/./p\n").find("path '/v1/./p'"), std::string::npos);
  EXPECT_NE(error_of(one + "    max_records: 0\n").find("max_records must be a positive"), std::string::npos);
  EXPECT_NE(error_of(one + "    max_records: 1001\n").find("max_records exceeds"), std::string::npos);
  EXPECT_NE(error_of(one + "    colour: red\n").find("unknown key 'colour'"), std::string::npos);
  EXPECT_NE(error_of(one + one.substr(one.find("  - "))).find("declared twice"), std::string::npos);
  EXPECT_NE(error_of("shared_keys:\n  - name: a\n    datasets: {}\n").find("datasets must map"), std::string::npos);
  EXPECT_NE(error_of("shared_keys:\n  - name: a\n    datasets: {t: }\n").find("needs a field name"), std::string::npos);
  EXPECT_NE(error_of("shared_keys:\n  - name: a b\n    datasets: {t: F}\n").find("a name holds"), std::string::npos);
  EXPECT_NE(error_of("shared_keys:\n  - name: a\n    datasets: {t: F}\n  - name: b\n    datasets: {t: F}\n")
                .find("serves another shared key"),
            std::string::npos);
  EXPECT_NE(error_of("shared_keys: {name: a}\n").find("shared_keys must be a list"), std::string::npos);
}

TEST(shared_key_config, normalises_keys) {
  shared_key exact, nino;
  nino.upper = nino.no_spaces = true;
  EXPECT_EQ(detail::normalise_key("  aB+/x9 ", exact), "aB+/x9");  // only the ends lose spaces
  EXPECT_EQ(detail::normalise_key("a b", exact), "a b");
  EXPECT_EQ(detail::normalise_key(" ab 12 34 56 c ", nino), "AB123456C");
  EXPECT_EQ(detail::normalise_key("\xC3\xA9", nino), "\xC3\xA9");  // ASCII letters only
}

TEST(shared_key_config, refuses_keys_that_cannot_be_values) {
  EXPECT_EQ(detail::check_key_text("AB123456C"), "");
  EXPECT_EQ(detail::check_key_text("' OR 1=1 --"), "");  // a value like any other
  EXPECT_EQ(detail::check_key_text(std::string(256, 'A')), "");
  EXPECT_EQ(detail::check_key_text(std::string(257, 'A')), "the key is longer than 256 bytes");
  EXPECT_EQ(detail::check_key_text(""), "the key is empty");
  EXPECT_EQ(detail::check_key_text(std::string("A\0B", 3)), "the key holds a control character");
  EXPECT_EQ(detail::check_key_text("A\x7F"), "the key holds a control character");
  EXPECT_EQ(detail::check_key_text("\xC2\x85"), "the key holds a control character");  // U+0085 NEL
  EXPECT_EQ(detail::check_key_text("\xFF"), "the key is not UTF-8");
  EXPECT_EQ(detail::check_key_text("\xED\xA0\x80"), "the key is not UTF-8");  // a surrogate
  EXPECT_EQ(detail::check_key_text("\xC0\xAF"), "the key is not UTF-8");      // overlong '/'
}

}  // namespace
}  // namespace mfb::rehost
