// read-masked scopes: they grant the records' routes (access::read_masked) and nothing that
// reads unmasked data; a read or write scope on the same dataset wins (unmasked).

#include <gtest/gtest.h>

#include "mfb/rehost/rest/auth.hpp"

namespace mfb::rehost {
namespace {

TEST(MaskScope, ReadMaskedGrantsOnlyMaskedReads) {
  std::vector<std::string> s = {"read-masked:claims"};
  EXPECT_TRUE(scope_allows(s, access::read_masked, "claims"));
  EXPECT_FALSE(scope_allows(s, access::read, "claims"));
  EXPECT_FALSE(scope_allows(s, access::write, "claims"));
  EXPECT_FALSE(scope_allows(s, access::transform, "claims"));
  EXPECT_FALSE(scope_allows(s, access::read_masked, "other"));
  EXPECT_TRUE(reads_masked(s, "claims"));
}

TEST(MaskScope, StarAndUnmaskedScopes) {
  EXPECT_TRUE(reads_masked({"read-masked:*"}, "any"));
  EXPECT_FALSE(reads_masked({"read-masked:*", "read:claims"}, "claims"));
  EXPECT_TRUE(scope_allows({"read:claims"}, access::read_masked, "claims"));
  EXPECT_FALSE(reads_masked({"read:claims"}, "claims"));
  EXPECT_FALSE(reads_masked({"write:claims"}, "claims"));
}

}  // namespace
}  // namespace mfb::rehost
