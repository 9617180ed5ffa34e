// Exact SQL types for COBOL items: an integer type only where every value the item can hold
// fits, NUMERIC(p,s) otherwise; text lengths in characters. Comments keep the COBOL facts
// (name, picture, usage, offset, 88 levels) next to the column.

#include "db/sql_column_type.hpp"

#include <algorithm>

#include "mfb/copybook/layout_printer.hpp"
#include <cstdio>

namespace mfb::rehost::detail {

namespace cb = mfb::copybook;

namespace {


// The integer type for `digits` decimal digits, or numeric when none is wide enough.
void integer_or_numeric(sql_column& c, int digits, int scale) {
  if (scale < 0) {  // P to the right: the value is a whole number with more digits
    digits -= scale;
    scale = 0;
  }
  c.precision = std::max(digits, scale);
  c.scale = scale;
  if (scale > 0 || digits > 18)
    c.kind = sql_kind::numeric;
  else
    c.kind = digits <= 4 ? sql_kind::smallint : digits <= 9 ? sql_kind::integer : sql_kind::bigint;
}

// Binary items that are not truncated to their picture hold any value of their bytes.
void full_binary(sql_column& c, std::size_t bytes, bool is_signed, int scale) {
  int digits = bytes == 2 ? 5 : bytes == 4 ? 10 : bytes == 8 ? (is_signed ? 19 : 20) : 3;
  if (scale == 0 && bytes <= 8 && !(bytes == 8 && !is_signed)) {
    bool fits_smaller = is_signed || bytes == 1;
    c.kind = bytes <= 2 ? (fits_smaller ? sql_kind::smallint : sql_kind::integer)
             : bytes == 4 ? (is_signed ? sql_kind::integer : sql_kind::bigint)
                          : sql_kind::bigint;
    c.precision = digits;
    return;
  }
  c.kind = sql_kind::numeric;
  c.precision = std::max(digits, scale);
  c.scale = std::max(scale, 0);
}

std::string sql_literal(const cb::condition_value& v, bool numeric_column, std::string_view text) {
  if (numeric_column && v.is_numeric) return std::string(text);
  std::string t(text);
  while (!t.empty() && t.back() == ' ') t.pop_back();  // loads trim trailing spaces
  std::string out = "'";
  for (char ch : t) {
    out += ch;
    if (ch == '\'') out += '\'';
  }
  return out + "'";
}

std::string check_for(const cb::field& f, const std::string& column, bool numeric_column) {
  std::string ins, ranges;
  for (const auto& cond : f.conditions)
    for (const auto& v : cond.values) {
      if (numeric_column != v.is_numeric) return {};  // figurative or mixed: not checkable
      if (v.thru) {
        ranges += " OR " + column + " BETWEEN " + sql_literal(v, numeric_column, v.from) +
                  " AND " + sql_literal(v, numeric_column, *v.thru);
      } else {
        ins += (ins.empty() ? "" : ", ") + sql_literal(v, numeric_column, v.from);
      }
    }
  std::string expr = column + " IS NULL";
  if (!ins.empty()) expr += " OR " + column + " IN (" + ins + ")";
  return expr + ranges;
}

}  // namespace

sql_column column_for(const cb::record_layout& layout, std::int32_t index, bool check_88,
                      const std::vector<std::uint32_t>& occurrence) {
  const cb::field& f = layout.fields[static_cast<std::size_t>(index)];
  sql_column c;
  c.field = index;
  const auto* pic = f.picture ? &*f.picture : nullptr;
  int digits = pic ? pic->digits : 0;
  int scale = pic ? pic->scale : 0;
  bool numeric = false;
  switch (f.use) {
    case cb::usage::comp_1:
    case cb::usage::comp_2:
      c.kind = sql_kind::float8;
      numeric = true;
      break;
    case cb::usage::binary:
    case cb::usage::comp_5:
    case cb::usage::pointer:
    case cb::usage::index:
      numeric = true;
      if (f.use == cb::usage::binary)
        integer_or_numeric(c, digits, scale);  // TRUNC(STD): the picture bounds the value
      else
        full_binary(c, f.length, f.use == cb::usage::index || (pic && pic->is_signed),
                    f.use == cb::usage::comp_5 ? scale : 0);
      break;
    case cb::usage::packed_decimal:
      numeric = true;
      integer_or_numeric(c, digits, scale);
      break;
    case cb::usage::display:
      if (f.kind == cb::category::numeric || f.kind == cb::category::numeric_edited) {
        numeric = true;
        integer_or_numeric(c, digits, scale);
        break;
      }
      c.kind = sql_kind::text;
      c.length = f.kind == cb::category::dbcs ? f.length / 2 : f.length;
      break;
    case cb::usage::display_1:
    case cb::usage::national:
      c.kind = sql_kind::text;
      c.length = f.length / 2;
      break;
  }
  // The element's offset: each enclosing OCCURS (outermost first) moves it by its stride.
  std::vector<std::int32_t> tables;
  for (std::int32_t i = index; i >= 0; i = layout.fields[static_cast<std::size_t>(i)].parent)
    if (layout.fields[static_cast<std::size_t>(i)].is_occurs()) tables.insert(tables.begin(), i);
  std::size_t offset = f.offset;
  for (std::size_t k = 0; k < tables.size() && k < occurrence.size(); ++k) {
    const cb::field& t = layout.fields[static_cast<std::size_t>(tables[k])];
    offset += (occurrence[k] - 1) * (t.stride ? t.stride : t.length);
  }
  char where[96];
  std::snprintf(where, sizeof where, " offset %zu length %zu", offset, f.length);
  c.comment = "COBOL " + f.path + (pic ? " PIC " + pic->text : std::string{}) + " " +
              cb::usage_keyword(f.use) + where;
  for (const auto& cond : f.conditions) {
    c.comment += "; 88 " + cond.name + " VALUE";
    for (const auto& v : cond.values)
      c.comment += " " + v.from + (v.thru ? " THRU " + *v.thru : std::string{});
  }
  if (check_88 && !f.conditions.empty()) c.check = check_for(f, "{column}", numeric);
  return c;
}

std::string limit_identifier(std::string name) {
  if (name.size() <= 63) return name;
  std::uint32_t h = 2166136261u;  // FNV-1a: stable across runs and platforms
  for (char ch : name) h = (h ^ static_cast<unsigned char>(ch)) * 16777619u;
  char tail[10];
  std::snprintf(tail, sizeof tail, "_%08x", h);
  name.resize(54);
  return name + tail;
}

bool same_cobol_name(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return (x >= 'a' && x <= 'z' ? x - 32 : x) == (y >= 'a' && y <= 'z' ? y - 32 : y);
         });
}

}  // namespace mfb::rehost::detail
