// SQLite's result codes as SQLSTATEs and typed errors (the mapping is documented at
// db_error in database.hpp), so callers ask about a constraint the same way on both targets.

#include <sqlite3.h>

#include "db/database_detail.hpp"

namespace mfb::rehost::detail {

namespace {

const char* constraint_state(int extended) {
  switch (extended) {
    case SQLITE_CONSTRAINT_PRIMARYKEY:
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_ROWID:
      return "23505";
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return "23503";
    case SQLITE_CONSTRAINT_NOTNULL:
      return "23502";
    case SQLITE_CONSTRAINT_CHECK:
      return "23514";
    default:
      return "23000";
  }
}

// "UNIQUE constraint failed: t.a, t.b" -> "t": SQLite's only word on the table.
std::string table_of_unique(const std::string& why) {
  const std::string mark = "constraint failed: ";
  auto at = why.find(mark);
  if (at == std::string::npos) return {};
  at += mark.size();
  auto dot = why.find('.', at);
  return dot == std::string::npos ? std::string{} : why.substr(at, dot - at);
}

}  // namespace

std::string sqlite_sqlstate(int extended) {
  switch (extended & 0xff) {
    case SQLITE_CONSTRAINT: return constraint_state(extended);
    case SQLITE_FULL: return "53100";
    case SQLITE_NOMEM: return "53200";
    case SQLITE_IOERR: return "58030";
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return "55P03";
    case SQLITE_READONLY: return "25006";
    case SQLITE_PERM:
    case SQLITE_AUTH: return "42501";
    case SQLITE_CANTOPEN: return "58P01";
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return "XX001";
    case SQLITE_TOOBIG: return "54000";
    case SQLITE_MISMATCH: return "42804";
    case SQLITE_RANGE: return "22023";
    case SQLITE_INTERRUPT: return "57014";
    case SQLITE_ERROR: return "42000";
    default: return "XX000";
  }
}

// A full or failing disk is no fault of the data: a re-run resumes once there is room.
void throw_sqlite_error(int extended, const std::string& why) {
  const std::string state = sqlite_sqlstate(extended);
  const int primary = extended & 0xff;
  if (primary == SQLITE_FULL || primary == SQLITE_IOERR) throw db_unavailable(why, state);
  if (state == "23505") throw duplicate_key_error(why, state, table_of_unique(why), {}, 0, 0);
  if (state == "23503") throw foreign_key_error(why, state, {});
  throw db_error(why, state);
}

}  // namespace mfb::rehost::detail
