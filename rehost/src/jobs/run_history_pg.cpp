// Run history in PostgreSQL through libpqxx 6.4 (the only run-history file that includes
// pqxx). Times are timestamptz and the JSON columns jsonb, so operators can query control
// totals in SQL; empty strings stand for NULL in parameters (NULLIF), which keeps the calls
// to plain strings. libpqxx exceptions stop here and become mfb::error.

#include <pqxx/pqxx>

#include "mfb/rehost/jobs/run_history.hpp"

namespace mfb::rehost {

namespace {

constexpr const char* schema = R"(
CREATE TABLE IF NOT EXISTS mfbridge_runs (
  run_id BIGSERIAL PRIMARY KEY,
  job TEXT NOT NULL, job_file TEXT, started_at TIMESTAMPTZ NOT NULL, ended_at TIMESTAMPTZ,
  status TEXT NOT NULL, exit_code INTEGER, resumed_from BIGINT, variables JSONB,
  host TEXT, pid INTEGER);
CREATE TABLE IF NOT EXISTS mfbridge_run_steps (
  run_id BIGINT NOT NULL REFERENCES mfbridge_runs(run_id), step_index INTEGER NOT NULL,
  name TEXT NOT NULL, kind TEXT NOT NULL, status TEXT NOT NULL, exit_code INTEGER,
  started_at TIMESTAMPTZ, ended_at TIMESTAMPTZ, seconds DOUBLE PRECISION, completed_in BIGINT,
  command JSONB, summary JSONB, message TEXT, PRIMARY KEY (run_id, step_index));
)";

// ISO 8601 UTC with milliseconds, the form the SQLite history stores.
#define MFB_ISO(col) "to_char(" col " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"

std::string opt(const std::optional<std::int64_t>& v) { return v ? std::to_string(*v) : ""; }
std::string opt(const std::optional<int>& v) { return v ? std::to_string(*v) : ""; }

class pg_history final : public run_history {
 public:
  explicit pg_history(std::unique_ptr<pqxx::connection> c) : conn_(std::move(c)) {}

  mfb::result<std::int64_t> begin_run(const run_record& r) override {
    return guard<std::int64_t>([&] {
      pqxx::work w(*conn_);
      auto row = w.exec_params1(
          "INSERT INTO mfbridge_runs (job, job_file, started_at, status, exit_code, resumed_from, "
          "variables, host, pid) VALUES ($1, $2, $3::timestamptz, $4, $5, NULLIF($6,'')::bigint, "
          "NULLIF($7,'')::jsonb, $8, $9) RETURNING run_id",
          r.job, r.job_file, r.started_at, r.status, r.exit_code, opt(r.resumed_from), r.variables,
          r.host, r.pid);
      w.commit();
      return row[0].as<std::int64_t>();
    });
  }

  mfb::result<bool> end_run(const run_record& r) override {
    return guard<bool>([&] {
      pqxx::work w(*conn_);
      w.exec_params(
          "UPDATE mfbridge_runs SET ended_at = NULLIF($1,'')::timestamptz, status = $2, "
          "exit_code = $3 WHERE run_id = $4",
          r.ended_at, r.status, r.exit_code, r.id);
      w.commit();
      return true;
    });
  }

  mfb::result<bool> save_step(const step_record& s) override {
    return guard<bool>([&] {
      pqxx::work w(*conn_);
      w.exec_params(
          "INSERT INTO mfbridge_run_steps (run_id, step_index, name, kind, status, exit_code, "
          "started_at, ended_at, seconds, completed_in, command, summary, message) VALUES "
          "($1, $2, $3, $4, $5, NULLIF($6,'')::integer, NULLIF($7,'')::timestamptz, "
          "NULLIF($8,'')::timestamptz, $9, NULLIF($10,'')::bigint, NULLIF($11,'')::jsonb, "
          "NULLIF($12,'')::jsonb, $13) ON CONFLICT (run_id, step_index) DO UPDATE SET "
          "name = EXCLUDED.name, kind = EXCLUDED.kind, status = EXCLUDED.status, "
          "exit_code = EXCLUDED.exit_code, started_at = EXCLUDED.started_at, "
          "ended_at = EXCLUDED.ended_at, seconds = EXCLUDED.seconds, "
          "completed_in = EXCLUDED.completed_in, command = EXCLUDED.command, "
          "summary = EXCLUDED.summary, message = EXCLUDED.message",
          s.run_id, s.index, s.name, s.kind, s.status, opt(s.exit_code), s.started_at, s.ended_at,
          s.seconds, opt(s.completed_in), s.command, s.summary, s.message);
      w.commit();
      return true;
    });
  }

