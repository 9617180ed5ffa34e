#pragma once
// Pseudonyms: keyed HMAC-SHA-256 (OpenSSL libcrypto), the same value and secret giving the
// same token in every data set and run, so extracts still join. docs/masking.md gives the
// exact derivations, so a reader can recompute a token with any HMAC implementation.

#include <string>
#include <string_view>

namespace mfb::bridge {

/// HMAC-SHA-256(secret, value) as 64 lowercase hex characters.
std::string hmac_sha256_hex(std::string_view secret, std::string_view value);

/// A National Insurance number shaped token: a prefix HMRC allocates (first letter not D F I
/// Q U V, second not D F I O Q U V, not BG GB KN NK NT TN ZZ), six digits, a suffix A-D.
/// The value is upper-cased and its spaces removed first ("qq 12 34 56 c" = "QQ123456C").
std::string nino_token(std::string_view secret, std::string_view value);

/// `value` with each digit replaced by a pseudonymous digit; other characters stay where
/// they are (a sort code NN-NN-NN keeps its hyphens; a UTR keeps its ten digits).
std::string digits_token(std::string_view secret, std::string_view value);

/// True when `s` has the shape of a NINO (two letters, six digits, a letter A-D), spaces
/// ignored: used to flag fields the policy leaves unmasked.
bool looks_like_nino(std::string_view s);
/// True when `s` is ten digits (a UTR's shape), spaces ignored.
bool looks_like_utr(std::string_view s);

}  // namespace mfb::bridge
