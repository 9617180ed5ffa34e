// The oracle for packed, binary and zoned bytes is GnuCOBOL (`cobc -std=ibm`): a generated
// program MOVEs chosen values into fields of every usage, sign form and size, and writes
// each field's raw bytes as one 40-byte record. We decode those bytes and compare with the
// values, and encode the values and compare with the bytes.
//
// What is independent, and how:
// - Packed (COMP-3) and COMP/BINARY bytes are GnuCOBOL's own, unchanged (-std=ibm makes
//   COMP big-endian with 2/4/8-byte sizes). COMP-5 is native (little-endian on our hosts).
// - GnuCOBOL keeps DISPLAY data in ASCII. With -fsign=EBCDIC it overpunches as an ASCII
//   view of EBCDIC ('{', 'A'-'I' positive, '}', 'J'-'R' negative); Python's cp037 codec
//   turns that whole file into EBCDIC (digits F0-F9, overpunch C0-C9/D0-D9, '+' 4E, '-' 60).
// - COMP-1/COMP-2 are native IEEE 754 (little-endian) in GnuCOBOL; only integer values that
//   binary floating point holds exactly are used. (IBM HFP is checked in floating_test.)
// - With the default -fsign=ASCII the same program gives the ASCII zoned form (negative
//   overpunch 70-79, positive plain digits), compared without any conversion.
// The values come from this file (min, max, zero, negative zero, +-1, seeded random).

#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "mfb/ebcdic/binary.hpp"
#include "mfb/ebcdic/floating.hpp"
#include "mfb/ebcdic/packed.hpp"
#include "mfb/ebcdic/zoned.hpp"
#include "test_support.hpp"

