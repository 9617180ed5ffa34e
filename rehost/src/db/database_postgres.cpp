// PostgreSQL target through libpqxx 6.4. Bulk rows are written as binary COPY: a part's
// rows for one table go into one buffer and one COPY, because a round trip costs ~0.25 ms
// here, INSERTs are 4-50x slower than COPY, and binary COPY is ~1.4x faster than text.

#include <libpq-fe.h>
#include <pqxx/largeobject>
#include <pqxx/pqxx>

#include <charconv>
#include <cstring>
#include <future>
#include <map>

#include "db/database_detail.hpp"
#include "db/key_hash.hpp"
#include "db/pg_copy_binary.hpp"
#include "db/pg_text.hpp"

namespace mfb::rehost::detail {

namespace {

// libpqxx 6.4 has no binary COPY; largeobject's protected accessor hands out the libpq
// connection of a transaction, and the COPY below runs on it inside that transaction.
struct raw_connection_of : pqxx::largeobject {
  static PGconn* of(const pqxx::dbtransaction& t) { return pqxx::largeobject::raw_connection(t); }
};

// The number after ", line " in a COPY error's context: the tuple of the stream (1-based).
std::size_t copy_line(const char* context) {
  if (context == nullptr) return 0;
  const char* at = std::strstr(context, ", line ");
  std::size_t line = 0;
  if (at != nullptr) std::from_chars(at + 7, at + std::strlen(at), line);
  return line;
}

// "Key (a, b)=(1, x) already exists." -> "(1, x)"; empty when the detail has another shape.
std::string duplicate_key_of(const char* detail) {
  std::string_view d = detail == nullptr ? "" : detail;
  auto from = d.find(")=(");
  auto to = d.rfind(") already exists");
  if (from == std::string_view::npos || to == std::string_view::npos || to < from) return {};
  return std::string(d.substr(from + 2, to - from - 1));
}

// A broken connection is said as such: libpq's and libpqxx's words for it ("server closed
// the connection unexpectedly", "Could not obtain client encoding") tell an operator less.
const char* const connection_lost = "the PostgreSQL server closed the connection";

[[noreturn]] void throw_failure(PGconn* conn, const std::string& what) {
  if (conn == nullptr || PQstatus(conn) == CONNECTION_BAD) throw db_unavailable(connection_lost);
  throw db_error(what);
}

class pg_bulk final : public bulk_inserter {
 public:
  pg_bulk(pqxx::work& txn, const sql_table& table)
      : txn_(txn), table_(table.name), key_(table.primary_key) {
    for (const auto& c : table.columns) {
      kinds_.push_back(c.kind);
      names_.push_back(c.name);
      columns_ += (columns_.empty() ? "" : ", ") + quote_ident(c.name);
    }
  }
  ~pg_bulk() override {
    try {
      wait_for_send();
    } catch (const db_error&) {  // the COPY fails below anyway
    }
    if (!open_) return;  // abandoned mid-stream (an exception): end the COPY as failed
    PGconn* conn = raw_connection_of::of(txn_);
    PQputCopyEnd(conn, "load abandoned");
    while (PGresult* r = PQgetResult(conn)) PQclear(r);
  }
  void add(const std::vector<sql_value>& row) override {
    if (!open_ && buffer_.empty()) append_copy_header(buffer_);
    append_tuple_start(buffer_, row.size());
    for (std::size_t i = 0; i < row.size(); ++i)
      if (!append_copy_field(buffer_, row[i], kinds_[i])) {
        const std::string where = "record " + std::string(row[0].text) + ", table " + table_ +
                                  ", column " + names_[i] + ": ";
        if (kinds_[i] == sql_kind::text && has_nul_escape(row[i].text))
          throw unstorable_value_error(where + "the value holds U+2400, which PostgreSQL text "
                                               "columns use for X'00' (low-values)",
                                       names_[i]);
        throw db_error(where + "'" + std::string(row[i].text) + "' is no value of the column's type");
      }
    // Which record each tuple of the stream is, and its key's hash: a server error names a
    // line of the stream, and a duplicate key's first holder may be earlier in it.
    std::int64_t no = 0;
    std::from_chars(row[0].text.data(), row[0].text.data() + row[0].text.size(), no);
    record_nos_.push_back(no);
    key_hashes_.push_back(key_hash(row, key_));
  }
  void flush() override {
    if (buffer_.empty()) return;
    PGconn* conn = raw_connection_of::of(txn_);
    if (!open_) {
      const std::string sql =
          "COPY " + quote_ident(table_) + " (" + columns_ + ") FROM STDIN (FORMAT binary)";
      expect(conn, PQexec(conn, sql.c_str()), PGRES_COPY_IN);
      open_ = true;
    }
    // The stream stays open, and a part is sent on a thread of its own: a blocking send
    // lasts as long as the server takes to parse it, and meanwhile the next part is
    // encoded here and the one after it decoded.
    wait_for_send();
    std::swap(buffer_, sending_);
    buffer_.clear();
    send_ = std::async(std::launch::async, [this, conn] {
      return PQputCopyData(conn, sending_.data(), static_cast<int>(sending_.size())) == 1;
    });
  }
  void finish() override {
    flush();
    wait_for_send();
    if (!open_) return;
    PGconn* conn = raw_connection_of::of(txn_);
    open_ = false;
    if (PQputCopyEnd(conn, nullptr) != 1)
      throw_failure(conn, "PostgreSQL COPY into " + table_ + ": " + PQerrorMessage(conn));
    expect(conn, PQgetResult(conn), PGRES_COMMAND_OK);
    while (PGresult* extra = PQgetResult(conn)) PQclear(extra);
    record_nos_.clear();
    key_hashes_.clear();
  }

