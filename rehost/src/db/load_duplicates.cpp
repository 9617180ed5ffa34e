// Naming a duplicate key: both records and the key value, on SQLite and PostgreSQL alike.

#include "db/load_duplicates.hpp"

#include "db/pg_text.hpp"

namespace mfb::rehost::detail {

namespace {

std::string key_columns(const sql_table& main) {
  std::string cols;
  for (std::size_t k : main.primary_key)
    cols += (cols.empty() ? "" : ", ") + quote_ident(main.columns[k].name);
  return "(" + cols + ")";
}

// Records of this load by their position in its input; rows loaded before by record number.
std::string message(const sql_table& main, const std::string& input, std::int64_t base,
                    std::int64_t first, std::int64_t second, const std::string& key) {
  const std::string tail = " have the same key " + key_columns(main) + " = " + key +
                           "; fix the input, or load with --mode upsert";
  if (first > base)
    return input + ": records " + std::to_string(first - base) + " and " +
           std::to_string(second - base) + tail;
  return input + ": record " + std::to_string(second - base) + " and row " +
         std::to_string(first) + " (mfb_record_no) already in table " + main.name + tail;
}

const sql_table* table_named(const dataset& ds, const std::string& name) {
  for (const auto& m : ds.maps())
    for (const auto& t : m.tables())
      if (t.name == name) return &t;
  return nullptr;
}

// concat_ws(', ', "a"::text, ...): a key as PostgreSQL's error detail spells it.
std::string pg_key_text(const sql_table& main) {
  std::string parts;
  for (std::size_t k : main.primary_key)
    parts += ", " + quote_ident(main.columns[k].name) + "::text";
  return "concat_ws(', '" + parts + ")";
}

}  // namespace

duplicate_key_error complete_duplicate(database& db, const dataset& ds,
                                       const duplicate_key_error& e, const std::string& input,
                                       std::int64_t record_base) {
  const sql_table* main = table_named(ds, e.table());
  if (main == nullptr || e.second_record() == 0) return e;
  std::int64_t first = e.first_record();
  if (first == 0 && db.dialect() == sql_dialect::postgresql && e.key().size() >= 2) {
    // The detail shows the key as stored (X'00' as U+2400): the parameter wants the value.
    auto r = db.query("SELECT MIN(" + quote_ident(main->columns[0].name) + ")::text FROM " +
                          quote_ident(main->name) + " WHERE " + pg_key_text(*main) + " = $1",
                      {from_pg_text(e.key().substr(1, e.key().size() - 2))});
    if (!r.rows.empty() && r.rows[0][0]) first = std::stoll(*r.rows[0][0]);
  }
  if (first == 0)  // both in the rolled-back chunk, the first one in an earlier stream
    return duplicate_key_error(input + ": record " + std::to_string(e.second_record() - record_base) +
                                   " has the key " + key_columns(*main) + " = " + e.key() +
                                   " of an earlier record of the same chunk; fix the input, or "
                                   "load with --mode upsert",
                               e.code(), e.table(), e.key(), 0, e.second_record());
  return duplicate_key_error(message(*main, input, record_base, first, e.second_record(), e.key()),
                             e.code(), e.table(), e.key(), first, e.second_record());
}

void throw_duplicate_after_load(database& db, const sql_table& main, const std::string& input,
                                std::int64_t record_base) {
  std::string cols;
  for (std::size_t k : main.primary_key)
    cols += (cols.empty() ? "" : ", ") + quote_ident(main.columns[k].name);
  const std::string no = quote_ident(main.columns[0].name);
  // The first record whose key an earlier one holds, and that earlier one: the pair a
  // load with the key in place would have stopped at (as SQLite's does).
  auto r = db.query("SELECT prev::text, no::text, k FROM (SELECT " + no + " AS no, lag(" + no +
                    ") OVER (PARTITION BY " + cols + " ORDER BY " + no + ") AS prev, '(' || " +
                    pg_key_text(main) + " || ')' AS k FROM " + quote_ident(main.name) +
                    ") pairs WHERE prev IS NOT NULL ORDER BY no LIMIT 1");
  if (r.rows.empty() || !r.rows[0][0] || !r.rows[0][1])
    throw db_error("table " + main.name + ": its keys could not be added");
  const std::int64_t first = std::stoll(*r.rows[0][0]);
  const std::int64_t second = std::stoll(*r.rows[0][1]);
  const std::string key = r.rows[0][2].value_or("?");
  throw duplicate_key_error(message(main, input, record_base, first, second, key), "23505",
                            main.name, key, first, second);
}

}  // namespace mfb::rehost::detail