  mfb::result<std::vector<run_record>> runs(const std::string& job, int limit) override {
    return guard<std::vector<run_record>>([&] {
      pqxx::read_transaction w(*conn_);
      auto res = w.exec_params(
          "SELECT run_id, job, coalesce(job_file, ''), " MFB_ISO("started_at") ", "
          "coalesce(" MFB_ISO("ended_at") ", ''), status, coalesce(exit_code, 0), "
          "coalesce(resumed_from::text, ''), coalesce(variables::text, ''), coalesce(host, ''), "
          "coalesce(pid, 0) FROM mfbridge_runs WHERE ($1 = '' OR job = $1) "
          "ORDER BY run_id DESC LIMIT $2",
          job, limit);
      std::vector<run_record> out;
      for (const auto& row : res) {
        run_record r;
        r.id = row[0].as<std::int64_t>();
        r.job = row[1].as<std::string>();
        r.job_file = row[2].as<std::string>();
        r.started_at = row[3].as<std::string>();
        r.ended_at = row[4].as<std::string>();
        r.status = row[5].as<std::string>();
        r.exit_code = row[6].as<int>();
        if (auto t = row[7].as<std::string>(); !t.empty()) r.resumed_from = std::stoll(t);
        r.variables = row[8].as<std::string>();
        r.host = row[9].as<std::string>();
        r.pid = row[10].as<int>();
        out.push_back(std::move(r));
      }
      return out;
    });
  }

  mfb::result<std::vector<step_record>> steps(std::int64_t run_id) override {
    return guard<std::vector<step_record>>([&] {
      pqxx::read_transaction w(*conn_);
      auto res = w.exec_params(
          "SELECT step_index, name, kind, status, coalesce(exit_code::text, ''), "
          "coalesce(" MFB_ISO("started_at") ", ''), coalesce(" MFB_ISO("ended_at") ", ''), "
          "coalesce(seconds, 0), coalesce(completed_in::text, ''), coalesce(command::text, ''), "
          "coalesce(summary::text, ''), coalesce(message, '') FROM mfbridge_run_steps "
          "WHERE run_id = $1 ORDER BY step_index",
          run_id);
      std::vector<step_record> out;
      for (const auto& row : res) {
        step_record s;
        s.run_id = run_id;
        s.index = row[0].as<int>();
        s.name = row[1].as<std::string>();
        s.kind = row[2].as<std::string>();
        s.status = row[3].as<std::string>();
        if (auto t = row[4].as<std::string>(); !t.empty()) s.exit_code = std::stoi(t);
        s.started_at = row[5].as<std::string>();
        s.ended_at = row[6].as<std::string>();
        s.seconds = row[7].as<double>();
        if (auto t = row[8].as<std::string>(); !t.empty()) s.completed_in = std::stoll(t);
        s.command = row[9].as<std::string>();
        s.summary = row[10].as<std::string>();
        s.message = row[11].as<std::string>();
        out.push_back(std::move(s));
      }
      return out;
    });
  }

 private:
  template <typename T, typename F>
  mfb::result<T> guard(F&& f) {
    try {
      return f();
    } catch (const pqxx::sql_error& e) {
      return mfb::error{"run history (PostgreSQL, SQLSTATE " + e.sqlstate() + "): " + e.what()};
    } catch (const std::exception& e) {
      return mfb::error{std::string("run history (PostgreSQL): ") + e.what()};
    }
  }

  std::unique_ptr<pqxx::connection> conn_;
};

}  // namespace

mfb::result<std::unique_ptr<run_history>> open_pg_run_history(const std::string& conninfo) {
  try {
    auto c = std::make_unique<pqxx::connection>(conninfo);
    pqxx::work w(*c);
    // Two jobs creating the tables at once would race on CREATE TABLE IF NOT EXISTS.
    w.exec("SELECT pg_advisory_xact_lock(7170831)");
    w.exec(schema);
    w.commit();
    return std::unique_ptr<run_history>(std::make_unique<pg_history>(std::move(c)));
  } catch (const std::exception& e) {
    return mfb::error{std::string("cannot open the run history in PostgreSQL: ") + e.what()};
  }
}

}  // namespace mfb::rehost