 private:
  void wait_for_send() {
    if (!send_.valid()) return;
    if (!send_.get()) {
      PGconn* conn = raw_connection_of::of(txn_);
      throw_failure(conn, "PostgreSQL COPY into " + table_ + ": " + PQerrorMessage(conn));
    }
  }
  void expect(PGconn* conn, PGresult* r, ExecStatusType want) {
    if (r != nullptr && PQresultStatus(r) == want) {
      PQclear(r);
      return;
    }
    if (PQstatus(conn) == CONNECTION_BAD) {
      PQclear(r);
      throw db_unavailable(connection_lost);
    }
    std::string why = r != nullptr ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) != nullptr
                                         ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY)
                                         : PQresultErrorMessage(r)
                                   : PQerrorMessage(conn);
    const char* state = r != nullptr ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
    const std::string code = state != nullptr ? state : "";
    const char* context = r != nullptr ? PQresultErrorField(r, PG_DIAG_CONTEXT) : nullptr;
    const std::size_t line = copy_line(context);
    // "COPY t, line 3, column c: ..." -> "column c": the field the server refused.
    std::string column;
    if (const char* at = context != nullptr ? std::strstr(context, ", column ") : nullptr)
      column = std::string(at + 2, std::strcspn(at + 2, ":\n"));
    const std::string key = duplicate_key_of(r != nullptr ? PQresultErrorField(r, PG_DIAG_MESSAGE_DETAIL) : nullptr);
    if (const char* detail = r != nullptr ? PQresultErrorField(r, PG_DIAG_MESSAGE_DETAIL) : nullptr)
      why += std::string(" (") + detail + ")";
    PQclear(r);
    while (PGresult* rest = PQgetResult(conn)) PQclear(rest);
    while (!why.empty() && why.back() == '\n') why.pop_back();
    // The server names a line of the stream: say which record that is.
    std::int64_t record = line >= 1 && line <= record_nos_.size() ? record_nos_[line - 1] : 0;
    const std::string place = (record != 0 ? "record " + std::to_string(record) + ", " : "") +
                              (column.empty() ? "" : column + ": ");
    if (code == "23505" && record != 0 && !key.empty()) {
      std::int64_t first = 0;
      for (std::size_t i = 0; i + 1 < line && first == 0; ++i)
        if (key_hashes_[i] == key_hashes_[line - 1]) first = record_nos_[i];
      throw duplicate_key_error("table " + table_ + ": " + place + "key " + key + ": " + why, code,
                                table_, key, first, record);
    }
    throw db_error("PostgreSQL COPY into " + table_ + ": " + place + why, code);
  }

  pqxx::work& txn_;
  std::string table_;
  std::string columns_;
  std::vector<sql_kind> kinds_;
  std::vector<std::string> names_;
  std::vector<std::size_t> key_;     // primary key column indexes
  std::vector<std::int64_t> record_nos_;   // record number of each tuple of the stream
  std::vector<std::uint64_t> key_hashes_;  // and its key's hash
  std::string buffer_;             // rows being encoded
  std::string sending_;            // rows being sent by send_
  std::future<bool> send_;
  bool open_ = false;  // a COPY is in progress on the connection
};

// A field as text; BYTEA (an item kept as its bytes) as plain hex, as the decoder writes it
// (the server's hex output format prefixes it with \x).
sql_param field_text(const pqxx::field& f) {
  if (f.is_null()) return {};
  std::string_view t(f.c_str(), f.size());
  constexpr pqxx::oid bytea_oid = 17;
  if (f.type() == bytea_oid && t.substr(0, 2) == "\\x") t.remove_prefix(2);
  else if (has_nul_escape(t)) return from_pg_text(t);  // U+2400 is how text holds X'00'
  return std::string(t);
}

// Parameters as PostgreSQL text holds them: U+0000 as U+2400 (pg_text.hpp). `params` itself
// when nothing changes (nearly always); a genuine U+2400 cannot be stored exactly.
const sql_params& stored_params(const sql_params& params, sql_params& scratch) {
  bool any = false;
  for (const auto& p : params) any = any || (p && needs_nul_escape(*p));
  if (!any) return params;
  scratch = params;
  for (std::size_t i = 0; i < scratch.size(); ++i) {
    if (!scratch[i] || !needs_nul_escape(*scratch[i])) continue;
    if (has_nul_escape(*scratch[i])) {
      const std::string name = "parameter $" + std::to_string(i + 1);
      throw unstorable_value_error(name + " holds U+2400, which PostgreSQL text uses for X'00' "
                                          "(low-values): it cannot be stored exactly",
                                   name);
    }
    scratch[i] = to_pg_text(*scratch[i]);
  }
  return scratch;
}

