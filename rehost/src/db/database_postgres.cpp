// PostgreSQL target through libpqxx 6.4: statements, transactions and cursors. Bulk rows
// go through binary COPY (pg_bulk.cpp); errors become typed errors (pg_errors.cpp).

#include <pqxx/pqxx>

#include <map>

#include "db/database_detail.hpp"
#include "db/pg_bulk.hpp"
#include "db/pg_errors.hpp"
#include "db/pg_text.hpp"

namespace mfb::rehost::detail {

namespace {

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
    throw db_error("cannot connect to " + redact_target(uri) + ": " + e.what(), "08001");
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
    return make_pg_bulk(*txn_, table);
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
      throw db_unavailable(pg_connection_lost, "08006");
    if (const auto* sql = dynamic_cast<const pqxx::sql_error*>(&e))
      throw_pg_error(prefix + std::string(e.what()), sql->sqlstate(), {});
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
