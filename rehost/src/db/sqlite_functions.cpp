// The reconciliation's aggregates for SQLite, so that it re-reads a table's totals with one
// statement inside SQLite instead of handing every value to the client:
// - mfb_exact_sum(value, scale, column name, record number) sums decimal texts exactly, as 128-bit integers at the
//   column's scale (SQLite keeps our decimals as numbers of at most 15 digits, or as TEXT
//   when wider; its own SUM would go through REAL);
// - mfb_key_hash(part, ...) adds up the key hashes (key_hash.hpp), as PostgreSQL's SUM of
//   hashtextextended does.
// And one scalar: mfb_real(text), the double a decimal text stands for, correctly rounded
// (std::from_chars). SQLite's own text-to-REAL conversion is not: with 3.40, 18 of 200,000
// random doubles written in their shortest text came back one ulp off. (For our decimals
// of at most 15 digits one ulp is far below half a unit of the last digit, so their text
// at the column's scale still comes back exactly.) And mfb_decimal_text(value, scale).

#include <sqlite3.h>

#include <charconv>
#include <cstring>
#include <string>

#include "db/database_detail.hpp"
#include "db/key_hash.hpp"
#include "mfb/ebcdic/decimal.hpp"

namespace mfb::rehost::detail {

namespace {

namespace eb = mfb::ebcdic;

// SQLite's aggregate memory is only 8-byte aligned: the 128-bit sum is kept as bytes.
struct exact_sum_state {
  unsigned char unscaled[sizeof(eb::int128_t)];
  int scale;
  bool any;
};

// The exact text of a stored decimal: a number (NUMERIC column) printed at the column's
// scale, or the text itself (a TEXT column, or a value NUMERIC affinity left as text).
// Integers (also 18-digit ones of INTEGER columns) are printed from their 64 bits.
std::string stored_decimal(sqlite3_value* v, int scale) {
  const int type = sqlite3_value_type(v);
  if (type == SQLITE_INTEGER) return integer_text(sqlite3_value_int64(v), scale);
  if (type == SQLITE_FLOAT) return decimal_text(sqlite3_value_double(v), scale);
  const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(v));
  return std::string(text ? text : "", static_cast<std::size_t>(sqlite3_value_bytes(v)));
}

eb::int128_t load_sum(const exact_sum_state& s) {
  eb::int128_t v;
  std::memcpy(&v, s.unscaled, sizeof v);
  return v;
}

void sum_step(sqlite3_context* ctx, int, sqlite3_value** argv) {
  auto* s = static_cast<exact_sum_state*>(sqlite3_aggregate_context(ctx, sizeof(exact_sum_state)));
  if (s == nullptr) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  s->scale = sqlite3_value_int(argv[1]);
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return;
  const std::string v = stored_decimal(argv[0], s->scale);
  eb::decimal d, scaled;
  if (eb::parse_decimal(v, d) != eb::decode_status::ok ||
      eb::rescale(d, s->scale, scaled) != eb::decode_status::ok) {
    // The place of the bad value: its column (a constant argument) and its record number.
    const auto* column = reinterpret_cast<const char*>(sqlite3_value_text(argv[2]));
    std::string why = "table.column " + std::string(column ? column : "?") + ", record " +
                      std::to_string(sqlite3_value_int64(argv[3])) + ": '" + std::string(v) +
                      "' is not an exact decimal";
    sqlite3_result_error(ctx, why.c_str(), -1);
    return;
  }
  eb::int128_t sum = load_sum(*s) + scaled.unscaled;
  std::memcpy(s->unscaled, &sum, sizeof sum);
  s->any = true;
}

void finish_sum(sqlite3_context* ctx) {
  auto* s = static_cast<exact_sum_state*>(sqlite3_aggregate_context(ctx, 0));
  if (s == nullptr || !s->any) {
    sqlite3_result_null(ctx);  // like SUM over no rows
    return;
  }
  std::string text = eb::to_string(eb::decimal{load_sum(*s), s->scale});
  sqlite3_result_text(ctx, text.c_str(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

void key_hash_step(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  auto* total = static_cast<std::uint64_t*>(sqlite3_aggregate_context(ctx, sizeof(std::uint64_t)));
  if (total == nullptr) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  thread_local std::string joined;
  joined.clear();
  for (int i = 0; i < argc; ++i) {
    if (i) joined += key_part_separator;
    const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(argv[i]));
    if (text != nullptr) joined.append(text, static_cast<std::size_t>(sqlite3_value_bytes(argv[i])));
  }
  *total += stored_text_hash(joined);
}

void key_hash_finish(sqlite3_context* ctx) {
  auto* total = static_cast<std::uint64_t*>(sqlite3_aggregate_context(ctx, 0));
  sqlite3_result_int64(ctx, total == nullptr ? 0 : static_cast<sqlite3_int64>(*total));
}

// mfb_real(text): NULL stays NULL; a text that is no number is an error, not 0.
void real_of_text(sqlite3_context* ctx, int, sqlite3_value** argv) {
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return sqlite3_result_null(ctx);
  const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
  const auto* end = text + sqlite3_value_bytes(argv[0]);
  double value = 0;
  auto r = std::from_chars(text, end, value);
  if (r.ec != std::errc{} || r.ptr != end) return sqlite3_result_error(ctx, "mfb_real: not a number", -1);
  sqlite3_result_double(ctx, value);
}

// mfb_decimal_text(value, scale): NULL stays NULL.
void decimal_text_of(sqlite3_context* ctx, int, sqlite3_value** argv) {
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return sqlite3_result_null(ctx);
  std::string text = stored_decimal(argv[0], sqlite3_value_int(argv[1]));
  sqlite3_result_text(ctx, text.c_str(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

}  // namespace

std::string integer_text(std::int64_t value, int scale) {
  std::string out = std::to_string(value);
  if (scale > 0) out += "." + std::string(static_cast<std::size_t>(scale), '0');
  return out;
}

std::string decimal_text(double value, int scale) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, scale);
  if (r.ec != std::errc{}) return std::to_string(value);  // beyond any decimal we store
  std::string out(buf, r.ptr);
  if (out.size() > 1 && out[0] == '-' && out.find_first_not_of("0.", 1) == std::string::npos)
    out.erase(0, 1);  // -0.00: SQLite's numbers have no negative zero
  return out;
}

int declared_scale(const char* decltype_text) {
  if (decltype_text == nullptr || std::strncmp(decltype_text, "NUMERIC(", 8) != 0) return -1;
  const char* comma = std::strchr(decltype_text, ',');
  int scale = -1;
  if (comma == nullptr) return -1;
  auto r = std::from_chars(comma + 1, comma + std::strlen(comma), scale);
  return r.ec == std::errc{} && *r.ptr == ')' && scale >= 0 ? scale : -1;
}

void register_sqlite_functions(sqlite3* db) {
  sqlite3_create_function_v2(db, "mfb_exact_sum", 4, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                             nullptr, nullptr, sum_step, finish_sum, nullptr);
  sqlite3_create_function_v2(db, "mfb_key_hash", -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                             nullptr, nullptr, key_hash_step, key_hash_finish, nullptr);
  sqlite3_create_function_v2(db, "mfb_real", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                             real_of_text, nullptr, nullptr, nullptr);
  sqlite3_create_function_v2(db, "mfb_decimal_text", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                             nullptr, decimal_text_of, nullptr, nullptr, nullptr);
}

}  // namespace mfb::rehost::detail
