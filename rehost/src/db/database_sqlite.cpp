// SQLite target: WAL journal with NORMAL sync (a power cut may lose the last commits, but a
// chunk and its checkpoint row are lost together, so a restart redoes exactly them), and one
// prepared INSERT per table reused for every row of a bulk load.

#include <sqlite3.h>
#include <unistd.h>

#include <charconv>
#include <cstdlib>
#include <cstring>

#include "db/database_detail.hpp"
#include "mfb/ebcdic/hex.hpp"

namespace mfb::rehost::detail {

namespace {

[[noreturn]] void throw_error(sqlite3* db, const std::string& why) {
  throw_sqlite_error(sqlite3_extended_errcode(db), why);
}

[[noreturn]] void fail(sqlite3* db, std::string_view what) {
  throw_error(db, std::string(what) + ": " + sqlite3_errmsg(db));
}

class statement {
 public:
  statement(sqlite3* db, std::string_view sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) !=
        SQLITE_OK)
      fail(db, "SQLite could not prepare a statement");
  }
  ~statement() { sqlite3_finalize(stmt_); }
  statement(const statement&) = delete;
  statement& operator=(const statement&) = delete;
  sqlite3_stmt* get() const noexcept { return stmt_; }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// Each result column's declared scale (NUMERIC(p,s) columns; -1 for the others).
std::vector<int> declared_scales(sqlite3_stmt* s) {
  std::vector<int> out;
  for (int i = 0, n = sqlite3_column_count(s); i < n; ++i)
    out.push_back(declared_scale(sqlite3_column_decltype(s, i)));
  return out;
}

// A cell as text; a decimal that SQLite keeps as a number, at its column's scale.
std::string column_text(sqlite3_stmt* s, int i, int scale) {
  const int type = sqlite3_column_type(s, i);
  if (type == SQLITE_BLOB)  // an item kept as its bytes: hex, as decoded
    return ebcdic::hex_of(sqlite3_column_blob(s, i), static_cast<std::size_t>(sqlite3_column_bytes(s, i)));
  if (scale >= 0 && type == SQLITE_INTEGER) return integer_text(sqlite3_column_int64(s, i), scale);
  if (scale >= 0 && type == SQLITE_FLOAT) return decimal_text(sqlite3_column_double(s, i), scale);
  if (type == SQLITE_FLOAT) {
    char buf[32];
    auto r = std::to_chars(buf, buf + sizeof buf, sqlite3_column_double(s, i));
    return std::string(buf, r.ptr);
  }
  const auto* t = reinterpret_cast<const char*>(sqlite3_column_text(s, i));
  return std::string(t, static_cast<std::size_t>(sqlite3_column_bytes(s, i)));
}

// The key of `row` as "(part, part)", and the record number of the row already holding it
// (0 when none: the clash was on another unique column).
std::string key_text(const sql_table& table, const std::vector<sql_value>& row) {
  std::string text;
  for (std::size_t k : table.primary_key) text += (text.empty() ? "" : ", ") + std::string(row[k].text);
  return "(" + text + ")";
}

std::int64_t record_holding_key(sqlite3* db, const sql_table& table,
                                const std::vector<sql_value>& row) {
  std::string where;
  for (std::size_t i = 0; i < table.primary_key.size(); ++i)
    where += (i ? " AND " : "") + quote_ident(table.columns[table.primary_key[i]].name) + " = ?" +
             std::to_string(i + 1);
  statement st(db, "SELECT MIN(" + quote_ident(table.columns[0].name) + ") FROM " +
                       quote_ident(table.name) + " WHERE " + where);
  for (std::size_t i = 0; i < table.primary_key.size(); ++i) {
    const std::string_view v = row[table.primary_key[i]].text;
    sqlite3_bind_text(st.get(), static_cast<int>(i + 1), v.data(), static_cast<int>(v.size()),
                      SQLITE_STATIC);
  }
  if (sqlite3_step(st.get()) != SQLITE_ROW) return 0;
  return sqlite3_column_int64(st.get(), 0);
}

class sqlite_bulk final : public bulk_inserter {
 public:
  sqlite_bulk(sqlite3* db, const sql_table& table)
      : db_(db), table_(table), stmt_(db, insert_sql(table)) {
    for (const auto& c : table.columns) kinds_.push_back(c.kind);
  }
  void add(const std::vector<sql_value>& row) override {
    sqlite3_stmt* s = stmt_.get();
    for (std::size_t i = 0; i < row.size(); ++i) {
      int at = static_cast<int>(i + 1);
      const sql_value& v = row[i];
      if (v.null) {
        sqlite3_bind_null(s, at);
        continue;
      }
      sql_kind k = kinds_[i];
      if (k == sql_kind::smallint || k == sql_kind::integer || k == sql_kind::bigint) {
        std::int64_t n = 0;
        auto r = std::from_chars(v.text.data(), v.text.data() + v.text.size(), n);
        if (r.ec == std::errc{} && r.ptr == v.text.data() + v.text.size()) {
          sqlite3_bind_int64(s, at, n);
          continue;
        }
      } else if (k == sql_kind::bytes) {
        blob_.clear();
        if (!ebcdic::append_hex_bytes(v.text, blob_))
          throw db_error("SQLite insert: record " + std::string(row[0].text) + ", column " +
                         std::to_string(i + 1) + ": '" + std::string(v.text) + "' is not hex text");
        sqlite3_bind_blob(s, at, blob_.data(), static_cast<int>(blob_.size()), SQLITE_TRANSIENT);
        continue;
      } else if (k == sql_kind::float8) {
        double d = 0;
        auto r = std::from_chars(v.text.data(), v.text.data() + v.text.size(), d);
        if (r.ec == std::errc{} && r.ptr == v.text.data() + v.text.size()) {
          sqlite3_bind_double(s, at, d);
          continue;
        }
      }
      sqlite3_bind_text(s, at, v.text.data(), static_cast<int>(v.text.size()), SQLITE_STATIC);
    }
    if (sqlite3_step(s) != SQLITE_DONE) {
      const int code = sqlite3_extended_errcode(db_);
      const std::string why = sqlite3_errmsg(db_);
      sqlite3_reset(s);
      if (code == SQLITE_CONSTRAINT_PRIMARYKEY || code == SQLITE_CONSTRAINT_UNIQUE) {
        // The transaction is intact: the row holding the key, committed or of this chunk,
        // is still there to name.
        const std::int64_t first = record_holding_key(db_, table_, row);
        std::int64_t second = 0;
        std::from_chars(row[0].text.data(), row[0].text.data() + row[0].text.size(), second);
        if (first != 0)
          throw duplicate_key_error("table " + table_.name + ": records " + std::to_string(first) +
                                        " and " + std::to_string(second) + " have the same key " +
                                        key_text(table_, row),
                                    sqlite_sqlstate(code), table_.name, key_text(table_, row),
                                    first, second);
      }
      throw_sqlite_error(code, "SQLite insert failed: " + why);
    }
    sqlite3_reset(s);
  }
  void flush() override {}
  void finish() override {}

