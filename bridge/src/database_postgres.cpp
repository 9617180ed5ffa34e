// PostgreSQL target through libpqxx 6.4. Bulk rows are written as COPY text: a chunk's rows
// for one table are escaped into one buffer and sent in a single COPY, because a round trip
// costs ~0.25 ms here and INSERTs are 4-50x slower than COPY.

#include <pqxx/pqxx>
#include <pqxx/tablewriter>

#include <charconv>

#include "database_detail.hpp"

namespace mfb::bridge::detail {

namespace {

// COPY text format: backslash escapes for the separator, line ends and backslash itself.
void append_copy_value(std::string& out, const sql_value& v) {
  if (v.null) {
    out += "\\N";
    return;
  }
  for (char ch : v.text) {
    switch (ch) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default: out += ch;
    }
  }
}

class pg_bulk final : public bulk_inserter {
 public:
  pg_bulk(pqxx::work& txn, const sql_table& table) : txn_(txn), table_(table.name) {
    for (const auto& c : table.columns) columns_.push_back(c.name);
  }
  void add(const std::vector<sql_value>& row) override {
    if (!buffer_.empty()) buffer_ += '\n';  // libpqxx adds the last line end itself
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i) buffer_ += '\t';
      append_copy_value(buffer_, row[i]);
    }
  }
  void flush() override {
    if (buffer_.empty()) return;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    // tablewriter is the only libpqxx 6.4 stream that takes pre-formatted COPY text, so a
    // whole chunk goes out as one write instead of one call per field.
    pqxx::tablewriter w(txn_, table_, columns_.begin(), columns_.end());
#pragma GCC diagnostic pop
    w.write_raw_line(buffer_);
    w.complete();
    buffer_.clear();
  }

 private:
  pqxx::work& txn_;
  std::string table_;
  std::vector<std::string> columns_;
  std::string buffer_;
};

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

  sql_rows query(std::string_view sql, const sql_params& params) override {
    sql_rows out;
    run([&](pqxx::transaction_base& t) {
      pqxx::result r = t.exec_params(std::string(sql), pqxx::prepare::make_dynamic_params(params));
      for (pqxx::row::size_type i = 0; i < r.columns(); ++i) out.columns.emplace_back(r.column_name(i));
      for (const auto& row : r) {
        auto& o = out.rows.emplace_back();
        for (const auto& f : row)
          o.push_back(f.is_null() ? sql_param{} : sql_param{std::string(f.c_str(), f.size())});
      }
    });
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
            values.push_back(f.is_null() ? sql_param{} : sql_param{std::string(f.c_str(), f.size())});
          row(values);
        }
      }
      t.exec("CLOSE mfb_rows");
    });
  }

  void begin() override {
    if (txn_) throw db_error("a transaction is already open");
    txn_ = std::make_unique<pqxx::work>(conn_);
  }
  void commit() override {
    if (!txn_) throw db_error("no transaction to commit");
    try {
      txn_->commit();
    } catch (const std::exception& e) {
      txn_.reset();
      throw db_error(std::string("PostgreSQL commit failed: ") + e.what());
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
      throw db_error(std::string("PostgreSQL: ") + e.what());
    }
  }

  pqxx::connection conn_;
  std::unique_ptr<pqxx::work> txn_;
};

}  // namespace

std::unique_ptr<database> open_postgresql(const std::string& uri) {
  return std::make_unique<pg_database>(uri);
}

}  // namespace mfb::bridge::detail
