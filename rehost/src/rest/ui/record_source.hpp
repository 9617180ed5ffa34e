#pragma once
// One record of a loaded dataset's input, found by number, by byte offset, or as the next
// record after N that has a bad field, and inspected field by field (bridge::inspect_record):
// the bytes, each elementary item's byte range, its decoded value or the reason it is bad.

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "mfb/rehost/db/dataset.hpp"

namespace mfb::rehost::detail {

/// How the record is chosen (exactly one is set).
struct record_choice {
  std::uint64_t number = 0;     ///< 1-based record number
  std::int64_t offset = -1;     ///< frame from this byte of the file
  std::uint64_t bad_after = 0;  ///< the first record after this one with a bad field
  bool next_bad = false;        ///< bad_after is set (0: from the start)
};

/// The outcome: a JSON document, or an HTTP status and the reason for a problem answer.
struct inspected_record {
  int status = 200;
  std::string problem;
  nlohmann::json body;
};

/// Inspect the chosen record of `input` (the file the last load read) through the dataset's
/// framing and layouts; `type` is the record type asked for (its layout is used when the
/// record selection does not pick one). `scan_limit` caps how many records a search reads.
inspected_record inspect_input(const dataset& ds, std::size_t type, const std::string& input,
                               const record_choice& choice, std::uint64_t scan_limit);

}  // namespace mfb::rehost::detail
