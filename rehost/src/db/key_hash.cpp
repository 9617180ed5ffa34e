// lookup3 as PostgreSQL's src/common/hashfn.c runs it with a zero seed: 12 bytes at a time
// as three little-endian words, the last 0-11 bytes added with the lowest byte of c left
// for the length, then the final mix; the result is b:c.

#include "db/key_hash.hpp"

#include <cstring>
#include <string>

#include "db/pg_text.hpp"

namespace mfb::rehost::detail {

namespace {

constexpr std::uint32_t rot(std::uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }

void mix(std::uint32_t& a, std::uint32_t& b, std::uint32_t& c) {
  a -= c; a ^= rot(c, 4);  c += b;
  b -= a; b ^= rot(a, 6);  a += c;
  c -= b; c ^= rot(b, 8);  b += a;
  a -= c; a ^= rot(c, 16); c += b;
  b -= a; b ^= rot(a, 19); a += c;
  c -= b; c ^= rot(b, 4);  b += a;
}

void final_mix(std::uint32_t& a, std::uint32_t& b, std::uint32_t& c) {
  c ^= b; c -= rot(b, 14);
  a ^= c; a -= rot(c, 11);
  b ^= a; b -= rot(a, 25);
  c ^= b; c -= rot(b, 16);
  a ^= c; a -= rot(c, 4);
  b ^= a; b -= rot(a, 14);
  c ^= b; c -= rot(b, 24);
}

std::uint32_t word(const unsigned char* k) {
  return k[0] | (std::uint32_t{k[1]} << 8) | (std::uint32_t{k[2]} << 16) |
         (std::uint32_t{k[3]} << 24);
}

}  // namespace

std::uint64_t pg_text_hash(std::string_view bytes) noexcept {
  const auto* k = reinterpret_cast<const unsigned char*>(bytes.data());
  auto len = static_cast<std::uint32_t>(bytes.size());
  std::uint32_t a = 0x9e3779b9u + len + 3923095u;
  std::uint32_t b = a, c = a;
  while (len >= 12) {
    a += word(k);
    b += word(k + 4);
    c += word(k + 8);
    mix(a, b, c);
    k += 12;
    len -= 12;
  }
  switch (len) {  // the lowest byte of c is reserved for the length
    case 11: c += std::uint32_t{k[10]} << 24; [[fallthrough]];
    case 10: c += std::uint32_t{k[9]} << 16; [[fallthrough]];
    case 9: c += std::uint32_t{k[8]} << 8; [[fallthrough]];
    case 8: b += std::uint32_t{k[7]} << 24; [[fallthrough]];
    case 7: b += std::uint32_t{k[6]} << 16; [[fallthrough]];
    case 6: b += std::uint32_t{k[5]} << 8; [[fallthrough]];
    case 5: b += k[4]; [[fallthrough]];
    case 4: a += std::uint32_t{k[3]} << 24; [[fallthrough]];
    case 3: a += std::uint32_t{k[2]} << 16; [[fallthrough]];
    case 2: a += std::uint32_t{k[1]} << 8; [[fallthrough]];
    case 1: a += k[0]; break;
    default: break;
  }
  final_mix(a, b, c);
  return (std::uint64_t{b} << 32) | c;
}

std::uint64_t stored_text_hash(std::string_view text) {
  if (text.empty() || std::memchr(text.data(), '\0', text.size()) == nullptr)
    return pg_text_hash(text);
  return pg_text_hash(to_pg_text(text));
}

std::uint64_t key_hash(const std::vector<sql_value>& row, const std::vector<std::size_t>& key) {
  if (key.size() == 1) return stored_text_hash(row[key[0]].text);
  thread_local std::string joined;
  joined.clear();
  for (std::size_t i = 0; i < key.size(); ++i) {
    if (i) joined += key_part_separator;
    joined += row[key[i]].text;
  }
  return stored_text_hash(joined);
}

}  // namespace mfb::rehost::detail
