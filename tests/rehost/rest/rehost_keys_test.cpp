// Record ETags, If-Match lists and composite key text (split_key/join_key): the rules of
// RFC 9110 (13.1.1: If-Match uses the strong comparison; "*" matches a current record).

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "rest/dataset_keys.hpp"
#include "rest/etag.hpp"

namespace mfb::rehost::detail {
namespace {

TEST(rehost_etag, record_tag_is_quoted_sha256_of_the_json) {
  // SHA-256("abc"), FIPS 180-2 appendix B.1.
  EXPECT_EQ(record_etag("abc"), "\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\"");
}

TEST(rehost_etag, if_match) {
  std::optional<std::string> cur = std::string("\"abc\"");
  EXPECT_TRUE(if_match_allows("\"abc\"", cur));
  EXPECT_TRUE(if_match_allows("\"x\", \"abc\"", cur));
  EXPECT_TRUE(if_match_allows("*", cur));
  EXPECT_FALSE(if_match_allows("*", std::nullopt));
  EXPECT_FALSE(if_match_allows("\"abc\"", std::nullopt));
  EXPECT_FALSE(if_match_allows("W/\"abc\"", cur));  // weak tags never match If-Match
  EXPECT_FALSE(if_match_allows("abc", cur));        // unquoted: malformed
  EXPECT_FALSE(if_match_allows("\"ab", cur));
  EXPECT_FALSE(if_match_allows("", cur));
}

TEST(rehost_keys, composite_parts_escape_comma_and_percent) {
  std::vector<std::string> parts;
  ASSERT_TRUE(split_key("A%2CB,9%25", 2, parts));
  EXPECT_EQ(parts, (std::vector<std::string>{"A,B", "9%"}));
  EXPECT_EQ(join_key(parts), "A%2CB,9%25");
  ASSERT_TRUE(split_key("a,b,c", 1, parts));  // one column: the whole text
  EXPECT_EQ(parts, (std::vector<std::string>{"a,b,c"}));
  EXPECT_EQ(join_key(parts), "a,b,c");
  EXPECT_FALSE(split_key("A%2,B", 2, parts));
  ASSERT_TRUE(split_key("A,B,C", 2, parts));
  EXPECT_EQ(parts.size(), 3u);  // the caller reports the wrong count
}

TEST(rehost_keys, text_keys_lose_trailing_spaces_as_stored) {
  key_spec k;
  k.numeric = {false};
  k.scales = {-1};
  std::string v = "A1  ";
  EXPECT_EQ(check_value(k, 0, v), "");
  EXPECT_EQ(v, "A1");
  k.trims_text = false;
  v = "A1 ";
  EXPECT_EQ(check_value(k, 0, v), "");
  EXPECT_EQ(v, "A1 ");
}

}  // namespace
}  // namespace mfb::rehost::detail
