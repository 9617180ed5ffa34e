// Run history through the database interface, read back by SQLite's own C API (not through
// our adapter). A step's seconds must come back as the very double written: SQLite's
// text-to-REAL conversion misrounds some values, e.g. 0.707056753354459 (found with
// Python's sqlite3: CAST('0.707056753354459' AS REAL) differs from float('0.707...')).

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <unistd.h>

#include <filesystem>

#include "mfb/rehost/jobs/run_history.hpp"

namespace mfb::rehost {
namespace {

namespace fs = std::filesystem;

TEST(RunHistory, SqliteStoresTypedColumnsAndExactSeconds) {
  fs::path dir = fs::temp_directory_path() / ("mfb_history_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string file = (dir / "history.sqlite").string();
  fs::remove(file);
  {
    auto h = open_run_history(file);
    ASSERT_TRUE(h) << h.err().message;
    run_record run;
    run.job = "nightly";
    run.started_at = "2026-11-21T02:00:00.123Z";
    run.status = "running";
    auto id = (*h)->begin_run(run);
    ASSERT_TRUE(id) << id.err().message;
    EXPECT_EQ(*id, 1);
    step_record step;
    step.run_id = *id;
    step.index = 1;
    step.name = "first";
    step.kind = "convert";
    step.status = "ok";
    step.exit_code = 0;
    step.seconds = 0.707056753354459;
    ASSERT_TRUE((*h)->save_step(step));
    auto back = (*h)->steps(*id);
    ASSERT_TRUE(back);
    ASSERT_EQ(back->size(), 1u);
    EXPECT_EQ((*back)[0].seconds, 0.707056753354459);
    EXPECT_EQ((*back)[0].exit_code, 0);
    EXPECT_FALSE((*back)[0].completed_in);
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db,
                               "SELECT typeof(run_id), typeof(exit_code), typeof(seconds), seconds, "
                               "typeof(completed_in), typeof(started_at) FROM mfbridge_run_steps",
                               -1, &st, nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  auto text = [&](int i) { return std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, i))); };
  EXPECT_EQ(text(0), "integer");
  EXPECT_EQ(text(1), "integer");
  EXPECT_EQ(text(2), "real");
  EXPECT_EQ(sqlite3_column_double(st, 3), 0.707056753354459);
  EXPECT_EQ(text(4), "null");
  EXPECT_EQ(text(5), "text");  // SQLite keeps "" as given, PostgreSQL stores NULL
  sqlite3_finalize(st);
  sqlite3_close(db);
  fs::remove_all(dir);
}

TEST(RunHistory, AReaderOpensNoNewFile) {
  const std::string file = (fs::temp_directory_path() / "mfb_history_missing.sqlite").string();
  fs::remove(file);
  auto h = open_run_history(file, false);
  ASSERT_FALSE(h);
  EXPECT_EQ(h.err().message, "no such database file: " + file);
  EXPECT_FALSE(fs::exists(file));
}

}  // namespace
}  // namespace mfb::rehost
