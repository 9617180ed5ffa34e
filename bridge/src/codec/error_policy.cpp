// The bad-record policy names, as the CLI and job files spell them.

#include "mfb/bridge/codec/error_policy.hpp"

#include <cctype>
#include <string>

namespace mfb::bridge {

std::optional<error_policy> parse_error_policy(std::string_view text) {
  std::string t;
  for (char c : text) t += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (t == "fail") return error_policy::fail;
  if (t == "skip") return error_policy::skip;
  if (t == "reject") return error_policy::reject;
  return std::nullopt;
}

std::string_view to_string(error_policy p) noexcept {
  switch (p) {
    case error_policy::fail: return "fail";
    case error_policy::skip: return "skip";
    case error_policy::reject: return "reject";
  }
  return "fail";
}

}  // namespace mfb::bridge
