// Index lookups in each target's own catalog: SQLite's index_list/index_info pragmas (as
// table-valued functions), PostgreSQL's pg_index, whose indkey[0] is an index's first
// column. Names are parameters, never spliced.

#include "mfb/rehost/db/column_index.hpp"

namespace mfb::rehost {

bool column_indexed(database& db, const sql_table& table, std::size_t column) {
  const std::string& name = table.columns.at(column).name;
  if (db.dialect() == sql_dialect::sqlite) {
    // An INTEGER PRIMARY KEY is the rowid: no index lists it, yet lookups on it are direct.
    auto rowid = db.query("SELECT 1 FROM pragma_table_info($1) WHERE name = $2 AND pk = 1 AND "
                          "upper(type) = 'INTEGER' AND (SELECT count(*) FROM pragma_table_info($1) "
                          "WHERE pk > 0) = 1",
                          {table.name, name});
    if (!rowid.rows.empty()) return true;
    auto rows = db.query("SELECT 1 FROM pragma_index_list($1) AS l, pragma_index_info(l.name) AS i "
                         "WHERE i.seqno = 0 AND i.name = $2",
                         {table.name, name});
    return !rows.rows.empty();
  }
  auto rows = db.query("SELECT 1 FROM pg_index x JOIN pg_attribute a ON a.attrelid = x.indrelid "
                       "AND a.attnum = x.indkey[0] WHERE x.indrelid = to_regclass($1) AND a.attname = $2",
                       {quote_ident(table.name), name});
  return !rows.rows.empty();
}

std::string create_column_index(database& db, const sql_table& table, std::size_t column) {
  std::string sql = create_index_sql(table, {column});
  db.execute(sql);
  db.execute("ANALYZE " + quote_ident(table.name));  // the planner learns the new index's spread
  return sql;
}

}  // namespace mfb::rehost
