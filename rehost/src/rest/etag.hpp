#pragma once
// Entity tags of stored records, and If-Match (RFC 9110, 13.1.1): a PUT or DELETE that
// names the version it read is refused (412) when the record changed since.

#include <optional>
#include <string>
#include <string_view>

namespace mfb::rehost::detail {

/// The strong ETag of a record: the SHA-256 of its canonical JSON answer, quoted. Any
/// change of a stored value (or of the parent key) changes it.
std::string record_etag(std::string_view record_json);

/// Whether an If-Match header value lets the write go ahead on a record whose current tag
/// is `current` (nullopt: no such record). "*" matches any existing record; a list
/// matches when one of its strong tags equals `current` (weak tags never match, as the
/// strong comparison RFC 9110 asks for If-Match).
bool if_match_allows(std::string_view header, const std::optional<std::string>& current);

}  // namespace mfb::rehost::detail