class pg_database final : public database {
 public:
  explicit pg_database(const std::string& uri) try : conn_(uri) {
  } catch (const std::exception& e) {
    throw db_error("cannot connect to " + redact_target(uri) + ": " + e.what());
  }

  sql_dialect dialect() const noexcept override { return sql_dialect::postgresql; }

  void execute(std::string_view sql) override {
    run([&](pqxx::transaction_base& t) { t.exec(std::string(sql)); });
  }

  sql_rows query(std::string_view sql, const sql_params& given) override {
    sql_params scratch;
    const sql_params& params = stored_params(given, scratch);
    sql_rows out;
    auto fill = [&](const pqxx::result& r) {
      for (pqxx::row::size_type i = 0; i < r.columns(); ++i) out.columns.emplace_back(r.column_name(i));
      for (const auto& row : r) {
        auto& o = out.rows.emplace_back();
        for (const auto& f : row) o.push_back(field_text(f));
      }
    };
    if (txn_) {
      run([&](pqxx::transaction_base& t) {
        fill(t.exec_params(std::string(sql), pqxx::prepare::make_dynamic_params(params)));
      });
      return out;
    }
    // Outside a transaction: autocommit, one round trip instead of BEGIN, statement, COMMIT
    // (the REST facade's reads), and a statement prepared once per connection and text. The
    // cache is bounded: texts vary with the length of IN lists and such.
    try {
      std::string text(sql);
      auto it = prepared_.find(text);
      if (it == prepared_.end() && prepared_.size() < max_prepared) {
        std::string name = "mfb_s" + std::to_string(prepared_.size());
        conn_.prepare(name, text);
        it = prepared_.emplace(text, name).first;
      }
      pqxx::nontransaction t(conn_);
      fill(it != prepared_.end()
               ? t.exec_prepared(it->second, pqxx::prepare::make_dynamic_params(params))
               : t.exec_params(text, pqxx::prepare::make_dynamic_params(params)));
    } catch (const std::exception& e) {
      fail(e);
    }
    return out;
  }

  void for_each_row(std::string_view sql,
                    const std::function<void(const std::vector<sql_param>&)>& row) override {
    // A cursor fetched in pages: the client holds one page, never the whole table.
    run([&](pqxx::transaction_base& t) {
      t.exec("DECLARE mfb_rows NO SCROLL CURSOR FOR " + std::string(sql));
      std::vector<sql_param> values;
      for (;;) {
        pqxx::result r = t.exec("FETCH FORWARD 20000 FROM mfb_rows");
        if (r.empty()) break;
        for (const auto& rec : r) {
          values.clear();
          for (const auto& f : rec)
            values.push_back(field_text(f));
          row(values);
        }
      }
      t.exec("CLOSE mfb_rows");
    });
  }

  void begin() override {
    if (txn_) throw db_error("a transaction is already open");
    try {
      txn_ = std::make_unique<pqxx::work>(conn_);
    } catch (const std::exception& e) {
      fail(e);
    }
  }
  void commit() override {
    if (!txn_) throw db_error("no transaction to commit");
    try {
      txn_->commit();
    } catch (const std::exception& e) {
      txn_.reset();
      fail(e, "PostgreSQL commit failed: ");
    }
    txn_.reset();
  }
  void rollback() noexcept override { txn_.reset(); }  // destroying a work aborts it

  bool table_exists(std::string_view name) override {
    return !query("SELECT 1 FROM information_schema.tables WHERE table_schema = "
                  "current_schema() AND table_name = $1",
                  {std::string(name)})
                .rows.empty();
  }

  std::unique_ptr<bulk_inserter> bulk(const sql_table& table) override {
    if (!txn_) throw db_error("bulk load outside a transaction");
    return std::make_unique<pg_bulk>(*txn_, table);
  }

 private:
  // Run inside the open transaction, or in a transaction of its own.
  template <typename F>
  void run(F&& f) {
    try {
      if (txn_) {
        f(*txn_);
        return;
      }
      pqxx::work t(conn_);
      f(t);
      t.commit();
    } catch (const db_error&) {
      throw;
    } catch (const std::exception& e) {
      fail(e);
    }
  }

  [[noreturn]] void fail(const std::exception& e, const char* prefix = "PostgreSQL: ") {
    if (dynamic_cast<const pqxx::broken_connection*>(&e) != nullptr || !conn_.is_open())
      throw db_unavailable(connection_lost);
    throw db_error(prefix + std::string(e.what()));
  }

  static constexpr std::size_t max_prepared = 256;
  pqxx::connection conn_;
  std::unique_ptr<pqxx::work> txn_;
  std::map<std::string, std::string> prepared_;  // SQL text -> prepared statement name
};

}  // namespace

std::unique_ptr<database> open_postgresql(const std::string& uri) {
  return std::make_unique<pg_database>(uri);
}

}  // namespace mfb::rehost::detail
