#pragma once
// The server's YAML configuration: API keys (stored as SHA-256 digests, with scopes), TLS
// files and limits. Plain structs with defaults() and validate(); loading is a factory.

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mfb/ebcdic/result.hpp"

#include "mfb/bridge/mask/record_masker.hpp"

namespace mfb::rehost {

using sha256_digest = std::array<std::uint8_t, 32>;

/// One API key: its name (for audit and logs), the SHA-256 digest of the key, its scopes.
struct api_key {
  std::string name;
  sha256_digest sha256{};
  std::vector<std::string> scopes;  ///< "read:*", "read:DS", "write:*", "write:DS", "transform"
};

/// TLS files (PEM); TLS is on when a certificate is configured.
struct tls_config {
  std::string certificate;
  std::string private_key;
  bool enabled() const noexcept { return !certificate.empty(); }
};

/// Request limits. The transport enforces the header, connection and time limits before a
/// handler runs, and the body limit while the body arrives (chunked bodies included).
struct server_limits {
  std::size_t max_body_bytes = std::size_t{1} << 20;  ///< larger bodies answer 413
  std::size_t max_page_size = 1000;                   ///< larger ?limit= answers 400
  std::size_t default_page_size = 100;
  std::size_t max_header_bytes = 16 * 1024;  ///< request line + headers; larger answer 431
  std::size_t max_header_count = 100;        ///< more header fields answer 431
  std::size_t max_connections = 256;         ///< connections past this get 503 and are closed
  std::size_t request_timeout_seconds = 30;  ///< a request not fully received by then: 408
  std::size_t idle_timeout_seconds = 60;     ///< a keep-alive connection idle this long is closed
};

/// A key shared by several datasets (a NINO, a UTR, a pseudonymised token): the people
/// lookup `GET path/{key}` answers every record whose field holds it, per dataset.
struct shared_key {
  std::string name;                 ///< the key's name ("nino"), for messages and the answer
  std::string path = "/v1/people";  ///< the route is path + "/{key}"
  /// Each dataset (its URL name) and the field holding the key there (a COBOL name or the
  /// column name), in the config's order (the answer's order).
  std::vector<std::pair<std::string, std::string>> datasets;
  bool upper = false;         ///< `normalise: [upper]`: compare the key in upper case
  bool no_spaces = false;     ///< `normalise: [no_spaces]`: drop every space from the key
  std::size_t max_records = 0;  ///< records per dataset and answer; 0: limits.default_page_size
};

/// Everything the YAML config holds.
struct server_config {
  std::vector<api_key> api_keys;
  tls_config tls;
  server_limits limits;
  /// Datasets whose PUT and DELETE must name the version they replace (If-Match; 428
  /// without it); "*" for every dataset.
  std::vector<std::string> require_if_match;
  /// /openapi.json shows a dataset's record schema only to a key that may read the
  /// dataset (false), or to everyone (true, `openapi_schemas: everyone`).
  bool public_schemas = false;
  /// Keys shared across datasets (`shared_keys:`), each served at its own path.
  std::vector<shared_key> shared_keys;
  /// `masking: {DATASET: POLICY.yaml}`: the policy (its secret loaded) that a key with the
  /// scope read-masked:DATASET (or read-masked:*) reads the dataset through.
  std::map<std::string, std::shared_ptr<const bridge::mask_run>> masking;

  /// Whether writes to `dataset` need If-Match.
  bool if_match_required(std::string_view dataset) const;

  /// Return a config with no keys (every protected route answers 401), no TLS, default limits.
  static server_config defaults() { return {}; }
  /// Check the config; return "" when valid, otherwise the reason.
  std::string validate() const;
};

/// Parse YAML text (`name` used in messages); relative TLS paths resolve against `base_dir`.
result<server_config> parse_config(std::string_view yaml, const std::string& name,
                                   const std::filesystem::path& base_dir = {});

/// Read and parse a YAML config file.
result<server_config> load_config(const std::filesystem::path& file);

}  // namespace mfb::rehost
