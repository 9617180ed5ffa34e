#pragma once
// Low-values in PostgreSQL text. PostgreSQL text cannot hold U+0000, yet X'00' in a PIC X
// field is common in mainframe data (SQLite stores it as is). On PostgreSQL text columns
// U+0000 is stored as U+2400 (SYMBOL FOR NULL), and every read maps U+2400 back, so a load
// followed by an export is byte-identical on both targets. The escape is reversible because
// no value can bring a genuine U+2400: a load checks its code page at plan time, and a
// write (REST, delta) with one is refused (unstorable_value_error).

#include <string>
#include <string_view>

#include "mfb/ebcdic/code_page.hpp"

namespace mfb::rehost::detail {

/// U+2400 in UTF-8: how PostgreSQL text holds a U+0000.
inline constexpr std::string_view nul_escape = "\xE2\x90\x80";

/// Whether `text` holds a U+0000 or a U+2400 (the only texts the escape changes).
bool needs_nul_escape(std::string_view text) noexcept;
/// Whether `text` holds a genuine U+2400, which PostgreSQL text cannot store exactly.
bool has_nul_escape(std::string_view text) noexcept;
/// `text` as PostgreSQL text stores it: each U+0000 becomes U+2400.
std::string to_pg_text(std::string_view text);
/// Why `page` cannot be loaded into PostgreSQL text exactly (a byte it decodes to U+2400,
/// which would read back as X'00'); empty when it can. Checked when a load is planned.
std::string nul_escape_clash(const ebcdic::code_page& page);
/// Stored PostgreSQL text back as the value: each U+2400 becomes U+0000.
std::string from_pg_text(std::string_view text);

}  // namespace mfb::rehost::detail
