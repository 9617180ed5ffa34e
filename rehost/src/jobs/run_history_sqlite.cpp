// Run history in SQLite through the C API (the embedded default target, and the state
// folder's history.sqlite when a job has no target). The job's own loads may write to the
// same file, so every statement waits for a busy database instead of failing at once.

#include <sqlite3.h>
#include <unistd.h>

#include "mfb/rehost/jobs/run_history.hpp"

namespace mfb::rehost {

namespace {

constexpr const char* schema = R"(
CREATE TABLE IF NOT EXISTS mfbridge_runs (
  run_id INTEGER PRIMARY KEY AUTOINCREMENT,
  job TEXT NOT NULL, job_file TEXT, started_at TEXT NOT NULL, ended_at TEXT,
  status TEXT NOT NULL, exit_code INTEGER, resumed_from INTEGER, variables TEXT,
  host TEXT, pid INTEGER);
CREATE TABLE IF NOT EXISTS mfbridge_run_steps (
  run_id INTEGER NOT NULL REFERENCES mfbridge_runs(run_id), step_index INTEGER NOT NULL,
  name TEXT NOT NULL, kind TEXT NOT NULL, status TEXT NOT NULL, exit_code INTEGER,
  started_at TEXT, ended_at TEXT, seconds REAL, completed_in INTEGER, command TEXT,
  summary TEXT, message TEXT, PRIMARY KEY (run_id, step_index));
)";

class statement {
 public:
  statement(sqlite3* db, const char* sql) { rc_ = sqlite3_prepare_v2(db, sql, -1, &st_, nullptr); }
  ~statement() { sqlite3_finalize(st_); }
  statement(const statement&) = delete;
  statement& operator=(const statement&) = delete;
  bool ok() const { return rc_ == SQLITE_OK; }
  void text(int i, const std::string& s) {
    sqlite3_bind_text(st_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
  }
  void integer(int i, std::int64_t v) { sqlite3_bind_int64(st_, i, v); }
  void real(int i, double v) { sqlite3_bind_double(st_, i, v); }
  void null(int i) { sqlite3_bind_null(st_, i); }
  int step() { return sqlite3_step(st_); }
  std::string col_text(int i) {
    const unsigned char* p = sqlite3_column_text(st_, i);
    return p ? reinterpret_cast<const char*>(p) : "";
  }
  bool col_null(int i) { return sqlite3_column_type(st_, i) == SQLITE_NULL; }
  std::int64_t col_int(int i) { return sqlite3_column_int64(st_, i); }
  double col_real(int i) { return sqlite3_column_double(st_, i); }

 private:
  sqlite3_stmt* st_ = nullptr;
  int rc_ = SQLITE_ERROR;
};

class sqlite_history final : public run_history {
 public:
  sqlite_history(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  ~sqlite_history() override { sqlite3_close(db_); }
  sqlite_history(const sqlite_history&) = delete;
  sqlite_history& operator=(const sqlite_history&) = delete;

  mfb::result<std::int64_t> begin_run(const run_record& r) override {
    statement st(db_,
                 "INSERT INTO mfbridge_runs (job, job_file, started_at, status, exit_code, "
                 "resumed_from, variables, host, pid) VALUES (?,?,?,?,?,?,?,?,?)");
    if (!st.ok()) return fail();
    st.text(1, r.job);
    st.text(2, r.job_file);
    st.text(3, r.started_at);
    st.text(4, r.status);
    st.integer(5, r.exit_code);
    if (r.resumed_from)
      st.integer(6, *r.resumed_from);
    else
      st.null(6);
    st.text(7, r.variables);
    st.text(8, r.host);
    st.integer(9, r.pid);
    if (st.step() != SQLITE_DONE) return fail();
    return static_cast<std::int64_t>(sqlite3_last_insert_rowid(db_));
  }

  mfb::result<bool> end_run(const run_record& r) override {
    statement st(
        db_, "UPDATE mfbridge_runs SET ended_at = ?, status = ?, exit_code = ? WHERE run_id = ?");
    if (!st.ok()) return fail();
    st.text(1, r.ended_at);
    st.text(2, r.status);
    st.integer(3, r.exit_code);
    st.integer(4, r.id);
    if (st.step() != SQLITE_DONE) return fail();
    return true;
  }

  mfb::result<bool> save_step(const step_record& s) override {
    statement st(db_,
                 "INSERT OR REPLACE INTO mfbridge_run_steps (run_id, step_index, name, kind, "
                 "status, exit_code, started_at, ended_at, seconds, completed_in, command, "
                 "summary, message) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
    if (!st.ok()) return fail();
    st.integer(1, s.run_id);
    st.integer(2, s.index);
    st.text(3, s.name);
    st.text(4, s.kind);
    st.text(5, s.status);
    if (s.exit_code)
      st.integer(6, *s.exit_code);
    else
      st.null(6);
    st.text(7, s.started_at);
    st.text(8, s.ended_at);
    st.real(9, s.seconds);
    if (s.completed_in)
      st.integer(10, *s.completed_in);
    else
      st.null(10);
    st.text(11, s.command);
    st.text(12, s.summary);
    st.text(13, s.message);
    if (st.step() != SQLITE_DONE) return fail();
    return true;
  }

  mfb::result<std::vector<run_record>> runs(const std::string& job, int limit) override {
    statement st(db_,
                 "SELECT run_id, job, job_file, started_at, ended_at, status, exit_code, "
                 "resumed_from, variables, host, pid FROM mfbridge_runs "
                 "WHERE (?1 = '' OR job = ?1) ORDER BY run_id DESC LIMIT ?2");
    if (!st.ok()) return fail();
    st.text(1, job);
    st.integer(2, limit);
    std::vector<run_record> out;
    int rc;
    while ((rc = st.step()) == SQLITE_ROW) {
      run_record r;
      r.id = st.col_int(0);
      r.job = st.col_text(1);
      r.job_file = st.col_text(2);
      r.started_at = st.col_text(3);
      r.ended_at = st.col_text(4);
      r.status = st.col_text(5);
      r.exit_code = static_cast<int>(st.col_int(6));
      if (!st.col_null(7)) r.resumed_from = st.col_int(7);
      r.variables = st.col_text(8);
      r.host = st.col_text(9);
      r.pid = static_cast<int>(st.col_int(10));
      out.push_back(std::move(r));
    }
    if (rc != SQLITE_DONE) return fail();
    return out;
  }

  mfb::result<std::vector<step_record>> steps(std::int64_t run_id) override {
    statement st(db_,
                 "SELECT step_index, name, kind, status, exit_code, started_at, ended_at, "
                 "seconds, completed_in, command, summary, message FROM mfbridge_run_steps "
                 "WHERE run_id = ? ORDER BY step_index");
    if (!st.ok()) return fail();
    st.integer(1, run_id);
    std::vector<step_record> out;
    int rc;
    while ((rc = st.step()) == SQLITE_ROW) {
      step_record s;
      s.run_id = run_id;
      s.index = static_cast<int>(st.col_int(0));
      s.name = st.col_text(1);
      s.kind = st.col_text(2);
      s.status = st.col_text(3);
      if (!st.col_null(4)) s.exit_code = static_cast<int>(st.col_int(4));
      s.started_at = st.col_text(5);
      s.ended_at = st.col_text(6);
      s.seconds = st.col_real(7);
      if (!st.col_null(8)) s.completed_in = st.col_int(8);
      s.command = st.col_text(9);
      s.summary = st.col_text(10);
      s.message = st.col_text(11);
      out.push_back(std::move(s));
    }
    if (rc != SQLITE_DONE) return fail();
    return out;
  }

 private:
  mfb::error fail() const { return mfb::error{path_ + ": run history: " + sqlite3_errmsg(db_)}; }

  sqlite3* db_;
  std::string path_;
};

}  // namespace

mfb::result<std::unique_ptr<run_history>> open_sqlite_run_history(const std::string& path,
                                                                  bool create) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db,
                           SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0), nullptr);
  if (rc != SQLITE_OK) {
    if (!create && rc == SQLITE_CANTOPEN && access(path.c_str(), F_OK) != 0) {
      sqlite3_close(db);
      return mfb::error{"no such database file: " + path};
    }
    std::string why = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return mfb::error{path + ": cannot open the run history: " + why};
  }
  auto h = std::make_unique<sqlite_history>(db, path);
  sqlite3_busy_timeout(db, 30000);
  char* msg = nullptr;
  if (sqlite3_exec(db, schema, nullptr, nullptr, &msg) != SQLITE_OK) {
    std::string why = msg ? msg : "unknown error";
    sqlite3_free(msg);
    return mfb::error{path + ": cannot create the run history tables: " + why};
  }
  return std::unique_ptr<run_history>(std::move(h));
}

mfb::result<std::unique_ptr<run_history>> open_run_history(const std::string& location,
                                                           bool create) {
  if (location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0)
    return open_pg_run_history(location);
  if (location.rfind("sqlite:", 0) == 0) return open_sqlite_run_history(location.substr(7), create);
  return open_sqlite_run_history(location, create);
}

}  // namespace mfb::rehost