namespace mfb::ebcdic {
namespace {

constexpr std::size_t record_size = 40;

enum class usage { packed, comp, binary, comp5, comp1, comp2, display };

struct field_spec {
  usage kind;
  bool is_signed;
  int digits;
  zoned_sign sign;  // display only
};

struct sample {
  std::size_t field;
  int128_t value;
  std::string literal;
};

// Written here rather than through format_decimal, so the literal does not rest on our code.
std::string text_of(int128_t v) {
  if (v == 0) return "0";
  std::string s;
  const bool negative = v < 0;
  while (v != 0) {
    const int digit = static_cast<int>(v % 10);
    s.insert(s.begin(), static_cast<char>('0' + (digit < 0 ? -digit : digit)));
    v /= 10;
  }
  return negative ? "-" + s : s;
}

std::string picture(const field_spec& f) {
  std::string pic = std::string("PIC ") + (f.is_signed ? "S" : "") + "9(" +
                    std::to_string(f.digits) + ")";
  switch (f.kind) {
    case usage::packed: return pic + " COMP-3";
    case usage::comp: return pic + " COMP";
    case usage::binary: return pic + " BINARY";
    case usage::comp5: return pic + " COMP-5";
    case usage::comp1: return "COMP-1";
    case usage::comp2: return "COMP-2";
    case usage::display: break;
  }
  switch (f.sign) {
    case zoned_sign::leading_overpunch: return pic + " SIGN LEADING";
    case zoned_sign::trailing_separate: return pic + " SIGN TRAILING SEPARATE";
    case zoned_sign::leading_separate: return pic + " SIGN LEADING SEPARATE";
    default: return pic;
  }
}

std::size_t length_of(const field_spec& f) {
  switch (f.kind) {
    case usage::packed: return packed_length(f.digits);
    case usage::display: return zoned_length(f.digits, f.sign);
    // GnuCOBOL gives COMP-5 of 1-2 digits one byte (IBM uses two); that exercises our
    // 1-byte support.
    case usage::comp5: return f.digits <= 2 ? 1 : binary_length(f.digits);
    case usage::comp1: return 4;
    case usage::comp2: return 8;
    default: return binary_length(f.digits);
  }
}

std::vector<field_spec> make_fields(bool display_only) {
  std::vector<field_spec> fields;
  for (int n = 1; n <= 31; ++n) {
    if (!display_only) {
      fields.push_back({usage::packed, true, n, zoned_sign::none});
      fields.push_back({usage::packed, false, n, zoned_sign::none});
      if (n <= 18) {
        fields.push_back({usage::comp, true, n, zoned_sign::none});
        fields.push_back({usage::comp, false, n, zoned_sign::none});
        fields.push_back({usage::binary, true, n, zoned_sign::none});
        fields.push_back({usage::comp5, true, n, zoned_sign::none});
        fields.push_back({usage::comp5, false, n, zoned_sign::none});
      }
      // Integers of up to 7 (COMP-1) or 15 (COMP-2) digits are exact in binary floating
      // point, so GnuCOBOL's bytes do not depend on its decimal-to-binary rounding.
      if (n <= 7) fields.push_back({usage::comp1, true, n, zoned_sign::none});
      if (n <= 15) fields.push_back({usage::comp2, true, n, zoned_sign::none});
    }
    fields.push_back({usage::display, false, n, zoned_sign::none});
    for (zoned_sign s : {zoned_sign::trailing_overpunch, zoned_sign::leading_overpunch,
                         zoned_sign::trailing_separate, zoned_sign::leading_separate}) {
      fields.push_back({usage::display, true, n, s});
    }
  }
  return fields;
}

std::vector<sample> make_samples(const std::vector<field_spec>& fields) {
  std::mt19937_64 rng(20261122);
  std::vector<sample> out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const field_spec& f = fields[i];
    int128_t max = 1;
    for (int d = 0; d < f.digits; ++d) max *= 10;
    max -= 1;
    std::vector<int128_t> values{max, 0, 1};
    if (f.is_signed) values.insert(values.end(), {-max, -1});
    for (int r = 0; r < 3; ++r) {
      const int len = 1 + static_cast<int>(rng() % static_cast<unsigned>(f.digits));
      int128_t v = 0;
      for (int d = 0; d < len; ++d) v = v * 10 + static_cast<int>(rng() % 10);
      if (f.is_signed && rng() % 2 == 0) v = -v;
      values.push_back(v);
    }
    for (int128_t v : values) out.push_back({i, v, text_of(v)});
    if (f.is_signed) out.push_back({i, 0, "-0"});  // COBOL stores negative zero as +0
  }
  return out;
}

std::string cobol_program(const std::vector<field_spec>& fields, const std::vector<sample>& samples) {
  std::ostringstream c;
  c << "       IDENTIFICATION DIVISION.\n       PROGRAM-ID. NUMORACLE.\n"
       "       ENVIRONMENT DIVISION.\n       INPUT-OUTPUT SECTION.\n       FILE-CONTROL.\n"
       "           SELECT OUT-FILE ASSIGN TO \"out.dat\"\n"
       "               ORGANIZATION IS SEQUENTIAL.\n"
       "       DATA DIVISION.\n       FILE SECTION.\n       FD OUT-FILE.\n"
       "       01 OUT-REC PIC X(" << record_size << ").\n"
       "       WORKING-STORAGE SECTION.\n";
  for (std::size_t i = 0; i < fields.size(); ++i) {
    c << "       01 G" << i << ".\n           05 F" << i << " " << picture(fields[i]) << ".\n";
  }
  c << "       PROCEDURE DIVISION.\n           OPEN OUTPUT OUT-FILE\n";
  for (const sample& s : samples) {
    // Group MOVEs copy raw bytes; OUT-REC's tail is padded with spaces.
    c << "           MOVE " << s.literal << "\n             TO F" << s.field << "\n"
      << "           MOVE G" << s.field << " TO OUT-REC\n           WRITE OUT-REC\n";
  }
  c << "           CLOSE OUT-FILE\n           STOP RUN.\n";
  return c.str();
}

struct oracle_bytes {
  std::vector<std::uint8_t> raw;     // as GnuCOBOL wrote them
  std::vector<std::uint8_t> cp037;   // the same file through Python's cp037 codec
};

// Compile and run the program with the given -fsign; return the records file's bytes.
oracle_bytes run_oracle(const test::temp_dir& dir, const std::string& program,
                        const std::string& sign_option) {
  test::write_file(dir.path() / "oracle.cbl", program);
  const std::string cd = "cd '" + dir.path().string() + "' && ";
  test::command_result r = test::run_command(
      cd + "cobc -std=ibm -x " + sign_option + " -o oracle oracle.cbl && ./oracle");
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  r = test::run_command(cd +
                        "python3 -c \"d=open('out.dat','rb').read();"
                        "open('out.ebc','wb').write(d.decode('latin-1').encode('cp037'))\"");
  EXPECT_EQ(r.status, 0) << r.err;
  return {test::read_bytes(dir.path() / "out.dat"), test::read_bytes(dir.path() / "out.ebc")};
}

struct checker {
  int failures = 0;
  void fail(const std::string& what) {
    if (++failures <= 20) ADD_FAILURE() << what;
  }
};

// Decode the oracle's bytes and compare with the value; encode the value and compare bytes.
void check_sample(const field_spec& f, const sample& s, const std::uint8_t* bytes,
                  zoned_charset cs, checker& chk) {
  const std::size_t len = length_of(f);
  std::uint8_t encoded[record_size] = {};
  int128_t decoded = -12345;
  decode_status ds = decode_status::ok;
  decode_status es = decode_status::ok;
  switch (f.kind) {
    case usage::packed:
      ds = decode_packed(bytes, len, f.digits, f.is_signed, decoded);
      es = encode_packed(s.value, f.digits, f.is_signed, encoded);
      if (f.digits <= 18) {  // the 64-bit path must agree
        std::int64_t d64 = -12345;
        if (decode_packed64(bytes, len, f.digits, f.is_signed, d64) != decode_status::ok ||
            d64 != s.value) {
          chk.fail("decode_packed64 " + picture(f) + " " + s.literal);
        }
      }
      break;
    case usage::comp:
    case usage::binary:
    case usage::comp5: {
      const binary_format bf{f.is_signed, f.digits,
                             f.kind == usage::comp5 ? truncation::binary : truncation::standard,
                             f.kind == usage::comp5 ? byte_order::little : byte_order::big};
      ds = decode_binary_wide(bytes, len, bf, decoded);
      es = encode_binary(s.value, len, bf, encoded);
      break;
    }
    case usage::comp1:
    case usage::comp2: {
      double d = 0;
      ds = decode_float(bytes, len, float_format::ieee_little, d);
      if (d == static_cast<double>(s.value)) decoded = s.value;
      es = encode_float(static_cast<double>(s.value), len, float_format::ieee_little, encoded);
      break;
    }
    case usage::display: {
      const zoned_format zf{f.sign, cs};
      ds = decode_zoned(bytes, len, zf, decoded);
      es = encode_zoned(s.value, f.digits, zf, encoded);
      if (len <= 18) {
        std::int64_t d64 = -12345;
        if (decode_zoned64(bytes, len, zf, d64) != decode_status::ok || d64 != s.value) {
          chk.fail("decode_zoned64 " + picture(f) + " " + s.literal);
        }
      }
      break;
    }
  }
  const std::string where = picture(f) + " value " + s.literal + " bytes " +
                            test::to_hex(bytes, len);
  if (ds != decode_status::ok || decoded != s.value) {
    chk.fail("decode " + where + ": " + to_string(ds) + " got " + text_of(decoded));
  }
  // GnuCOBOL keeps the minus of a "-0" literal in some sign forms; a value has no negative
  // zero, so for those only the decoding (to 0) is compared.
  if (s.literal == "-0") return;
  if (es != decode_status::ok || std::memcmp(encoded, bytes, len) != 0) {
    chk.fail("encode " + where + ": " + to_string(es) + " wrote " + test::to_hex(encoded, len));
  }
}

void run_suite(bool display_only, const std::string& sign_option, zoned_charset cs) {
  if (!test::have_program("cobc")) GTEST_SKIP() << "cobc (GnuCOBOL) is not installed";
  const std::vector<field_spec> fields = make_fields(display_only);
  const std::vector<sample> samples = make_samples(fields);
  test::temp_dir dir;
  const oracle_bytes data = run_oracle(dir, cobol_program(fields, samples), sign_option);
  ASSERT_EQ(data.raw.size(), samples.size() * record_size);
  ASSERT_EQ(data.cp037.size(), data.raw.size());
  checker chk;
  for (std::size_t i = 0; i < samples.size(); ++i) {
    const field_spec& f = fields[samples[i].field];
    const bool convert = f.kind == usage::display && cs == zoned_charset::ebcdic;
    const std::uint8_t* rec = (convert ? data.cp037 : data.raw).data() + i * record_size;
    check_sample(f, samples[i], rec, cs, chk);
  }
  EXPECT_EQ(chk.failures, 0) << "of " << samples.size() << " samples";
}

TEST(GnuCobolNumeric, PackedBinaryAndEbcdicZonedMatchCobc) {
  run_suite(false, "-fsign=EBCDIC", zoned_charset::ebcdic);
}

TEST(GnuCobolNumeric, AsciiZonedMatchesCobcDefaultSign) {
  run_suite(true, "-fsign=ASCII", zoned_charset::ascii);
}

}  // namespace
}  // namespace mfb::ebcdic
