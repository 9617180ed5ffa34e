// Run history through the one database interface (db/database.hpp), on SQLite or
// PostgreSQL alike. The tables are those earlier versions made, column for column: on
// PostgreSQL times are timestamptz and the JSON columns jsonb (operators query control
// totals in SQL), on SQLite both are TEXT. What differs between the two is said once, in
// history_sql; every statement is written once.

#include <charconv>
#include <cstring>
#include <filesystem>

#include "mfb/rehost/db/database.hpp"
#include "mfb/rehost/jobs/run_history.hpp"

namespace mfb::rehost {

namespace {

// The SQLite history's schema text, kept to the byte (sqlite_master stores it), with the
// column types PostgreSQL spells otherwise as {placeholders}.
constexpr std::string_view schema_template = R"(
CREATE TABLE IF NOT EXISTS mfbridge_runs (
  run_id {id},
  job TEXT NOT NULL, job_file TEXT, started_at {time} NOT NULL, ended_at {time},
  status TEXT NOT NULL, exit_code INTEGER, resumed_from {bigint}, variables {json},
  host TEXT, pid INTEGER);
CREATE TABLE IF NOT EXISTS mfbridge_run_steps (
  run_id {bigint} NOT NULL REFERENCES mfbridge_runs(run_id), step_index INTEGER NOT NULL,
  name TEXT NOT NULL, kind TEXT NOT NULL, status TEXT NOT NULL, exit_code INTEGER,
  started_at {time}, ended_at {time}, seconds {real}, completed_in {bigint}, command {json},
  summary {json}, message TEXT, PRIMARY KEY (run_id, step_index));
)";

constexpr const char* step_columns =
    "run_id, step_index, name, kind, status, exit_code, started_at, ended_at, seconds, "
    "completed_in, command, summary, message";

// The differences between the two targets, and nothing else.
struct history_sql {
  bool pg;

  std::string schema() const {
    std::string s(schema_template);
    const std::pair<const char*, const char*> types[] = {
        {"{id}", pg ? "BIGSERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT"},
        {"{time}", pg ? "TIMESTAMPTZ" : "TEXT"},
        {"{bigint}", pg ? "BIGINT" : "INTEGER"},
        {"{json}", pg ? "JSONB" : "TEXT"},
        {"{real}", pg ? "DOUBLE PRECISION" : "REAL"}};
    for (const auto& [from, to] : types)
      for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at))
        s.replace(at, std::strlen(from), to);
    return s;
  }
  // A time as ISO 8601 UTC with milliseconds: SQLite stores that text as given.
  std::string iso(const char* column) const {
    if (!pg) return column;
    return std::string("to_char(") + column +
           " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')";
  }
  // A double parameter, stored exactly (mfb_real: see sqlite_functions.cpp).
  std::string real(const char* param) const { return pg ? param : std::string("mfb_real(") + param + ")"; }
  // A value for a time or JSON column: PostgreSQL's types have no empty value, so ""
  // is NULL there; SQLite keeps the text as given.
  sql_param typed(const std::string& text) const {
    if (pg && text.empty()) return std::nullopt;
    return text;
  }
  // Insert a step or replace the row of the same run and index.
  std::string save_step() const {
    std::string values = "$1, $2, $3, $4, $5, $6, $7, $8, " + real("$9") + ", $10, $11, $12, $13";
    if (!pg)
      return std::string("INSERT OR REPLACE INTO mfbridge_run_steps (") + step_columns +
             ") VALUES (" + values + ")";
    std::string update;
    for (const char* c : {"name", "kind", "status", "exit_code", "started_at", "ended_at",
                          "seconds", "completed_in", "command", "summary", "message"})
      update += std::string(update.empty() ? "" : ", ") + c + " = EXCLUDED." + c;
    return std::string("INSERT INTO mfbridge_run_steps (") + step_columns + ") VALUES (" +
           values + ") ON CONFLICT (run_id, step_index) DO UPDATE SET " + update;
  }
};

