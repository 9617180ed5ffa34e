#pragma once
// Masking policies are YAML files (docs/masking.md). Reading them lives here, with the
// other YAML readers, so bridge/ (which applies policies) links no YAML parser.

#include <cstddef>
#include <filesystem>
#include <string_view>

#include "mfb/bridge/mask/policy.hpp"
#include "mfb/ebcdic/result.hpp"

namespace mfb::rehost {

/// Limits against a hostile policy: a bigger file or more rules is refused before parsing.
struct mask_policy_limits {
  std::size_t max_bytes = std::size_t{1} << 20;
  std::size_t max_rules = 10000;
};

/// Parse policy text; errors name `file`, the line and the column. The secret is not loaded.
mfb::result<bridge::mask_policy> parse_mask_policy(std::string_view yaml, const std::filesystem::path& file,
                                                   mask_policy_limits limits = {});
/// Read and parse a policy file.
mfb::result<bridge::mask_policy> load_mask_policy(const std::filesystem::path& file,
                                                  mask_policy_limits limits = {});

}  // namespace mfb::rehost
