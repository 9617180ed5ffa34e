#pragma once
// The framing flags that tune a format already chosen: the BDW's byte order and adjustment
// (--bdw-order, --bdw-adjust), a partial last record kept (--keep-partial-last-record), and
// the value-to-length map of a length field (--length-map). Cobrix's is_bdw_big_endian,
// bdw_adjustment, debug_ignore_file_size and record_length_map map onto them.

#include <string>
#include <string_view>

#include "mfb/bridge/io/framing_options.hpp"

namespace mfb::bridge {

/// --bdw-order be|le ("" = as the RDWs) and --bdw-adjust N on framing whose format is
/// already chosen: only VB and VBS have BDWs. "" when done (or nothing asked), else why not.
std::string set_bdw_options(framing_options& framing, std::string_view order, long long adjust);

/// --keep-partial-last-record: F and FB only (the other framings say how long each record
/// is, so a cut record there is a framing error). "" when done, else why not.
std::string set_keep_partial_last_record(framing_options& framing, bool keep);

/// --length-map VALUE=LENGTH,...: with --recfm LENGTH-FIELD, the record length for each
/// value of the length field (lengths 1 to 2^31). "" when done or `text` is empty, else why not.
std::string set_length_map(framing_options& framing, std::string_view text);

/// Largest record length --length-map accepts (Cobrix's lengths are Java ints).
inline constexpr std::uint64_t max_mapped_length = std::uint64_t{1} << 31;

}  // namespace mfb::bridge
