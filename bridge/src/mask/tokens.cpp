// HMAC-SHA-256 tokens: the plain hex form and the format-preserving NINO and digit forms.

#include "mfb/bridge/mask/tokens.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/params.h>

#include <array>
#include <cctype>
#include <cstdint>
#include <string>
#include <vector>

namespace mfb::bridge {

namespace {

using digest = std::array<unsigned char, 32>;

// One keyed HMAC context per thread, re-initialised per message with the same key: the
// one-shot HMAC() fetches the digest and sets the key on every call, which made a
// pseudonymised field cost tens of microseconds a record.
class hmac_context {
 public:
  hmac_context() : mac_(EVP_MAC_fetch(nullptr, "HMAC", nullptr)), ctx_(mac_ ? EVP_MAC_CTX_new(mac_) : nullptr) {}
  ~hmac_context() {
    EVP_MAC_CTX_free(ctx_);
    EVP_MAC_free(mac_);
  }
  hmac_context(const hmac_context&) = delete;
  hmac_context& operator=(const hmac_context&) = delete;

  digest compute(std::string_view secret, std::string_view message) {
    digest out{};
    if (!ctx_) return fallback(secret, message);
    bool same_key = keyed_ && secret == key_;
    char name[] = "SHA256";
    OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string("digest", name, 0), OSSL_PARAM_construct_end()};
    int ok = same_key ? EVP_MAC_init(ctx_, nullptr, 0, nullptr)
                      : EVP_MAC_init(ctx_, reinterpret_cast<const unsigned char*>(secret.data()), secret.size(), params);
    if (ok != 1) return fallback(secret, message);
    key_.assign(secret);
    keyed_ = true;
    std::size_t len = 0;
    if (EVP_MAC_update(ctx_, reinterpret_cast<const unsigned char*>(message.data()), message.size()) != 1 ||
        EVP_MAC_final(ctx_, out.data(), &len, out.size()) != 1 || len != out.size())
      return fallback(secret, message);
    return out;
  }

 private:
  static digest fallback(std::string_view secret, std::string_view message) {
    digest out{};
    unsigned int len = 0;
    HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
         reinterpret_cast<const unsigned char*>(message.data()), message.size(), out.data(), &len);
    return out;
  }
  EVP_MAC* mac_;
  EVP_MAC_CTX* ctx_;
  std::string key_;  // compared, never rendered
  bool keyed_ = false;
};

digest hmac(std::string_view secret, std::string_view message) {
  thread_local hmac_context context;
  return context.compute(secret, message);
}

// The NINO prefixes HMRC allocates, in alphabetical order (373 of them).
std::vector<std::string> nino_prefixes() {
  const std::string_view first_bad = "DFIQUV", second_bad = "DFIOQUV";
  const std::array<std::string_view, 7> never = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"};
  std::vector<std::string> out;
  for (char a = 'A'; a <= 'Z'; ++a) {
    if (first_bad.find(a) != std::string_view::npos) continue;
    for (char b = 'A'; b <= 'Z'; ++b) {
      if (second_bad.find(b) != std::string_view::npos) continue;
      std::string p{a, b};
      bool banned = false;
      for (auto n : never) banned = banned || p == n;
      if (!banned) out.push_back(p);
    }
  }
  return out;
}

std::string compact_upper(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ') out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

}  // namespace

std::string hmac_sha256_hex(std::string_view secret, std::string_view value) {
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char b : hmac(secret, value)) {
    out += hex[b >> 4];
    out += hex[b & 15];
  }
  return out;
}

std::string nino_token(std::string_view secret, std::string_view value) {
  static const std::vector<std::string> prefixes = nino_prefixes();
  std::string msg = "nino";
  msg += '\0';
  msg += compact_upper(value);
  digest h = hmac(secret, msg);
  std::uint64_t n = 0;
  for (int i = 0; i < 8; ++i) n = (n << 8) | h[static_cast<std::size_t>(i)];
  std::string out = prefixes[n % prefixes.size()];
  n /= prefixes.size();
  std::string six = std::to_string(n % 1000000);
  out += std::string(6 - six.size(), '0') + six;
  n /= 1000000;
  out += "ABCD"[n % 4];
  return out;
}

std::string digits_token(std::string_view secret, std::string_view value) {
  // A stream of digits from HMAC(secret, "digits" NUL k value), k = 0, 1, ...: each byte
  // below 250 gives one digit (b mod 10), so every digit is equally likely.
  std::string out(value);
  digest block{};
  std::size_t used = block.size();
  unsigned char counter = 0;
  for (char& c : out) {
    if (!is_digit(c)) continue;
    for (;;) {
      if (used == block.size()) {
        std::string msg = "digits";
        msg += '\0';
        msg += static_cast<char>(counter++);
        msg += value;
        block = hmac(secret, msg);
        used = 0;
      }
      unsigned char b = block[used++];
      if (b < 250) {
        c = static_cast<char>('0' + b % 10);
        break;
      }
    }
  }
  return out;
}

bool looks_like_nino(std::string_view s) {
  std::string c = compact_upper(s);
  if (c.size() != 9) return false;
  for (std::size_t i = 0; i < 9; ++i) {
    bool ok = i < 2 ? is_upper(c[i]) : i < 8 ? is_digit(c[i]) : (c[i] >= 'A' && c[i] <= 'D');
    if (!ok) return false;
  }
  return true;
}

bool looks_like_utr(std::string_view s) {
  std::string c = compact_upper(s);
  if (c.size() != 10) return false;
  for (char ch : c)
    if (!is_digit(ch)) return false;
  return true;
}

}  // namespace mfb::bridge
