#pragma once
// The PostgreSQL bulk inserter (binary COPY inside a transaction), apart from the rest of
// the adapter.

#include <memory>

#include "mfb/rehost/db/database.hpp"

namespace pqxx {
class dbtransaction;
}

namespace mfb::rehost::detail {

/// Rows for `table`, sent as binary COPY on the connection of `txn` (which must outlive it).
std::unique_ptr<bulk_inserter> make_pg_bulk(pqxx::dbtransaction& txn, const sql_table& table);

}  // namespace mfb::rehost::detail
