#pragma once
// PostgreSQL failures as our typed errors, with their SQLSTATE (no libpq or libpqxx here:
// both the COPY path and the statement path pass what the server said).

#include <cstddef>
#include <string>

namespace mfb::rehost::detail {

/// A broken connection is said as such: libpq's and libpqxx's words for it ("server closed
/// the connection unexpectedly", "Could not obtain client encoding") tell an operator less.
/// Its SQLSTATE is 08006 (connection_failure).
extern const char* const pg_connection_lost;

/// The number after ", line " in a COPY error's context: the tuple of the stream (1-based).
std::size_t copy_line(const char* context);

/// "Key (a, b)=(1, x) already exists." (or "... is duplicated." from adding a key, "... is
/// not present in table", "... is still referenced from table") -> "(1, x)"; empty when the
/// detail has another shape.
std::string key_of_detail(const std::string& detail);

/// Throw `what` as the error its SQLSTATE says: duplicate_key_error (23505),
/// foreign_key_error (23503, naming the table and constraint from the message), else
/// db_error. `detail` is the server's DETAIL (it holds the key), when known apart.
[[noreturn]] void throw_pg_error(const std::string& what, const std::string& sqlstate,
                                 const std::string& detail);

}  // namespace mfb::rehost::detail
