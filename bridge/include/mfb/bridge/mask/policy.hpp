#pragma once
// A masking policy: which fields of a record are kept, dropped, redacted, pseudonymised or
// generalised. Plain data: the YAML reading lives above bridge (cli, rehost/rest), so the
// core links no YAML parser. The secret is held here once loaded and is never rendered.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mfb::bridge {

enum class mask_action : std::uint8_t { keep, drop, redact, pseudonymise, generalise };

/// The form of a pseudonym. `hex` is the plain keyed HMAC-SHA-256 in lowercase hex (its
/// first `length` characters); the others are format-preserving.
enum class token_format : std::uint8_t {
  hex,
  nino,    ///< two letters (a prefix HMRC allocates), six digits, a suffix letter A-D
  digits,  ///< every digit of the value replaced, other characters kept (NN-NN-NN stays)
};

/// What a generalised value becomes.
enum class generalise_kind : std::uint8_t {
  year,   ///< a date (8 digits, YYYYMMDD in any layout) to its year: month and day 01
  month,  ///< a date to its month: day 01
  band,   ///< an amount to the lower bound of its band of `step` (toward zero)
  round,  ///< an amount to the nearest multiple of `step` (half away from zero)
};

struct mask_rule {
  std::string pattern;  ///< a COBOL name, a dotted path, or a glob (* and ?), any case
  mask_action action = mask_action::keep;
  char fill = '*';                        ///< redact: the fill character
  token_format format = token_format::hex;  ///< pseudonymise
  std::size_t length = 0;                 ///< hex tokens: characters (0: the field's, at most 64)
  generalise_kind kind = generalise_kind::year;
  std::string step;                       ///< band / round: a decimal such as "1000" or "0.5"
  std::size_t line = 0;                   ///< where the rule is in the policy file (messages)
};

/// Where the pseudonymisation secret comes from; the value itself is loaded separately.
struct mask_secret_source {
  std::string env = "MFB_MASK_SECRET";  ///< an environment variable (used when file is empty)
  std::string file;                     ///< or a file holding it (trailing newline dropped)
};

struct mask_policy {
  std::string file;  ///< the policy's file name, for messages
  std::vector<mask_rule> rules;  ///< the first rule matching a field (or a group above it) wins
  mask_secret_source secret_source;
  /// The loaded secret (load_mask_secret); never written to any message, log or report.
  std::string secret;

  /// True when some rule pseudonymises (only then is a secret needed).
  bool needs_secret() const;
  /// Check the rules; an empty string when valid, otherwise the reason naming the rule's line.
  std::string validate() const;
};

/// Match a COBOL name or path against a glob: `*` any run, `?` one character, any case.
bool mask_glob_match(std::string_view pattern, std::string_view name);

/// Load the secret named by the policy's source into policy.secret. On failure, the reason
/// names the variable or the file, never a value.
std::string load_mask_secret(mask_policy& policy);

std::string_view to_string(mask_action a);
std::string_view to_string(token_format f);
std::string_view to_string(generalise_kind k);

}  // namespace mfb::bridge
