// Binary COPY fields against the bytes PostgreSQL 15 itself writes for the same values
// (`\copy (SELECT v::type) TO file (FORMAT binary)`, field bytes cut out of the tuple):
// the server's numeric_send is the oracle for our base-10000 numeric encoding.

#include <gtest/gtest.h>

#include <string>

#include "db/pg_copy_binary.hpp"
#include "test_support.hpp"

namespace mfb::rehost::detail {
namespace {

std::string field(std::string_view text, sql_kind kind, bool* ok = nullptr) {
  std::string out;
  bool good = append_copy_field(out, sql_value{text, false}, kind);
  if (ok != nullptr) *ok = good;
  return test::to_hex(reinterpret_cast<const std::uint8_t*>(out.data()), out.size());
}

TEST(PgCopyBinary, NumericMatchesPostgresNumericSend) {
  // value, then the server's field bytes: length, ndigits, weight, sign, dscale, digits.
  EXPECT_EQ(field("12345.678", sql_kind::numeric), "0000000E0003000100000003000109291A7C");
  EXPECT_EQ(field("-0.05", sql_kind::numeric), "0000000A0001FFFF4000000201F4");
  EXPECT_EQ(field("0.00", sql_kind::numeric), "000000080000000000000002");
  EXPECT_EQ(field("10000", sql_kind::numeric), "0000000A00010001000000000001");
  EXPECT_EQ(field("-99999999999999999999999999999.99", sql_kind::numeric),
            "0000001A00090007400000020009270F270F270F270F270F270F270F26AC");
  EXPECT_EQ(field("0.0001", sql_kind::numeric), "0000000A0001FFFF000000040001");
  EXPECT_EQ(field("1.10", sql_kind::numeric), "0000000C0002000000000002000103E8");
}

TEST(PgCopyBinary, NegativeZeroIsWrittenAsZero) {
  // numeric_send never writes a negative zero; the server would keep the sign bit.
  EXPECT_EQ(field("-0.00", sql_kind::numeric), "000000080000000000000002");
}

TEST(PgCopyBinary, IntegersAreBigEndianOfTheColumnWidth) {
  EXPECT_EQ(field("-2", sql_kind::smallint), "00000002FFFE");
  EXPECT_EQ(field("70000", sql_kind::integer), "0000000400011170");
  EXPECT_EQ(field("-9223372036854775808", sql_kind::bigint), "000000088000000000000000");
}

TEST(PgCopyBinary, FloatTextAndNull) {
  EXPECT_EQ(field("1.5", sql_kind::float8), "000000083FF8000000000000");
  EXPECT_EQ(field("AB\xC3\xA9", sql_kind::text), "000000044142C3A9");
  std::string out;
  ASSERT_TRUE(append_copy_field(out, sql_value{{}, true}, sql_kind::numeric));
  EXPECT_EQ(test::to_hex(reinterpret_cast<const std::uint8_t*>(out.data()), out.size()), "FFFFFFFF");
}

TEST(PgCopyBinary, BytesAreTheRawBytesOfTheirHexText) {
  // byteasend: the bytes themselves, after the length word.
  EXPECT_EQ(field("00ff1A", sql_kind::bytes), "0000000300FF1A");
  bool ok = true;
  EXPECT_EQ(field("0", sql_kind::bytes, &ok), "");
  EXPECT_FALSE(ok);
  EXPECT_EQ(field("zz", sql_kind::bytes, &ok), "");
  EXPECT_FALSE(ok);
}

TEST(PgCopyBinary, TextThatIsNoValueOfTheTypeIsRefused) {
  bool ok = true;
  EXPECT_EQ(field("12a", sql_kind::integer, &ok), "");
  EXPECT_FALSE(ok);
  EXPECT_EQ(field("40000", sql_kind::smallint, &ok), "");
  EXPECT_FALSE(ok);
  EXPECT_EQ(field("1.2.3", sql_kind::numeric, &ok), "");
  EXPECT_FALSE(ok);
  EXPECT_EQ(field("", sql_kind::numeric, &ok), "");
  EXPECT_FALSE(ok);
}

TEST(PgCopyBinary, HeaderIsTheSignatureAndTwoZeroWords) {
  std::string out;
  append_copy_header(out);
  append_tuple_start(out, 60);
  EXPECT_EQ(test::to_hex(reinterpret_cast<const std::uint8_t*>(out.data()), out.size()),
            "5047434F50590AFF0D0A000000000000000000003C");
}

}  // namespace
}  // namespace mfb::rehost::detail
