// Generator of the benchmark record. The values and the order of draws match the
// generator first written in benchmarks/bridge/convert_bench.cpp, so both produce the
// same bytes for the same record count.

#include "bench_record.hpp"

#include <stdexcept>

#include "mfb/ebcdic/binary.hpp"
#include "mfb/ebcdic/packed.hpp"
#include "mfb/ebcdic/zoned.hpp"

namespace mfb::bench {

const char* const bench_copybook_text = R"(       01  BENCH-REC.
           05  ACCT-ID          PIC 9(10).
           05  CUST-NAME        PIC X(30).
           05  ADDR-LINE        PIC X(40).
           05  CITY             PIC X(20).
           05  STATE            PIC XX.
           05  ZIP              PIC 9(5).
           05  OPEN-DATE        PIC 9(8).
           05  STATUS-CODE      PIC X.
           05  BALANCE          PIC S9(9)V99 COMP-3.
           05  CREDIT-LIMIT     PIC S9(7)V99 COMP-3.
           05  TXN-COUNT        PIC S9(9) COMP.
           05  BRANCH           PIC S9(4) COMP.
           05  RATE             PIC S9(3)V9(4).
           05  LAST-AMOUNT      PIC S9(7)V99.
           05  MONTHLY          PIC S9(7)V99 COMP-3 OCCURS 12.
           05  NOTES            PIC X(50).
           05  EMAIL            PIC X(40).
)";

std::string scaled_number(long long v, int scale) {
  // Built by appending: GCC 12 at -O3 reports a false -Wrestrict on std::string::insert.
  std::string out = v < 0 ? "-" : "";
  std::string digits = std::to_string(v < 0 ? -v : v);
  if (scale <= 0) return out + digits;
  auto s = static_cast<std::size_t>(scale);
  if (digits.size() <= s) digits = std::string(s + 1 - digits.size(), '0') + digits;
  out.append(digits, 0, digits.size() - s);
  out += '.';
  out.append(digits, digits.size() - s, s);
  return out;
}

std::uint64_t bench_record_generator::draw() {
  state_ = state_ * 6364136223846793005ull + 1442695040888963407ull;
  return state_ >> 33;
}

long long bench_record_generator::range(long long lo, long long hi) {
  return lo + static_cast<long long>(draw() % static_cast<std::uint64_t>(hi - lo + 1));
}

std::string bench_record_generator::word(std::size_t max) {
  // Spaces inside words make trimming and CSV quoting decisions realistic; no commas or
  // quotes, so the GnuCOBOL unload's plain CSV stays parseable.
  static const char letters[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ      .-/0123456789";
  auto n = static_cast<std::size_t>(range(1, static_cast<long long>(max)));
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += letters[draw() % (sizeof letters - 1)];
  if (s.front() == ' ') s[0] = 'X';
  while (s.back() == ' ') s.pop_back();  // trailing spaces are trimmed on output
  return s;
}

std::string bench_record_generator::next(std::uint8_t* p) {
  // A failed encode would leave garbage that both sides of a comparison might read alike:
  // stop instead.
  auto check = [](ebcdic::decode_status st) {
    if (st != ebcdic::decode_status::ok) throw std::runtime_error("bench record: encode failed");
  };
  std::string json = "{";
  std::size_t off = 0;
  auto key = [&](const char* k) {
    json += (json.size() > 1 ? ",\"" : "\"") + std::string(k) + "\":";
  };
  auto text = [&](const char* k, std::size_t len) {
    std::string s = word(len);
    check(page_.encode(s, p + off, len));
    key(k);
    json += "\"" + s + "\"";
    off += len;
  };
  auto zoned = [&](const char* k, std::size_t digits, int scale, bool is_signed, long long v) {
    ebcdic::zoned_format f{is_signed ? ebcdic::zoned_sign::trailing_overpunch
                                     : ebcdic::zoned_sign::none,
                           ebcdic::zoned_charset::ebcdic};
    check(ebcdic::encode_zoned(v, static_cast<int>(digits), f, p + off));
    key(k);
    json += scaled_number(v, scale);
    off += digits;
  };
  auto packed = [&](const char* k, int digits, int scale, long long v) {
    check(ebcdic::encode_packed(v, digits, true, p + off));
    if (k) key(k);
    json += scaled_number(v, scale);
    off += ebcdic::packed_length(digits);
  };
  auto binary = [&](const char* k, std::size_t len, int digits, long long v) {
    ebcdic::binary_format f{true, digits, ebcdic::truncation::standard, ebcdic::byte_order::big};
    check(ebcdic::encode_binary(v, len, f, p + off));
    key(k);
    json += std::to_string(v);
    off += len;
  };
  zoned("ACCT-ID", 10, 0, false, range(0, 9999999999LL));
  text("CUST-NAME", 30);
  text("ADDR-LINE", 40);
  text("CITY", 20);
  text("STATE", 2);
  zoned("ZIP", 5, 0, false, range(0, 99999));
  zoned("OPEN-DATE", 8, 0, false, range(19700101, 20251231));
  text("STATUS-CODE", 1);
  packed("BALANCE", 11, 2, range(-99999999999LL, 99999999999LL));
  packed("CREDIT-LIMIT", 9, 2, range(0, 999999999));
  binary("TXN-COUNT", 4, 9, range(0, 999999999));
  binary("BRANCH", 2, 4, range(-9999, 9999));
  zoned("RATE", 7, 4, true, range(-9999999, 9999999));
  zoned("LAST-AMOUNT", 9, 2, true, range(-999999999, 999999999));
  key("MONTHLY");
  json += "[";
  for (int i = 0; i < 12; ++i) {
    if (i) json += ",";
    packed(nullptr, 9, 2, range(-999999999, 999999999));
  }
  json += "]";
  text("NOTES", 50);
  text("EMAIL", 40);
  json += "}\n";
  return json;
}

}  // namespace mfb::bench
