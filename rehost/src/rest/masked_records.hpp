#pragma once
// Records answered to a read-masked key: the stored record encoded to its mainframe bytes,
// masked by the dataset's policy (the same engine as --mask), and decoded back, so the
// answer can never hold an original value of a masked field.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "mfb/bridge/mask/record_masker.hpp"
#include "mfb/rehost/db/dataset.hpp"
#include "mfb/rehost/db/record_store.hpp"
#include "mfb/rehost/rest/config.hpp"
#include "mfb/rehost/rest/http_types.hpp"

namespace mfb::rehost::detail {

struct masked_view {
  std::vector<bridge::record_masker> maskers;  ///< one per record type
};

/// The masked view of dataset `name` for a read-masked key; nullopt with `problem` set
/// (403) when the config names no policy for it, the policy cannot apply, or the dataset's
/// key is masked (lookups and paging by original key values would reveal them). Fields named
/// in `looked_up` (COBOL names) must be unmasked too: a lookup by one of them tells the
/// caller whether an original value is there.
std::optional<masked_view> open_masked_view(const server_config& config, const std::string& name,
                                            const dataset& ds, http_response& problem,
                                            const std::vector<std::string>& looked_up = {});

/// The record's canonical JSON after masking (no _parent: it holds the parent's original
/// key); `bytes` receives the masked mainframe bytes. "" with `why` set on failure.
std::string masked_answer(const dataset& ds, const stored_record& rec, masked_view& view,
                          std::vector<std::uint8_t>& bytes, std::string& why);

}  // namespace mfb::rehost::detail