sql_param number(const std::optional<std::int64_t>& v) {
  return v ? sql_param{std::to_string(*v)} : std::nullopt;
}
sql_param number(const std::optional<int>& v) {
  return v ? sql_param{std::to_string(*v)} : std::nullopt;
}
std::string real_text(double v) {
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, v);  // shortest text that reads back exactly
  return std::string(buf, r.ptr);
}

// A column's text; NULL as "".
std::string text(const sql_param& v) { return v.value_or(""); }
std::optional<std::int64_t> optional_int(const sql_param& v) {
  if (!v || v->empty()) return std::nullopt;
  return std::stoll(*v);
}
double real_of(const sql_param& v) {
  double d = 0;
  if (v) std::from_chars(v->data(), v->data() + v->size(), d);
  return d;
}

run_record run_of(const std::vector<sql_param>& row) {
  run_record r;
  r.id = std::stoll(text(row[0]));
  r.job = text(row[1]);
  r.job_file = text(row[2]);
  r.started_at = text(row[3]);
  r.ended_at = text(row[4]);
  r.status = text(row[5]);
  r.exit_code = static_cast<int>(optional_int(row[6]).value_or(0));
  r.resumed_from = optional_int(row[7]);
  r.variables = text(row[8]);
  r.host = text(row[9]);
  r.pid = static_cast<int>(optional_int(row[10]).value_or(0));
  return r;
}

step_record step_of(std::int64_t run_id, const std::vector<sql_param>& row) {
  step_record s;
  s.run_id = run_id;
  s.index = static_cast<int>(optional_int(row[0]).value_or(0));
  s.name = text(row[1]);
  s.kind = text(row[2]);
  s.status = text(row[3]);
  if (auto code = optional_int(row[4])) s.exit_code = static_cast<int>(*code);
  s.started_at = text(row[5]);
  s.ended_at = text(row[6]);
  s.seconds = real_of(row[7]);
  s.completed_in = optional_int(row[8]);
  s.command = text(row[9]);
  s.summary = text(row[10]);
  s.message = text(row[11]);
  return s;
}

class db_history final : public run_history {
 public:
  db_history(std::unique_ptr<database> db, std::string where)
      : db_(std::move(db)), sql_{db_->dialect() == sql_dialect::postgresql}, where_(std::move(where)) {}

  mfb::result<std::int64_t> begin_run(const run_record& r) override {
    return guard<std::int64_t>([&] {
      auto rows = db_->query(
          "INSERT INTO mfbridge_runs (job, job_file, started_at, status, exit_code, resumed_from, "
          "variables, host, pid) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING run_id",
          {r.job, r.job_file, sql_.typed(r.started_at), r.status, std::to_string(r.exit_code),
           number(r.resumed_from), sql_.typed(r.variables), r.host, std::to_string(r.pid)});
      return std::stoll(text(rows.rows.at(0).at(0)));
    });
  }

  mfb::result<bool> end_run(const run_record& r) override {
    return guard<bool>([&] {
      db_->query("UPDATE mfbridge_runs SET ended_at = $1, status = $2, exit_code = $3 "
                 "WHERE run_id = $4",
                 {sql_.typed(r.ended_at), r.status, std::to_string(r.exit_code), std::to_string(r.id)});
      return true;
    });
  }

  mfb::result<bool> save_step(const step_record& s) override {
    return guard<bool>([&] {
      db_->query(sql_.save_step(),
                 {std::to_string(s.run_id), std::to_string(s.index), s.name, s.kind, s.status,
                  number(s.exit_code), sql_.typed(s.started_at), sql_.typed(s.ended_at),
                  real_text(s.seconds), number(s.completed_in), sql_.typed(s.command),
                  sql_.typed(s.summary), s.message});
      return true;
    });
  }

