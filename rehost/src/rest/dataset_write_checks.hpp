#pragma once
// The checks a dataset write makes besides the copybook's: the key in the URL, If-Match,
// and that the target keeps the record exactly. Internal to rehost.

#include <optional>
#include <string>
#include <vector>

#include "rest/dataset_keys.hpp"
#include "mfb/rehost/db/record_store.hpp"
#include "mfb/rehost/rest/config.hpp"
#include "mfb/rehost/rest/http_types.hpp"

namespace mfb::rehost::detail {

/// The key in the URL, checked and written the way its columns store it; false with
/// `problem` (400 for a wrong count of parts, `status` for a value that does not fit).
bool path_key(const key_spec& key, const std::string& text, std::vector<std::string>& parts, int status,
              http_response& problem);

/// If-Match against the record as it is now (`before_json`, read inside the write's
/// transaction): 428 when the dataset requires it and it is missing, 412 when it names
/// another version. POST needs none.
bool check_if_match(const server_config& config, const dataset_ref& ref, const http_request& req,
                    const std::string& method, const std::optional<std::string>& before_json,
                    http_response& problem);

/// Whether the record read back (`after`) encodes to the bytes the request encoded to
/// (`sent`): a value cut or changed by the target is a 422 naming the field.
bool stored_exactly(const rehost::dataset& ds, std::size_t type, const std::vector<std::uint8_t>& sent,
                    const rehost::stored_record& after, http_response& problem);

}  // namespace mfb::rehost::detail
