// PostgreSQL's errors as typed errors. The server's message has a stable shape (PostgreSQL's
// ri_triggers.c and nbtinsert.c): reading names from it is the only way through libpqxx
// 6.4, whose exceptions keep the SQLSTATE but not the error fields.

#include "db/pg_errors.hpp"

#include <charconv>
#include <cstring>

#include "mfb/rehost/db/database.hpp"

namespace mfb::rehost::detail {

const char* const pg_connection_lost = "the PostgreSQL server closed the connection";

namespace {

// The name in double quotes after `marker` ("on table " -> the table), or empty.
std::string quoted_after(const std::string& text, const std::string& marker) {
  auto at = text.find(marker + "\"");
  if (at == std::string::npos) return {};
  at += marker.size() + 1;
  auto end = text.find('"', at);
  return end == std::string::npos ? std::string{} : text.substr(at, end - at);
}

}  // namespace

std::size_t copy_line(const char* context) {
  if (context == nullptr) return 0;
  const char* at = std::strstr(context, ", line ");
  std::size_t line = 0;
  if (at != nullptr) std::from_chars(at + 7, at + std::strlen(at), line);
  return line;
}

std::string key_of_detail(const std::string& detail) {
  auto from = detail.find(")=(");
  if (from == std::string::npos) return {};
  for (const char* end :
       {") already exists", ") is duplicated", ") is not present", ") is still referenced"}) {
    auto to = detail.rfind(end);
    if (to != std::string::npos && to > from) return detail.substr(from + 2, to - from - 1);
  }
  return {};
}

void throw_pg_error(const std::string& what, const std::string& sqlstate,
                    const std::string& detail) {
  const std::string& said = detail.empty() ? what : detail;
  if (sqlstate == "23505") throw duplicate_key_error(what, sqlstate, {}, key_of_detail(said), 0, 0);
  if (sqlstate == "23503")
    throw foreign_key_error(what, sqlstate, quoted_after(what, "on table "),
                            quoted_after(what, "constraint "), key_of_detail(said));
  throw db_error(what, sqlstate);
}

}  // namespace mfb::rehost::detail
