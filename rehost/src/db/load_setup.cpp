// Fresh start or resume. A resume needs an unfinished checkpoint of the same job for the
// same dataset and an unchanged input; then the tables are left as the last committed chunk
// left them and reading skips the records that chunk covered.

#include "db/load_setup.hpp"

#include <algorithm>
#include <filesystem>

#include "db/load_duplicates.hpp"

namespace mfb::rehost::detail {

const char* mode_name(load_mode m) {
  switch (m) {
    case load_mode::create: return "create";
    case load_mode::replace: return "replace";
    case load_mode::append: return "append";
    case load_mode::upsert: return "upsert";
  }
  return "?";
}

namespace {
// The input and reject file as absolute paths, for the web inspector (a server started in
// another folder must find them).
void note_sources(checkpoint& row, const load_options& opts) {
  auto absolute = [](const std::string& path) {
    std::error_code ec;
    auto p = std::filesystem::absolute(path, ec);
    return ec ? path : p.lexically_normal().string();
  };
  row.input = opts.input == "-" ? std::string{} : absolute(opts.input);
  row.reject_file = opts.on_error == bridge::error_policy::reject && !opts.reject_file.empty()
                        ? absolute(opts.reject_file) : std::string{};
}
}  // namespace

std::int64_t max_record_no(database& db, const dataset& ds) {
  std::int64_t top = 0;
  for (const auto& m : ds.maps()) {
    const sql_table& t = m.main();
    if (!db.table_exists(t.name)) continue;
    auto r = db.query("SELECT MAX(" + quote_ident(t.columns[0].name) + ") FROM " +
                      quote_ident(t.name));
    if (!r.rows.empty() && r.rows[0][0]) top = std::max<std::int64_t>(top, std::stoll(*r.rows[0][0]));
  }
  return top;
}

std::string key_condition(const sql_table& main, const std::vector<sql_value>& row,
                          sql_params& params) {
  std::string where;
  for (std::size_t k : main.primary_key) {
    params.push_back(std::string(row[k].text));
    where += (where.empty() ? "" : " AND ") + quote_ident(main.columns[k].name) + " = $" +
             std::to_string(params.size());
  }
  return where;
}

namespace {

/// Splits of one load may start at the same moment (Dask workers, array jobs). On
/// PostgreSQL their setup (checkpoint table, tables, catalog) runs one at a time under a
/// session advisory lock on the dataset, and commits before the lock goes, so the next
/// split finds the tables made. (SQLite has one writer: run its splits one at a time.)
class split_setup_lock {
 public:
  split_setup_lock(database& db, const load_options& opts) : db_(db), key_("mfbridge load " + opts.spec.name) {
    held_ = opts.split && db.dialect() == sql_dialect::postgresql;
    if (held_) db_.query("SELECT pg_advisory_lock(hashtext($1))", {key_});
  }
  ~split_setup_lock() {
    if (!held_) return;
    try {
      db_.query("SELECT pg_advisory_unlock(hashtext($1))", {key_});
    } catch (const db_error&) {  // the session is gone, and its lock with it
    }
  }
  split_setup_lock(const split_setup_lock&) = delete;
  split_setup_lock& operator=(const split_setup_lock&) = delete;

