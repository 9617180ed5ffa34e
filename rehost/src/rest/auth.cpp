// API key checks. Keys are never stored: the config holds SHA-256 digests, and a presented
// key is hashed and compared with CRYPTO_memcmp against every digest, without early exit.

#include "mfb/rehost/rest/auth.hpp"

#include <cctype>

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "mfb/ebcdic/hex.hpp"
namespace mfb::rehost {

sha256_digest sha256(std::string_view data) {
  sha256_digest d{};
  unsigned int n = 0;
  EVP_Digest(data.data(), data.size(), d.data(), &n, EVP_sha256(), nullptr);
  return d;
}

std::string to_hex(const sha256_digest& d) { return ebcdic::hex_of(d.data(), d.size()); }

bool parse_digest(std::string_view hex, sha256_digest& out) {
  if (hex.size() != 64) return false;
  std::string bytes;
  if (!ebcdic::append_hex_bytes(hex, bytes)) return false;
  for (std::size_t i = 0; i < 32; ++i) out[i] = static_cast<std::uint8_t>(bytes[i]);
  return true;
}

bool scope_allows(const std::vector<std::string>& scopes, access what, std::string_view dataset) {
  if (what == access::any) return true;
  for (const auto& s : scopes) {
    if (what == access::transform) {
      if (s == "transform" || s.rfind("read:", 0) == 0) return true;
      continue;
    }
    std::string_view sv = s;
    auto colon = sv.find(':');
    if (colon == std::string_view::npos) continue;
    auto verb = sv.substr(0, colon), target = sv.substr(colon + 1);
    bool reading = what == access::read || what == access::read_masked;
    bool verb_ok = verb == "write" || (verb == "read" && reading) ||
                   (verb == "read-masked" && what == access::read_masked);
    if (verb_ok && (target == "*" || target == dataset)) return true;
  }
  return false;
}

bool reads_masked(const std::vector<std::string>& scopes, std::string_view dataset) {
  return !scope_allows(scopes, access::read, dataset) && scope_allows(scopes, access::read_masked, dataset);
}

auth_result authorize(const server_config& config, std::string_view authorization,
                      access what, std::string_view dataset) {
  constexpr std::string_view scheme = "Bearer ";
  if (authorization.empty()) return {auth_status::missing, nullptr};
  // The scheme name is case-insensitive (RFC 7235).
  if (authorization.size() <= scheme.size()) return {auth_status::invalid, nullptr};
  for (std::size_t i = 0; i < scheme.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(authorization[i])) !=
        std::tolower(static_cast<unsigned char>(scheme[i])))
      return {auth_status::invalid, nullptr};
  auto token = authorization.substr(scheme.size());
  while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
  while (!token.empty() && token.back() == ' ') token.remove_suffix(1);
  if (token.empty()) return {auth_status::invalid, nullptr};
  sha256_digest presented = sha256(token);
  const api_key* match = nullptr;
  for (const auto& k : config.api_keys) {
    bool same = CRYPTO_memcmp(presented.data(), k.sha256.data(), presented.size()) == 0;
    if (same && match == nullptr) match = &k;
  }
  if (match == nullptr) return {auth_status::invalid, nullptr};
  if (!scope_allows(match->scopes, what, dataset)) return {auth_status::forbidden, match};
  return {auth_status::ok, match};
}

}  // namespace mfb::rehost
