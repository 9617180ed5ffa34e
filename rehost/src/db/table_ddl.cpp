// CREATE TABLE text for a table map, in PostgreSQL or SQLite spelling. SQLite has no exact
// decimal type: decimals of up to 15 digits are NUMERIC(p,s) there (NUMERIC affinity: the
// value is kept as a number, exact at that width, and sorts and compares as one; readers
// print it at the declared scale), wider ones exact TEXT (sql_column_type.hpp). SQLite has
// no COMMENT ON either, so comments become SQL comments inside the CREATE TABLE.

#include <string>

#include "mfb/rehost/db/table_map.hpp"
#include "db/sql_column_type.hpp"

namespace mfb::rehost {

std::string snake_case(std::string_view cobol_name) {
  std::string out;
  for (char ch : cobol_name) {
    if (ch >= 'A' && ch <= 'Z')
      out += static_cast<char>(ch - 'A' + 'a');
    else if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'))
      out += ch;
    else if (!out.empty() && out.back() != '_')
      out += '_';  // '-', '_' and anything else separate words
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  if (out.empty() || (out[0] >= '0' && out[0] <= '9')) out = "c_" + out;
  return detail::limit_identifier(out);
}

std::string quote_ident(std::string_view name) {
  std::string out = "\"";
  for (char ch : name) {
    out += ch;
    if (ch == '"') out += '"';
  }
  return out + "\"";
}

std::string sql_type(const sql_column& c, sql_dialect dialect) {
  bool pg = dialect == sql_dialect::postgresql;
  switch (c.kind) {
    case sql_kind::smallint: return pg ? "SMALLINT" : "INTEGER";
    case sql_kind::integer: return pg ? "INTEGER" : "INTEGER";
    case sql_kind::bigint: return pg ? "BIGINT" : "INTEGER";
    case sql_kind::numeric:
      return pg || detail::sqlite_keeps_number(c)
                 ? "NUMERIC(" + std::to_string(c.precision) + "," + std::to_string(c.scale) + ")"
                 : "TEXT";
    case sql_kind::float8: return pg ? "DOUBLE PRECISION" : "REAL";
    case sql_kind::text: return pg ? "VARCHAR(" + std::to_string(c.length) + ")" : "TEXT";
    case sql_kind::bytes: return pg ? "BYTEA" : "BLOB";
  }
  return "TEXT";
}

namespace {

std::string sql_string(std::string_view s) {
  std::string out = "'";
  for (char ch : s) {
    out += ch;
    if (ch == '\'') out += '\'';
  }
  return out + "'";
}

std::string column_list(const sql_table& t, const std::vector<std::size_t>& which) {
  std::string out;
  for (std::size_t i : which) out += (out.empty() ? "" : ", ") + quote_ident(t.columns[i].name);
  return out;
}

std::string check_text(const sql_column& c, sql_dialect dialect) {
  if (c.check.empty()) return {};
  if (dialect == sql_dialect::sqlite && c.kind == sql_kind::numeric && !detail::sqlite_keeps_number(c))
    return {};  // TEXT there: no numeric comparison
  std::string expr = c.check;
  const std::string marker = "{column}";
  for (std::size_t p; (p = expr.find(marker)) != std::string::npos;)
    expr.replace(p, marker.size(), quote_ident(c.name));
  return " CHECK (" + expr + ")";
}

}  // namespace

namespace {

std::string child_fk_name(const sql_table& child) {
  return detail::limit_identifier(child.name + "_mfb_parent_fk");
}

std::string parent_fk_name(const sql_table& table) {
  return detail::limit_identifier(table.name + "_mfb_parent_record_fk");
}

std::string child_fk_clause(const sql_table& child, const sql_table& main) {
  return "FOREIGN KEY (" + quote_ident(child.columns[0].name) + ") REFERENCES " +
         quote_ident(main.name) + " (" + quote_ident(main.columns[0].name) +
         ") ON DELETE CASCADE";
}

std::string parent_fk_clause(const sql_table& table) {
  std::vector<std::size_t> own;
  for (std::size_t k = 1; k < table.data_begin; ++k) own.push_back(k);
  std::string theirs;
  for (const auto& c : table.parent_columns) theirs += (theirs.empty() ? "" : ", ") + quote_ident(c);
  return "FOREIGN KEY (" + column_list(table, own) + ") REFERENCES " +
         quote_ident(table.parent_table) + " (" + theirs + ")";
}

}  // namespace

namespace {

constraint_sql make_constraint(const sql_table& table, std::string name, char type,
                               const std::string& clause) {
  std::string sql = "ALTER TABLE " + quote_ident(table.name) + " ADD CONSTRAINT " +
                    quote_ident(name) + " " + clause;
  return {table.name, std::move(name), type, std::move(sql)};
}

}  // namespace

std::vector<constraint_sql> key_constraint_sql(const table_map& map) {
  std::vector<constraint_sql> out;
  for (std::size_t t = 0; t < map.tables().size(); ++t) {
    const sql_table& table = map.tables()[t];
    out.push_back(make_constraint(table, detail::limit_identifier(table.name + "_pkey"), 'p',
                                  "PRIMARY KEY (" + column_list(table, table.primary_key) + ")"));
    if (t == 0 && table.primary_key != std::vector<std::size_t>{0})
      out.push_back(make_constraint(table, detail::limit_identifier(table.name + "_mfb_record_no_key"),
                                    'u', "UNIQUE (" + quote_ident(table.columns[0].name) + ")"));
  }
  return out;
}

std::vector<constraint_sql> foreign_key_sql(const table_map& map) {
  std::vector<constraint_sql> out;
  if (!map.main().parent_table.empty())
    out.push_back(make_constraint(map.main(), parent_fk_name(map.main()), 'f',
                                  parent_fk_clause(map.main())));
  for (std::size_t t = 1; t < map.tables().size(); ++t)
    out.push_back(make_constraint(map.tables()[t], child_fk_name(map.tables()[t]), 'f',
                                  child_fk_clause(map.tables()[t], map.main())));
  return out;
}

std::string create_index_sql(const sql_table& table, const std::vector<std::size_t>& index) {
  std::string name = table.name;
  for (std::size_t j : index) name += "_" + table.columns[j].name;
  // A long name is cut with a hash suffix; the hash keeps distinct indexes distinct.
  name = detail::limit_identifier(name + "_idx");
  return "CREATE INDEX IF NOT EXISTS " + quote_ident(name) + " ON " + quote_ident(table.name) + " (" +
         column_list(table, index) + ")";
}

std::vector<std::string> create_index_sql(const table_map& map) {
  std::vector<std::string> out;
  for (const auto& index : map.main().indexes) out.push_back(create_index_sql(map.main(), index));
  return out;
}

std::vector<std::string> create_table_sql(const table_map& map, sql_dialect dialect,
                                          bool constraints_after) {
  std::vector<std::string> out;
  const bool pg = dialect == sql_dialect::postgresql;
  const sql_table& main = map.main();
  for (std::size_t t = 0; t < map.tables().size(); ++t) {
    const sql_table& table = map.tables()[t];
    std::string s = "CREATE TABLE " + quote_ident(table.name) + " (\n";
    for (std::size_t j = 0; j < table.columns.size(); ++j) {
      const sql_column& c = table.columns[j];
      // Record numbers and occurrences always exist; a parent key may be unknown (a child
      // row written through the REST facade).
      bool not_null = t > 0 ? j < table.data_begin : j == 0;
      for (std::size_t k : table.primary_key) not_null |= k == j;
      const bool last = constraints_after && j + 1 == table.columns.size();
      s += "  " + quote_ident(c.name) + " " + sql_type(c, dialect) +
           (not_null ? " NOT NULL" : "") + check_text(c, dialect) + (last ? "" : ",");
      if (!pg) s += "  -- " + c.comment;
      if (!last) s += "\n";
    }
    if (!constraints_after) {
      s += "  PRIMARY KEY (" + column_list(table, table.primary_key) + ")";
      if (t == 0 && table.primary_key != std::vector<std::size_t>{0})
        s += ",\n  UNIQUE (" + quote_ident(table.columns[0].name) + ")";
      if (t == 0 && !table.parent_table.empty()) s += ",\n  " + parent_fk_clause(table);
      if (t > 0)
        s += ",\n  CONSTRAINT " + quote_ident(child_fk_name(table)) + " " +
             child_fk_clause(table, main);
    }
    s += "\n)";
    out.push_back(std::move(s));
    if (pg)
      for (const sql_column& c : table.columns)
        out.push_back("COMMENT ON COLUMN " + quote_ident(table.name) + "." + quote_ident(c.name) +
                      " IS " + sql_string(c.comment));
  }
  return out;
}

}  // namespace mfb::rehost