  mfb::result<std::vector<run_record>> runs(const std::string& job, int limit) override {
    return guard<std::vector<run_record>>([&] {
      auto rows = db_->query("SELECT run_id, job, job_file, " + sql_.iso("started_at") + ", " +
                                 sql_.iso("ended_at") +
                                 ", status, exit_code, resumed_from, variables, host, pid "
                                 "FROM mfbridge_runs WHERE ($1 = '' OR job = $1) "
                                 "ORDER BY run_id DESC LIMIT $2",
                             {job, std::to_string(limit)});
      std::vector<run_record> out;
      for (const auto& row : rows.rows) out.push_back(run_of(row));
      return out;
    });
  }

  mfb::result<std::vector<step_record>> steps(std::int64_t run_id) override {
    return guard<std::vector<step_record>>([&] {
      auto rows = db_->query("SELECT step_index, name, kind, status, exit_code, " +
                                 sql_.iso("started_at") + ", " + sql_.iso("ended_at") +
                                 ", seconds, completed_in, command, summary, message "
                                 "FROM mfbridge_run_steps WHERE run_id = $1 ORDER BY step_index",
                             {std::to_string(run_id)});
      std::vector<step_record> out;
      for (const auto& row : rows.rows) out.push_back(step_of(run_id, row));
      return out;
    });
  }

  // Two jobs creating the tables at once would race on CREATE TABLE IF NOT EXISTS.
  void create_tables() {
    // The job's own loads may write to the same SQLite file: every statement waits for a
    // busy database (30 s, as long as the history always has) instead of failing at once.
    if (!sql_.pg) db_->execute("PRAGMA busy_timeout = 30000");
    db_->begin();
    try {
      if (sql_.pg) db_->query("SELECT pg_advisory_xact_lock(7170831)");
      db_->execute(sql_.schema());
      db_->commit();
    } catch (...) {
      db_->rollback();
      throw;
    }
  }

 private:
  template <typename T, typename F>
  mfb::result<T> guard(F&& f) {
    try {
      return f();
    } catch (const std::exception& e) {
      return mfb::error{failure(e)};
    }
  }
  std::string failure(const std::exception& e) const {
    const auto* db = dynamic_cast<const db_error*>(&e);
    if (!sql_.pg) return where_ + ": run history: " + e.what();
    if (db != nullptr && !db->code().empty())
      return "run history (PostgreSQL, SQLSTATE " + db->code() + "): " + e.what();
    return std::string("run history (PostgreSQL): ") + e.what();
  }

  std::unique_ptr<database> db_;
  history_sql sql_;
  std::string where_;  // the SQLite file, for messages
};

mfb::result<std::unique_ptr<run_history>> open_history(const std::string& target,
                                                       const std::string& file, bool create) {
  const bool pg = file.empty();
  std::unique_ptr<db_history> history;
  try {
    history = std::make_unique<db_history>(
        database::open(target, create ? open_mode::create : open_mode::existing), file);
  } catch (const std::exception& e) {
    if (pg) return mfb::error{std::string("cannot open the run history in PostgreSQL: ") + e.what()};
    return mfb::error{file + ": cannot open the run history: " + e.what()};
  }
  try {
    history->create_tables();
  } catch (const std::exception& e) {
    if (pg) return mfb::error{std::string("cannot open the run history in PostgreSQL: ") + e.what()};
    return mfb::error{file + ": cannot create the run history tables: " + e.what()};
  }
  return std::unique_ptr<run_history>(std::move(history));
}

}  // namespace

mfb::result<std::unique_ptr<run_history>> open_run_history(const std::string& location,
                                                           bool create) {
  if (location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0)
    return open_history(location, {}, false);
  const std::string file = location.rfind("sqlite:", 0) == 0 ? location.substr(7) : location;
  // A reader (`mfbridge runs`) opens no new file, and says so in the words it always has.
  std::error_code ec;
  if (!create && !std::filesystem::exists(file, ec)) return mfb::error{"no such database file: " + file};
  return open_history("sqlite:" + file, file, create);
}

}  // namespace mfb::rehost
