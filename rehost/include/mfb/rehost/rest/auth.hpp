#pragma once
// Bearer API keys: the presented key is hashed with SHA-256 and compared in constant time
// with every configured digest (no early exit, so timing tells nothing about which key or
// how much of it matched). Scopes then decide 403.

#include <string>
#include <string_view>
#include <vector>

#include "mfb/rehost/rest/config.hpp"

namespace mfb::rehost {

/// Return the SHA-256 digest of `data` (OpenSSL).
sha256_digest sha256(std::string_view data);

/// Render a digest as 64 lower-case hex digits.
std::string to_hex(const sha256_digest& d);

/// Parse 64 hex digits (either case) into `out`; false when malformed.
bool parse_digest(std::string_view hex, sha256_digest& out);

/// What a route needs.
/// read_masked: a read scope, or read-masked:DS / read-masked:* (the records' routes, which
/// then answer masked values); any: a valid key, whatever its scopes.
enum class access { read, read_masked, write, transform, any };

/// Tell whether `scopes` grant `what` on `dataset` ("read:DS", "read:*", ...; "write:X"
/// implies "read:X"; "transform" or any read scope allows the transform routes with an
/// inline copybook).
bool scope_allows(const std::vector<std::string>& scopes, access what, std::string_view dataset);

/// True when `scopes` let a key read `dataset` only masked: a read-masked scope names it
/// and no read or write scope does.
bool reads_masked(const std::vector<std::string>& scopes, std::string_view dataset);

/// Outcome of authenticating a request.
enum class auth_status { ok, missing, invalid, forbidden };

struct auth_result {
  auth_status status = auth_status::missing;
  const api_key* key = nullptr;  ///< the matching key (ok or forbidden)
};

/// Authenticate the `Authorization` header value and check the scope for `what`/`dataset`.
auth_result authorize(const server_config& config, std::string_view authorization,
                      access what, std::string_view dataset);

}  // namespace mfb::rehost
