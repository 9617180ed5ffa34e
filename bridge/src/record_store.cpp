// Reading records back from their tables (main rows, then their child rows by record
// number) and writing one record's rows.

#include "mfb/bridge/record_store.hpp"

#include <map>

#include "database_detail.hpp"
#include "load_setup.hpp"
#include "mfb/bridge/record_decoder.hpp"

namespace mfb::bridge {

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
  auto rows = db.query(sql, q.params);

  std::vector<stored_record> out;
  std::map<std::int64_t, std::size_t> by_no;
  for (auto& r : rows.rows) {
    stored_record rec;
    rec.type = q.type;
    rec.record_no = std::stoll(r[0].value_or("0"));
    rec.cells.assign(map.cell_count(), sql_param{});
    rec.states.assign(map.cell_count(), cell_state::absent);
    for (std::size_t j = main.data_begin; j < main.columns.size(); ++j) {
      std::size_t c = main.cells[0][j - main.data_begin];
      rec.cells[c] = std::move(r[j]);
      rec.states[c] = rec.cells[c] ? cell_state::value : cell_state::null;
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
          rec.states[c] = rec.cells[c] ? cell_state::value : cell_state::null;
        }
      }
    }
  }
  return out;
}

result<std::int64_t> write_record(database& db, const dataset& ds, std::size_t type,
                                  const std::vector<std::uint8_t>& bytes, bool replace,
                                  std::int64_t record_no) {
  const decode_plan& plan = ds.selector().plans()[type];
  record_decoder dec(plan);
  cell_row row;
  std::vector<record_error> errors;
  record_view view{1, 0, bytes.data(), bytes.size()};
  if (!dec.decode_cells(view, "request", row, errors)) {
    std::string why;
    for (const auto& e : errors)
      if (!e.in_alternative) why += (why.empty() ? "" : "; ") + e.to_string();
    return error{why};
  }
  if (record_no < 0) {
    std::int64_t top = 0;
    for (const auto& m : ds.maps()) {
      auto r = db.query("SELECT MAX(" + quote_ident(m.main().columns[0].name) + ") FROM " +
                        quote_ident(m.main().name));
      if (!r.rows.empty() && r.rows[0][0]) top = std::max<std::int64_t>(top, std::stoll(*r.rows[0][0]));
    }
    record_no = top + 1;
  }
  const table_map& map = ds.maps()[type];
  bool first = true;
  map.split(row, record_no, [&](std::size_t t, const std::vector<sql_value>& values) {
    const sql_table& table = map.tables()[t];
    if (first && replace) detail::delete_by_key(db, table, values);
    first = false;
    sql_params params;
    for (const auto& v : values) params.push_back(v.null ? sql_param{} : sql_param{std::string(v.text)});
    db.query(detail::insert_sql(table), params);
  });
  return record_no;
}

}  // namespace mfb::bridge
