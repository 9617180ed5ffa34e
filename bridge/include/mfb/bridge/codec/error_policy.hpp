#pragma once
// The bad-record policy: a user choice between failing fast, skipping, and capturing rejects.

#include <cstdint>
#include <optional>
#include <string_view>

namespace mfb::bridge {

/// What happens to a record that cannot be decoded.
enum class error_policy : std::uint8_t {
  fail,    ///< stop at the first bad record, describe it fully (exit 2)
  skip,    ///< leave it out of the output, count and report it
  reject,  ///< leave it out, and write its raw bytes plus a JSON description to reject files
};

/// Parse "fail", "skip" or "reject" (any case).
std::optional<error_policy> parse_error_policy(std::string_view text);
/// Return the lower-case name of a policy.
std::string_view to_string(error_policy p) noexcept;

}  // namespace mfb::bridge
