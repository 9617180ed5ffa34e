// The key hash against PostgreSQL 15 itself: `SELECT hashtextextended(s, 0)` for keys of
// 0 to 32 bytes (every tail length of lookup3 and more than one 12-byte block).

#include <gtest/gtest.h>

#include "db/key_hash.hpp"

namespace mfb::rehost::detail {
namespace {

std::int64_t hash(std::string_view s) { return static_cast<std::int64_t>(pg_text_hash(s)); }

TEST(KeyHash, MatchesPostgresHashtextextended) {
  EXPECT_EQ(hash(""), -6939563903564495251);
  EXPECT_EQ(hash("a"), 3591986179850072241);
  EXPECT_EQ(hash("abc"), -6747756470228489321);
  EXPECT_EQ(hash("7"), -852251272628808647);
  EXPECT_EQ(hash("12345678901"), 4122666949334920506);
  EXPECT_EQ(hash("123456789012"), -3387667963766823555);
  EXPECT_EQ(hash("1234567890123"), 2373490033053362784);
  EXPECT_EQ(hash("h\xC3\xA9llo w\xC3\xB6rld, a longer key of 30+"), 8276718975796164565);
}

TEST(KeyHash, CompositeKeysJoinTheirPartsWithUnitSeparator) {
  // PostgreSQL: hashtextextended('1000000010' || chr(31) || '2', 0)
  std::vector<sql_value> row{{"x", false}, {"1000000010", false}, {"2", false}};
  EXPECT_EQ(static_cast<std::int64_t>(key_hash(row, {1, 2})), 6534391700299552596);
  EXPECT_EQ(key_hash(row, {1}), pg_text_hash("1000000010"));
}

}  // namespace
}  // namespace mfb::rehost::detail
