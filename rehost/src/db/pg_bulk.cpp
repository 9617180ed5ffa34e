// Bulk rows into PostgreSQL as binary COPY: a part's rows for one table go into one buffer
// and one COPY, because a round trip costs ~0.25 ms here, INSERTs are 4-50x slower than
// COPY, and binary COPY is ~1.4x faster than text.

#include "db/pg_bulk.hpp"

#include <libpq-fe.h>
#include <pqxx/largeobject>
#include <pqxx/pqxx>

#include <charconv>
#include <cstring>
#include <future>

#include "db/key_hash.hpp"
#include "db/pg_copy_binary.hpp"
#include "db/pg_errors.hpp"
#include "db/pg_text.hpp"

namespace mfb::rehost::detail {

namespace {

// libpqxx 6.4 has no binary COPY; largeobject's protected accessor hands out the libpq
// connection of a transaction, and the COPY below runs on it inside that transaction.
struct raw_connection_of : pqxx::largeobject {
  static PGconn* of(const pqxx::dbtransaction& t) { return pqxx::largeobject::raw_connection(t); }
};

[[noreturn]] void throw_failure(PGconn* conn, const std::string& what) {
  if (conn == nullptr || PQstatus(conn) == CONNECTION_BAD)
    throw db_unavailable(pg_connection_lost, "08006");
  throw db_error(what);
}

class pg_bulk final : public bulk_inserter {
 public:
  pg_bulk(pqxx::dbtransaction& txn, const sql_table& table)
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
      throw db_unavailable(pg_connection_lost, "08006");
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
    const char* detail_field = r != nullptr ? PQresultErrorField(r, PG_DIAG_MESSAGE_DETAIL) : nullptr;
    const std::string detail = detail_field != nullptr ? detail_field : "";
    const std::string key = key_of_detail(detail);
    if (detail_field != nullptr) why += " (" + detail + ")";
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
    throw_pg_error("PostgreSQL COPY into " + table_ + ": " + place + why, code, detail);
  }

  pqxx::dbtransaction& txn_;
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

}  // namespace

std::unique_ptr<bulk_inserter> make_pg_bulk(pqxx::dbtransaction& txn, const sql_table& table) {
  return std::make_unique<pg_bulk>(txn, table);
}

}  // namespace mfb::rehost::detail
