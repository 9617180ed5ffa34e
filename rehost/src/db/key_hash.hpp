#pragma once
// The key hash of control totals: PostgreSQL's hashtextextended(text, 0) (Bob Jenkins'
// lookup3, as PostgreSQL's hash_bytes_extended computes it), so that the target can add up
// the hashes of its keys itself and no key has to travel back to us. SQLite gets the same
// function as an aggregate (mfb_key_hash).

#include <cstdint>
#include <string_view>
#include <vector>

#include "mfb/rehost/db/table_map.hpp"

namespace mfb::rehost::detail {

/// PostgreSQL's hash_bytes_extended(bytes, seed 0), as an unsigned 64-bit value.
std::uint64_t pg_text_hash(std::string_view bytes) noexcept;

/// pg_text_hash of `text` as PostgreSQL text stores it (U+0000 as U+2400, pg_text.hpp), so
/// a key holding low-values hashes alike in the source, in SQLite and in PostgreSQL.
std::uint64_t stored_text_hash(std::string_view text);

/// The hash of one row's key: its key texts joined by 0x1F, through stored_text_hash.
std::uint64_t key_hash(const std::vector<sql_value>& row, const std::vector<std::size_t>& key);

/// The separator between the parts of a composite key (SQL: chr(31)).
inline constexpr char key_part_separator = '\x1F';

}  // namespace mfb::rehost::detail
