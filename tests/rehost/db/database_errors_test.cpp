// Typed database errors on both targets. SQLite runs on a file in a temporary folder;
// PostgreSQL runs when MFB_TEST_PG_URI names a server (database_errors_pg_test.py starts a
// throwaway one and runs this binary's DatabaseErrors tests against it; without it they are
// not instantiated). The expected SQLSTATEs are the PostgreSQL manual's, Appendix A:
// 23505 unique_violation, 23503 foreign_key_violation, 23502 not_null_violation,
// 23514 check_violation.

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <cstdlib>
#include <unistd.h>

#include <filesystem>

#include "db/database_detail.hpp"
#include "mfb/rehost/db/database.hpp"

namespace mfb::rehost {
namespace {

namespace fs = std::filesystem;

// A database per test: a fresh SQLite file, or the PostgreSQL server with fresh tables.
std::unique_ptr<database> open_target(const std::string& target, const std::string& name) {
  std::string where = target;
  if (target.empty()) {
    fs::path dir = fs::temp_directory_path() / ("mfb_db_errors_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    fs::remove(dir / (name + ".sqlite"));
    where = "sqlite:" + (dir / (name + ".sqlite")).string();
  }
  auto db = database::open(where, open_mode::create);
  db->execute("DROP TABLE IF EXISTS child; DROP TABLE IF EXISTS parent");
  db->execute(
      "CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL);"
      "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent(id), "
      "note TEXT CHECK (note <> 'bad'))");
  db->query("INSERT INTO parent (id, name) VALUES ($1, $2)", {"1", "first"});
  return db;
}

class DatabaseErrors : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgresql") {
      db_ = open_target(std::getenv("MFB_TEST_PG_URI"), "");
    } else {
      std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
      std::replace(name.begin(), name.end(), '/', '_');  // "Test/0": no folder
      db_ = open_target("", name);
    }
  }
  bool pg() const { return GetParam() == "postgresql"; }
  std::unique_ptr<database> db_;
};

TEST_P(DatabaseErrors, DuplicateKeyIsTypedWithSqlstate23505) {
  try {
    db_->query("INSERT INTO parent (id, name) VALUES ($1, $2)", {"1", "again"});
    FAIL() << "no error";
  } catch (const duplicate_key_error& e) {
    EXPECT_EQ(e.code(), "23505");
    if (pg()) {
      EXPECT_EQ(e.key(), "(1)");  // the server's DETAIL names the key
    } else {
      EXPECT_EQ(e.table(), "parent");  // SQLite names the table and column
    }
  }
}

TEST_P(DatabaseErrors, ForeignKeyIsTypedWithSqlstate23503) {
  try {
    db_->query("INSERT INTO child (id, parent_id, note) VALUES ($1, $2, $3)", {"10", "9", "x"});
    FAIL() << "no error";
  } catch (const foreign_key_error& e) {
    EXPECT_EQ(e.code(), "23503");
    if (pg()) {
      EXPECT_EQ(e.table(), "child");
      EXPECT_EQ(e.constraint(), "child_parent_id_fkey");  // PostgreSQL's default name
      EXPECT_EQ(e.key(), "(9)");
    }
  }
}

TEST_P(DatabaseErrors, DeletingAReferencedParentIsAForeignKeyError) {
  db_->query("INSERT INTO child (id, parent_id, note) VALUES ($1, $2, $3)", {"10", "1", "x"});
  try {
    db_->query("DELETE FROM parent WHERE id = $1", {"1"});
    FAIL() << "no error";
  } catch (const foreign_key_error& e) {
    EXPECT_EQ(e.code(), "23503");
    if (pg()) {
      EXPECT_EQ(e.key(), "(1)");
    }
  }
}

TEST_P(DatabaseErrors, NotNullAndCheckKeepTheirSqlstate) {
  try {
    db_->query("INSERT INTO parent (id, name) VALUES ($1, $2)", {"2", std::nullopt});
    FAIL() << "no error";
  } catch (const db_error& e) {
    EXPECT_EQ(e.code(), "23502");
  }
  try {
    db_->query("INSERT INTO child (id, parent_id, note) VALUES ($1, $2, $3)", {"11", "1", "bad"});
    FAIL() << "no error";
  } catch (const db_error& e) {
    EXPECT_EQ(e.code(), "23514");
  }
}

// PostgreSQL aborts a transaction at its first error; SQLite keeps what came before.
TEST(DatabaseErrorsSqlite, ATransactionIsIntactAfterARefusedStatement) {
  auto db = open_target("", "intact");
  db->begin();
  db->query("INSERT INTO parent (id, name) VALUES ($1, $2)", {"2", "second"});
  EXPECT_THROW(db->query("INSERT INTO parent (id, name) VALUES ($1, $2)", {"2", "x"}),
               duplicate_key_error);
  db->commit();
  EXPECT_EQ(db->query("SELECT count(*) FROM parent").rows.at(0).at(0), "2");
}

// PostgreSQL only when a server is given: ctest lists no test that would only skip.
std::vector<std::string> targets() {
  if (std::getenv("MFB_TEST_PG_URI") != nullptr) return {"sqlite", "postgresql"};
  return {"sqlite"};
}

INSTANTIATE_TEST_SUITE_P(Targets, DatabaseErrors, ::testing::ValuesIn(targets()),
                         [](const auto& target) { return target.param; });

// The rest of the table at db_error, from SQLite's documented result codes.
TEST(SqliteSqlstate, MapsResultCodesToSqlstateClasses) {
  EXPECT_EQ(detail::sqlite_sqlstate(SQLITE_CONSTRAINT_PRIMARYKEY), "23505");
  EXPECT_EQ(detail::sqlite_sqlstate(SQLITE_CONSTRAINT_UNIQUE), "23505");
  EXPECT_EQ(detail::sqlite_sqlstate(SQLITE_CONSTRAINT_FOREIGNKEY), "23503");
  EXPECT_EQ(detail::sqlite_sqlstate(SQLITE_CONSTRAINT_TRIGGER), "23000");
  EXPECT_EQ(detail::sqlite_sqlstate(SQLITE_FULL), "53100");
  EXPECT_EQ(detail::sqlite_sqlstate(SQLITE_IOERR_WRITE), "58030");
  EXPECT_EQ(detail::sqlite_sqlstate(SQLITE_BUSY), "55P03");
  EXPECT_EQ(detail::sqlite_sqlstate(SQLITE_BUSY_SNAPSHOT), "55P03");
  EXPECT_EQ(detail::sqlite_sqlstate(SQLITE_READONLY_DBMOVED), "25006");
  EXPECT_EQ(detail::sqlite_sqlstate(SQLITE_NOTADB), "XX001");
}

TEST(SqliteSqlstate, AFullDiskIsUnavailableNotBadData) {
  EXPECT_THROW(detail::throw_sqlite_error(SQLITE_FULL, "disk full"), db_unavailable);
  EXPECT_THROW(detail::throw_sqlite_error(SQLITE_CONSTRAINT_NOTNULL, "x"), db_error);
}

}  // namespace
}  // namespace mfb::rehost