 private:
  database& db_;
  std::string key_;
  bool held_ = false;
};

}  // namespace

std::string prepare_load(database& db, const dataset& ds, const load_options& opts,
                         load_plan& plan, bridge::reporter& rep) {
  const std::string job = opts.job.empty() ? opts.spec.name : opts.job;
  split_setup_lock lock(db, opts);
  const std::string fingerprint = input_fingerprint(opts.input);
  upgrade_checkpoint_table(db);
  plan.committed_totals = control_totals(ds.maps());
  plan.baseline = control_totals(ds.maps());

  auto previous = read_checkpoint(db, job);
  if (opts.split && previous && previous->status == split_done_status) {
    // A split that finished loads nothing again: its rows are committed already.
    plan.split_done = true;
    plan.row = *previous;
    return {};
  }
  if (previous && previous->status == "running" && !opts.restart) {
    if (previous->dataset != opts.spec.name) {
      plan.usage_error = true;
      return "job " + job + " has an unfinished load of dataset " + previous->dataset +
             "; use another --job, or --restart";
    }
    if (previous->fingerprint != fingerprint && !opts.allow_changed_input) {
      plan.usage_error = true;
      return "the input changed since the interrupted load of job " + job + " (was " +
             previous->fingerprint + ", now " + fingerprint +
             "); use --allow-changed-input to resume anyway, or --restart";
    }
    auto committed = control_totals::from_json(previous->source_totals);
    if (!committed) return committed.err().message;
    plan.committed_totals.add(*committed);
    plan.row = *previous;
    plan.row.fingerprint = fingerprint;
    note_sources(plan.row, opts);
    plan.skip = previous->records;
    rep.message(bridge::severity::info,
                "resuming job " + job + " after record " + std::to_string(plan.skip));
    return {};
  }

  // A fresh start: tables, catalog and checkpoint commit together with the first chunk, so
  // a load refused before it stores a row (bad framing at record 1, say) leaves nothing
  // behind, not even the tables a --mode replace dropped; the corrected re-run starts afresh.
  bool exists = false;
  for (const auto& m : ds.maps())
    for (const auto& t : m.tables()) exists |= db.table_exists(t.name);
  // The other splits of the same job made the tables: they are this load's own.
  const bool sibling_split =
      opts.split && db.table_exists("mfbridge_checkpoints") &&
      !db.query("SELECT 1 FROM mfbridge_checkpoints WHERE job LIKE $1 AND dataset = $2",
                {job.substr(0, job.rfind("/split-")) + "/split-%-of-" + std::to_string(opts.split->count),
                 opts.spec.name})
           .rows.empty();
  if (exists && opts.mode == load_mode::create && !opts.restart && !sibling_split) {
    plan.usage_error = true;
    return "the tables of dataset " + opts.spec.name +
           " exist already; use --mode replace, append or upsert";
  }
  if (opts.mode == load_mode::append) plan.baseline = control_totals::from_target(db, ds.maps());
  std::int64_t base = opts.mode == load_mode::append || opts.mode == load_mode::upsert
                          ? max_record_no(db, ds)
                          : 0;
  db.begin();
  try {
    db.execute(checkpoint_sql());
    if (opts.mode == load_mode::replace || opts.restart) {
      const bool pg = db.dialect() == sql_dialect::postgresql;
      for (const auto& m : ds.maps())
        for (auto t = m.tables().rbegin(); t != m.tables().rend(); ++t)
          db.execute("DROP TABLE IF EXISTS " + quote_ident(t->name) + (pg ? " CASCADE" : ""));
    }
    // PostgreSQL: new tables get their keys and foreign keys when the load is done
    // (finish_load).
    const bool pg = db.dialect() == sql_dialect::postgresql;
    // One round trip for all of it: a wide table has a COMMENT ON per column.
    std::string ddl;
    for (const auto& m : ds.maps())
      if (!db.table_exists(m.main().name))
        for (const auto& stmt : create_table_sql(m, db.dialect(), pg)) ddl += stmt + ";\n";
    if (!ddl.empty()) db.execute(ddl);
    save_dataset(db, opts.spec);
    plan.row = checkpoint{job, opts.spec.name, fingerprint, 0, base, "running",
                                 plan.committed_totals.to_json(), {}, mode_name(opts.mode)};
    note_sources(plan.row, opts);
    write_checkpoint(db, plan.row);
    if (opts.split) db.commit();  // before the lock goes: the other splits see the tables
  } catch (...) {
    db.rollback();
    throw;
  }
  plan.open_transaction = !opts.split;
  return {};
}

void finish_split(database& db, load_plan& plan, const control_totals& source,
                  const load_summary& summary) {
  checkpoint done = plan.row;
  done.status = split_done_status;
  done.records = summary.records_read;
  done.source_totals = source.to_json();
  db.begin();
  try {
    write_checkpoint(db, done);
    db.commit();
  } catch (...) {
    db.rollback();
    throw;
  }
}

void finish_load(database& db, const dataset& ds, const load_options& opts, load_plan& plan,
                 const control_totals& source, load_summary& summary) {
  control_totals expected(ds.maps());
  expected.add(plan.baseline);
  expected.add(source);
  checkpoint done = plan.row;
  done.status = "done";
  done.records = summary.records_read;
  done.source_totals = source.to_json();
  done.expected_totals = opts.mode == load_mode::upsert ? std::string{} : expected.to_json();
  if (db.dialect() == sql_dialect::sqlite) {
    // The load ran with foreign keys off (see run_load): check every row once, now.
    db.execute("PRAGMA foreign_keys=ON");
    auto bad = db.query("PRAGMA foreign_key_check");
    // foreign_key_check's rows: table, rowid, parent table, constraint index.
    if (!bad.rows.empty())
      throw foreign_key_error(std::to_string(bad.rows.size()) + " rows of table " +
                                  bad.rows[0][0].value_or("?") + " reference a missing parent row",
                              "23503", bad.rows[0][0].value_or(""));
  }
  db.begin();
  try {
    if (db.dialect() == sql_dialect::postgresql) {
      // Idempotent: a resumed load, or an append to tables an earlier load made, finds
      // some or all of them in place.
      // A table has one primary key, whatever its name (tables made by older versions).
      auto add_missing = [&](const std::vector<constraint_sql>& all) {
        for (const auto& c : all)
          if (db.query("SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass($1) AND "
                       "(conname = $2 OR (contype = 'p' AND $3 = 'p'))",
                       {quote_ident(c.table), c.name, std::string(1, c.type)})
                  .rows.empty())
            db.execute(c.sql);
      };
      for (const auto& m : ds.maps()) {
        try {
          add_missing(key_constraint_sql(m));
        } catch (const duplicate_key_error&) {  // SQLSTATE 23505: rows share a key
          db.rollback();
          throw_duplicate_after_load(db, m.main(), opts.input, plan.row.record_base);
        }
      }
      for (const auto& m : ds.maps()) add_missing(foreign_key_sql(m));
    }
    // Secondary indexes are built once over the loaded rows, not maintained row by row.
    for (const auto& m : ds.maps())
      for (const auto& stmt : create_index_sql(m)) db.execute(stmt);
    // Fresh statistics, so the planner knows the tables' size and keys' spread: without them
    // PostgreSQL's generic plans for the REST lookups may scan a whole table.
    for (const auto& m : ds.maps())
      for (const auto& t : m.tables()) db.execute("ANALYZE " + quote_ident(t.name));
    write_checkpoint(db, done);
    db.commit();
  } catch (...) {
    db.rollback();
    throw;
  }
  if (opts.mode == load_mode::upsert) return;
  compare_totals(expected, control_totals::from_target(db, ds.maps()), summary.recon);
}

void delete_by_key(database& db, const sql_table& table, const std::vector<sql_value>& row) {
  sql_params params;
  std::string where = key_condition(table, row, params);
  db.query("DELETE FROM " + quote_ident(table.name) + " WHERE " + where, params);
}

}  // namespace mfb::rehost::detail
