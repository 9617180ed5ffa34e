// Exact totals: decimals are summed as unscaled 128-bit integers at the column's scale, so
// the source's sum and the target's sum agree to the last digit or the load lost something.

#include "mfb/rehost/db/control_totals.hpp"
#include "mfb/ebcdic/hex.hpp"

#include <nlohmann/json.hpp>

#include "db/key_hash.hpp"

namespace mfb::rehost {

namespace eb = mfb::ebcdic;
using json = nlohmann::ordered_json;

namespace {

bool summed_kind(sql_kind k) {
  return k != sql_kind::text && k != sql_kind::float8 && k != sql_kind::bytes;
}

std::string hex64(std::uint64_t v) {
  std::string s(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) s[static_cast<std::size_t>(i)] = ebcdic::hex_lower[v & 15];
  return s;
}

}  // namespace

control_totals::control_totals(const std::vector<table_map>& maps) {
  for (const auto& m : maps) {
    auto& roles = roles_.emplace_back();
    for (const auto& t : m.tables()) {
      column_role r;
      r.table = t.name;
      for (std::size_t j = t.data_begin; j < t.columns.size(); ++j)
        if (summed_kind(t.columns[j].kind))
          r.summed.push_back({j, t.columns[j].scale, t.columns[j].name});
      r.key = t.primary_key;
      table_totals& tt = tables_[t.name];
      for (const auto& c : r.summed) tt.sums[c.name] = eb::decimal{0, c.scale};
      roles.push_back(std::move(r));
    }
  }
  relink();
}

void control_totals::relink() {
  for (auto& roles : roles_)
    for (auto& r : roles) {
      r.totals = &tables_[r.table];
      for (auto& c : r.summed) c.sum = &r.totals->sums[c.name];
    }
}

bool control_totals::count_row(std::size_t map, std::size_t table,
                               const std::vector<sql_value>& row, int sign) {
  const column_role& r = roles_[map][table];
  table_totals& t = *r.totals;
  // Counts and the key hash total are modulo 2^64, so taking a row out is exact too.
  t.rows += static_cast<std::uint64_t>(static_cast<std::int64_t>(sign));
  t.key_hash += static_cast<std::uint64_t>(static_cast<std::int64_t>(sign)) * detail::key_hash(row, r.key);
  bool ok = true;
  for (const auto& c : r.summed) {
    const sql_value& v = row[c.index];
    if (v.null || v.text.empty()) continue;
    eb::decimal d, scaled;
    if (eb::parse_decimal(v.text, d) != eb::decode_status::ok ||
        eb::rescale(d, c.scale, scaled) != eb::decode_status::ok) {
      ok = false;
      continue;
    }
    c.sum->unscaled += sign * scaled.unscaled;
  }
  return ok;
}

void control_totals::add(const control_totals& other) {
  for (const auto& [name, o] : other.tables_) {
    table_totals& t = tables_[name];
    t.rows += o.rows;
    t.key_hash += o.key_hash;
    for (const auto& [col, d] : o.sums) {
      auto it = t.sums.find(col);
      if (it == t.sums.end())
        t.sums[col] = d;
      else
        it->second.unscaled += d.unscaled;
    }
  }
}

control_totals control_totals::from_target(database& db, const std::vector<table_map>& maps) {
  control_totals out(maps);
  for (std::size_t m = 0; m < maps.size(); ++m)
    for (std::size_t t = 0; t < maps[m].tables().size(); ++t) {
      const sql_table& table = maps[m].tables()[t];
      if (!db.table_exists(table.name)) continue;  // zero rows: the comparison says so
      out.add_from_target(db, table, out.roles_[m][t]);
    }
  return out;
}

void control_totals::add_from_target(database& db, const sql_table& table,
                                     const column_role& role) {
  // One statement per table: the target sums exactly (PostgreSQL's NUMERIC SUM; in SQLite,
  // where decimals are numbers or TEXT, our mfb_exact_sum) and adds up the key hashes itself
  // (hashtextextended, which key_hash.cpp reproduces), so no row travels to the client.
  const bool pg = db.dialect() == sql_dialect::postgresql;
  std::string sql = "SELECT COUNT(*)";
  for (const auto& c : role.summed) {
    const std::string& name = table.columns[c.index].name;
    // SQLite names the bad value's table.column (a string literal) and record number.
    std::string place;
    for (char ch : table.name + "." + name) place += ch == '\'' ? std::string("''") : std::string(1, ch);
    sql += pg ? ", SUM(" + quote_ident(name) + ")"
              : ", mfb_exact_sum(" + quote_ident(name) + ", " + std::to_string(c.scale) + ", '" +
                    place + "', " + quote_ident(table.columns[0].name) + ")";
  }
  std::string parts;
  for (std::size_t j : role.key) {
    // Every key part as the text the source hashed (bytes: lowercase hex).
    const std::string col = quote_ident(table.columns[j].name);
    const bool bytes = table.columns[j].kind == sql_kind::bytes;
    const bool decimal = table.columns[j].kind == sql_kind::numeric;
    if (pg)
      parts += (parts.empty() ? "" : " || chr(31) || ") + (bytes ? "encode(" + col + ", 'hex')" : col + "::text");
    else  // a decimal SQLite keeps as a number: its text at the column's scale, as hashed
      parts += (parts.empty() ? "" : ", ") +
               (bytes     ? "lower(hex(" + col + "))"
                : decimal ? "mfb_decimal_text(" + col + ", " + std::to_string(table.columns[j].scale) + ")"
                          : col);
  }
  sql += pg ? ", SUM(hashtextextended(" + parts + ", 0)::numeric)" : ", mfb_key_hash(" + parts + ")";
  auto r = db.query(sql + " FROM " + quote_ident(table.name));
  const auto& values = r.rows.at(0);
  table_totals& t = *role.totals;
  t.rows += std::stoull(values.at(0).value_or("0"));
  auto exact = [&](const sql_param& total, int scale, const std::string& what) {
    eb::decimal d, scaled;
    if (!total) return eb::int128_t{0};  // no rows, or only NULLs
    if (eb::parse_decimal(*total, d) != eb::decode_status::ok ||
        eb::rescale(d, scale, scaled) != eb::decode_status::ok)
      throw db_error("the target's " + what + " of " + table.name + " is not an exact number: " +
                     *total);
    return scaled.unscaled;
  };
  for (std::size_t k = 0; k < role.summed.size(); ++k)
    role.summed[k].sum->unscaled += exact(values[k + 1], role.summed[k].scale, "sum of " + role.summed[k].name);
  // The sum of the signed 64-bit hashes, taken modulo 2^64 like the source's total.
  t.key_hash += static_cast<std::uint64_t>(exact(values.back(), 0, "key hash total"));
}

std::string control_totals::to_json() const {
  json j = json::object();
  for (const auto& [name, t] : tables_) {
    json sums = json::object();
    for (const auto& [col, d] : t.sums) sums[col] = eb::to_string(d);
    j[name] = {{"rows", t.rows}, {"key_hash", hex64(t.key_hash)}, {"sums", sums}};
  }
  return j.dump();
}

result<control_totals> control_totals::from_json(std::string_view text) {
  try {
    control_totals out;
    json j = json::parse(text);
    for (const auto& [name, t] : j.items()) {
      table_totals& tt = out.tables_[name];
      tt.rows = t.at("rows").get<std::uint64_t>();
      tt.key_hash = std::stoull(t.at("key_hash").get<std::string>(), nullptr, 16);
      for (const auto& [col, v] : t.at("sums").items()) {
        eb::decimal d;
        if (eb::parse_decimal(v.get<std::string>(), d) != eb::decode_status::ok)
          return error{"bad sum " + v.get<std::string>() + " in stored totals"};
        tt.sums[col] = d;
      }
    }
    return out;
  } catch (const std::exception& e) {
    return error{std::string("bad stored control totals: ") + e.what()};
  }
}

void compare_totals(const control_totals& expected, const control_totals& actual,
                    reconciliation& out) {
  out.performed = true;
  static const table_totals none{};
  for (const auto& [name, e] : expected.tables()) {
    auto it = actual.tables().find(name);
    const table_totals& a = it == actual.tables().end() ? none : it->second;
    out.lines.push_back({name + " rows", std::to_string(e.rows), std::to_string(a.rows),
                         e.rows == a.rows});
    out.lines.push_back({name + " key hash total", hex64(e.key_hash), hex64(a.key_hash),
                         e.key_hash == a.key_hash});
    for (const auto& [col, d] : e.sums) {
      auto s = a.sums.find(col);
      eb::decimal got = s == a.sums.end() ? eb::decimal{0, d.scale} : s->second;
      out.lines.push_back({name + "." + col + " sum", eb::to_string(d), eb::to_string(got),
                           d.unscaled == got.unscaled && d.scale == got.scale});
    }
  }
}

}  // namespace mfb::rehost
