#pragma once
// A declared record header (--record-header SPEC): N bytes before each record that hold
// its length (1-4 bytes at any offset, either byte order, plus an adjustment) and,
// optionally, validity bytes. Cobrix's custom record_header_parser, done declaratively.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "mfb/ebcdic/result.hpp"

namespace mfb::bridge {

/// One validity check: the header byte at `offset` must be one of `values`.
struct header_check {
  std::size_t offset = 0;
  std::vector<std::uint8_t> values;
};

/// The shape of each record's header; plain data, made by parse_record_header().
struct record_header_spec {
  std::size_t size = 0;           ///< header bytes before each record's data
  std::size_t length_offset = 0;  ///< where the length lies in the header
  std::size_t length_size = 0;    ///< 1 to 4 bytes
  bool big_endian = true;
  long long adjust = 0;           ///< added to the stored length
  bool includes_header = false;   ///< the (adjusted) length counts the header bytes too
  std::vector<header_check> checks;
  std::string text;               ///< the SPEC as given, for messages

  /// The data bytes that follow a header whose stored length is `stored`; negative when
  /// the adjustment or the header size takes it below zero.
  long long data_length(std::uint64_t stored) const {
    return static_cast<long long>(stored) + adjust - (includes_header ? static_cast<long long>(size) : 0);
  }
};

/// Largest header --record-header accepts.
inline constexpr std::size_t max_record_header = 256;

/// Parse a SPEC: comma-separated items
///   size=N                 header bytes (1-256; required)
///   length=OFF:LEN         the length's offset in the header and its size, 1-4 (required)
///   order=be|le            byte order of the length (default be)
///   adjust=N               added to the length (may be negative; default 0)
///   includes-header        the length counts the header bytes too (default: data only)
///   valid=OFF:V[|V...]     the header byte at OFF must be one of the values (decimal or
///                          0x hex); repeatable
/// or a preset: `rdw` (IBM RDW: size=4,length=0:2,order=be,includes-header,valid=2:0,
/// valid=3:0) or `rdw-le` (Cobrix's little-endian RDW that does not count itself:
/// size=4,length=2:2,order=le,valid=0:0,valid=1:0), or `xcom` (an XCOM header, Cobrix's
/// is_xcom: size=4,length=2:2,order=be, the first 2 bytes not checked).
mfb::result<record_header_spec> parse_record_header(std::string_view spec);

}  // namespace mfb::bridge

namespace mfb::bridge {

struct framing_options;

/// --record-header SPEC on framing whose format is already chosen (left at FB, or HEADER):
/// make it recfm::header with the parsed SPEC. "" when done or `spec` is empty, else why not.
std::string set_record_header(framing_options& framing, std::string_view spec);

/// --rdw-adjust N on framing whose format is already chosen: V/VB/VS/VBS add it to each
/// RDW/SDW length; LENGTH-FIELD adds it to length_adjust (Cobrix applies rdw_adjustment to
/// its record_length_field too). "" when done or N is 0, else why not.
std::string set_rdw_adjust(framing_options& framing, long long adjust);

}  // namespace mfb::bridge
