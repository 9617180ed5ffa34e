#pragma once
// Text-level JSON helpers. Record values must reach the encoder with their numbers exactly
// as the client wrote them (a DOM would round 31-digit decimals through double), so the
// value member is cut out of the body text; and decimals-as-strings rewrites number tokens.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mfb::rehost::detail {

/// Return the raw text of top-level member `key` of the JSON object `json` (already
/// validated as JSON), or nullopt when absent.
std::optional<std::string_view> raw_member(std::string_view json, std::string_view key);

/// Return the JSON object text `json` (already validated) without its top-level member
/// `key` (unchanged when absent); the other members keep their exact text.
std::string without_member(std::string_view json, std::string_view key);

/// Return `json` with every number token outside strings wrapped in quotes.
std::string numbers_as_strings(std::string_view json);

/// Standard base64 (RFC 4648 section 4) with padding.
std::string base64_encode(const std::uint8_t* data, std::size_t size);

/// Decode standard base64; whitespace is ignored, padding optional; false on a bad symbol.
bool base64_decode(std::string_view text, std::vector<std::uint8_t>& out);

}  // namespace mfb::rehost::detail
