// Reading records back from their tables (main rows, then their child rows by record
// number) and writing one record's rows.

#include "mfb/rehost/db/record_store.hpp"

#include <map>

#include "db/database_detail.hpp"
#include "db/load_setup.hpp"
#include "db/pg_text.hpp"
#include "mfb/bridge/codec/record_decoder.hpp"

namespace mfb::rehost {

namespace {

std::string select_list(const sql_table& t) {
  std::string cols;
  for (const auto& c : t.columns) cols += (cols.empty() ? "" : ", ") + quote_ident(c.name);
  return cols;
}

}  // namespace

std::vector<stored_record> read_records(database& db, const dataset& ds, const record_query& q) {
  const table_map& map = ds.maps()[q.type];
  const sql_table& main = map.main();
  std::string sql = "SELECT " + select_list(main) + " FROM " + quote_ident(main.name);
  if (!q.where.empty()) sql += " WHERE " + q.where;
  sql += " ORDER BY " + (q.order_by.empty() ? quote_ident(main.columns[0].name) : q.order_by);
  if (q.limit >= 0) sql += " LIMIT " + std::to_string(q.limit);
  if (q.offset > 0) sql += (q.limit >= 0 || db.dialect() != sql_dialect::sqlite ? "" : " LIMIT -1") + std::string(" OFFSET ") + std::to_string(q.offset);
  auto rows = db.query(sql, q.params);

  std::vector<stored_record> out;
  std::map<std::int64_t, std::size_t> by_no;
  for (auto& r : rows.rows) {
    stored_record rec;
    rec.type = q.type;
    rec.record_no = std::stoll(r[0].value_or("0"));
    rec.cells.assign(map.cell_count(), sql_param{});
    rec.states.assign(map.cell_count(), bridge::cell_state::absent);
    for (std::size_t j = 1; j < main.data_begin; ++j) rec.parent.push_back(std::move(r[j]));
    for (std::size_t j = main.data_begin; j < main.columns.size(); ++j) {
      std::size_t c = main.cells[0][j - main.data_begin];
      rec.cells[c] = std::move(r[j]);
      rec.states[c] = rec.cells[c] ? bridge::cell_state::value : bridge::cell_state::null;
    }
    by_no[rec.record_no] = out.size();
    out.push_back(std::move(rec));
  }
  if (out.empty()) return out;

  for (std::size_t t = 1; t < map.tables().size(); ++t) {
    const sql_table& child = map.tables()[t];
    // Children of this page, a bounded number of record numbers per statement.
    const std::size_t per_query = 500;
    for (std::size_t from = 0; from < out.size(); from += per_query) {
      sql_params params;
      std::string in;
      for (std::size_t k = from; k < std::min(out.size(), from + per_query); ++k) {
        params.push_back(std::to_string(out[k].record_no));
        in += (in.empty() ? "$" : ", $") + std::to_string(params.size());
      }
      auto kids = db.query("SELECT " + select_list(child) + " FROM " + quote_ident(child.name) +
                               " WHERE " + quote_ident(child.columns[0].name) + " IN (" + in + ")",
                           params);
      for (auto& r : kids.rows) {
        auto it = by_no.find(std::stoll(r[0].value_or("0")));
        auto occ = static_cast<std::size_t>(std::stoll(r[1].value_or("0")));
        if (it == by_no.end() || occ == 0 || occ > child.cells.size()) continue;
        stored_record& rec = out[it->second];
        for (std::size_t j = child.data_begin; j < child.columns.size(); ++j) {
          std::size_t c = child.cells[occ - 1][j - child.data_begin];
          rec.cells[c] = std::move(r[j]);
          rec.states[c] = rec.cells[c] ? bridge::cell_state::value : bridge::cell_state::null;
        }
      }
    }
  }
  return out;
}

namespace {

// Decode `bytes` as record type `type` into `row`; an error names every bad field.
std::string decode_one(const dataset& ds, std::size_t type, const std::vector<std::uint8_t>& bytes,
                       bridge::cell_row& row) {
  bridge::record_decoder dec(ds.selector().plans()[type]);
  std::vector<bridge::record_error> errors;
  bridge::record_view view{1, 0, bytes.data(), bytes.size()};
  if (dec.decode_cells(view, "request", row, errors)) return {};
  std::string why;
  for (const auto& e : errors)
    if (!e.in_alternative) why += (why.empty() ? "" : "; ") + e.to_string();
  return why.empty() ? std::string("the record cannot be decoded") : why;
}

std::optional<std::int64_t> existing_record_no(database& db, const sql_table& main,
                                               const std::vector<sql_value>& values) {
  sql_params params;
  std::string where = detail::key_condition(main, values, params);
  auto r = db.query("SELECT " + quote_ident(main.columns[0].name) + " FROM " +
                        quote_ident(main.name) + " WHERE " + where,
                    params);
  if (r.rows.empty() || !r.rows[0][0]) return std::nullopt;
  return std::stoll(*r.rows[0][0]);
}

// PostgreSQL text holds X'00' as U+2400 (pg_text.hpp), so a genuine U+2400 cannot be
// stored exactly: refuse the write, naming the field, before anything is written.
void refuse_unstorable(const dataset& ds, std::size_t type, const sql_table& table,
                       const std::vector<sql_value>& values) {
  for (std::size_t j = table.data_begin; j < values.size(); ++j) {
    const sql_column& c = table.columns[j];
    if (c.kind != sql_kind::text || values[j].null || !detail::has_nul_escape(values[j].text))
      continue;
    const auto& fields = ds.selector().plans()[type].layout().fields;
    const std::string field = c.field >= 0 && static_cast<std::size_t>(c.field) < fields.size()
                                  ? fields[static_cast<std::size_t>(c.field)].path
                                  : c.name;
    throw unstorable_value_error(
        "field " + field + " holds U+2400 (SYMBOL FOR NULL): PostgreSQL text stores X'00' "
        "(low-values) as U+2400, so this value cannot be stored exactly",
        field);
  }
}

std::int64_t next_record_no(database& db, const dataset& ds) {
  // Concurrent writers would both read the same MAX: on PostgreSQL a transaction-scoped
  // advisory lock per dataset makes them take turns (SQLite's BEGIN IMMEDIATE already does).
  if (db.dialect() == sql_dialect::postgresql)
    db.query("SELECT pg_advisory_xact_lock(hashtext($1))", {"mfbridge:" + ds.spec().name});
  return detail::max_record_no(db, ds) + 1;
}

}  // namespace

result<std::int64_t> write_record(database& db, const dataset& ds, std::size_t type,
                                  const std::vector<std::uint8_t>& bytes, bool replace,
                                  std::int64_t record_no, const std::vector<std::string>* parent) {
  bridge::cell_row row;
  if (auto why = decode_one(ds, type, bytes, row); !why.empty()) return error{why};
  const table_map& map = ds.maps()[type];
  const sql_table& main = map.main();
  if (db.dialect() == sql_dialect::postgresql)
    map.split(row, 0, [&](std::size_t t, const std::vector<sql_value>& values) {
      refuse_unstorable(ds, type, map.tables()[t], values);
    });
  bool keyed = main.primary_key != std::vector<std::size_t>{0};
  if (replace && keyed) {
    // A replaced row keeps its place (record number) in the dataset.
    std::vector<sql_value> probe;
    map.split(row, 0, [&](std::size_t t, const std::vector<sql_value>& values) {
      if (t == 0) probe = values;
    });
    std::vector<std::string> hold;  // split's values point into reused buffers: copy them
    for (const auto& v : probe) hold.emplace_back(v.text);
    for (std::size_t i = 0; i < probe.size(); ++i) probe[i].text = hold[i];
    if (auto old = existing_record_no(db, main, probe)) {
      if (record_no < 0) record_no = *old;
      detail::delete_by_key(db, main, probe);
    }
  }
  if (record_no < 0) record_no = next_record_no(db, ds);
  map.split(row, record_no, [&](std::size_t t, const std::vector<sql_value>& values) {
    sql_params params;
    for (const auto& v : values) params.push_back(v.null ? sql_param{} : sql_param{std::string(v.text)});
    db.query(detail::insert_sql(map.tables()[t]), params);
  }, parent);
  return record_no;
}

// Like write_record, this splits the row through the table map's buffers: callers run it
// under the same lock as their writes to the dataset (rehost's write mutex).
result<std::vector<std::string>> stored_key(const dataset& ds, std::size_t type,
                                            const std::vector<std::uint8_t>& bytes) {
  bridge::cell_row row;
  if (auto why = decode_one(ds, type, bytes, row); !why.empty()) return error{why};
  const table_map& map = ds.maps()[type];
  std::vector<std::string> key;
  map.split(row, 0, [&](std::size_t t, const std::vector<sql_value>& values) {
    if (t != 0) return;
    for (std::size_t k : map.main().primary_key) key.emplace_back(values[k].text);
  });
  return key;
}

result<bool> delete_record(database& db, const dataset& ds, std::size_t type,
                           const std::vector<std::uint8_t>& bytes, std::int64_t* deleted_no) {
  bridge::cell_row row;
  if (auto why = decode_one(ds, type, bytes, row); !why.empty()) return error{why};
  const table_map& map = ds.maps()[type];
  bool found = false;
  map.split(row, 0, [&](std::size_t t, const std::vector<sql_value>& values) {
    if (t != 0) return;
    sql_params params;
    std::string where = detail::key_condition(map.main(), values, params);
    auto gone = db.query("DELETE FROM " + quote_ident(map.main().name) + " WHERE " + where +
                             " RETURNING " + quote_ident(map.main().columns[0].name),
                         params);
    found = !gone.rows.empty();
    if (found && deleted_no) *deleted_no = std::stoll(gone.rows[0][0].value_or("0"));
  });
  return found;
}

result<bool> count_record(const dataset& ds, std::size_t type,
                          const std::vector<std::uint8_t>& bytes, std::int64_t record_no,
                          control_totals& totals, bool remove) {
  bridge::cell_row row;
  if (auto why = decode_one(ds, type, bytes, row); !why.empty()) return error{why};
  bool ok = true;
  ds.maps()[type].split(row, record_no, [&](std::size_t t, const std::vector<sql_value>& values) {
    ok &= remove ? totals.remove_row(type, t, values) : totals.add_row(type, t, values);
  });
  if (!ok) return error{"record " + std::to_string(record_no) + ": a numeric value does not parse"};
  return true;
}

}  // namespace mfb::rehost