 private:
  sqlite3* db_;
  const sql_table& table_;
  statement stmt_;
  std::vector<sql_kind> kinds_;
  std::string blob_;
};

class sqlite_database final : public database {
 public:
  sqlite_database(const std::string& file, bool create) {
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
    if (int rc = sqlite3_open_v2(file.c_str(), &db_, flags, nullptr); rc != SQLITE_OK) {
      std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      if (!create && rc == SQLITE_CANTOPEN && access(file.c_str(), F_OK) != 0)
        throw db_error("no such database file: " + file + " (only load creates a database)",
                       sqlite_sqlstate(rc));
      throw db_error("cannot open SQLite file " + file + ": " + why, sqlite_sqlstate(rc));
    }
    // NOMUTEX: a database object serves one thread at a time (the load's writer thread,
    // a REST request); SQLite's own per-call locking cost 12% of a load.
    sqlite3_busy_timeout(db_, 10000);
    register_sqlite_functions(db_);
    execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON");
  }
  ~sqlite_database() override { sqlite3_close(db_); }

  sql_dialect dialect() const noexcept override { return sql_dialect::sqlite; }

  void execute(std::string_view sql) override {
    std::string text(sql);
    char* msg = nullptr;
    if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &msg) != SQLITE_OK) {
      std::string why = msg ? msg : "unknown error";
      sqlite3_free(msg);
      throw_error(db_, "SQLite: " + why);
    }
  }

  sql_rows query(std::string_view sql, const sql_params& params) override {
    statement st(db_, sql);
    sqlite3_stmt* s = st.get();
    for (std::size_t i = 0; i < params.size(); ++i) {
      std::string name = "$" + std::to_string(i + 1);
      int at = sqlite3_bind_parameter_index(s, name.c_str());
      if (at == 0) continue;  // a parameter the statement does not use
      if (params[i])
        sqlite3_bind_text(s, at, params[i]->data(), static_cast<int>(params[i]->size()),
                          SQLITE_TRANSIENT);
      else
        sqlite3_bind_null(s, at);
    }
    sql_rows out;
    int n = sqlite3_column_count(s);
    const std::vector<int> scales = declared_scales(s);
    for (int i = 0; i < n; ++i) out.columns.emplace_back(sqlite3_column_name(s, i));
    for (;;) {
      int rc = sqlite3_step(s);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) fail(db_, "SQLite query failed");
      auto& row = out.rows.emplace_back();
      for (int i = 0; i < n; ++i)
        row.push_back(sqlite3_column_type(s, i) == SQLITE_NULL
                          ? sql_param{}
                          : sql_param{column_text(s, i, scales[static_cast<std::size_t>(i)])});
    }
    return out;
  }

  void for_each_row(std::string_view sql,
                    const std::function<void(const std::vector<sql_param>&)>& row) override {
    statement st(db_, sql);
    sqlite3_stmt* s = st.get();
    int n = sqlite3_column_count(s);
    const std::vector<int> scales = declared_scales(s);
    std::vector<sql_param> values(static_cast<std::size_t>(n));
    for (;;) {
      int rc = sqlite3_step(s);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) fail(db_, "SQLite query failed");
      for (int i = 0; i < n; ++i)
        values[static_cast<std::size_t>(i)] =
            sqlite3_column_type(s, i) == SQLITE_NULL
                ? sql_param{}
                : sql_param{column_text(s, i, scales[static_cast<std::size_t>(i)])};
      row(values);
    }
  }

  void begin() override { execute("BEGIN IMMEDIATE"); }
  void commit() override { execute("COMMIT"); }
  void rollback() noexcept override { sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr); }

  bool table_exists(std::string_view name) override {
    return !query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = $1",
                  {std::string(name)})
                .rows.empty();
  }

  std::unique_ptr<bulk_inserter> bulk(const sql_table& table) override {
    return std::make_unique<sqlite_bulk>(db_, table);
  }

 private:
  sqlite3* db_ = nullptr;
};

}  // namespace

std::unique_ptr<database> open_sqlite(const std::string& file, bool create) {
  return std::make_unique<sqlite_database>(file, create);
}

std::string insert_sql(const sql_table& table) {
  std::string cols, marks;
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    cols += (i ? ", " : "") + quote_ident(table.columns[i].name);
    marks += (i ? ", $" : "$") + std::to_string(i + 1);
  }
  return "INSERT INTO " + quote_ident(table.name) + " (" + cols + ") VALUES (" + marks + ")";
}

}  // namespace mfb::rehost::detail
