#pragma once
// How an input file is cut into records: F/FB, V/VB (RDW/BDW), spanned VS/VBS, text lines,
// a length field inside the record, or a caller-supplied length function.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mfb/bridge/io/record_header.hpp"
#include "mfb/ebcdic/result.hpp"

namespace mfb::bridge {

/// Record format of the input, named after the z/OS RECFM values it mirrors.
enum class recfm {
  f,             ///< fixed: every record is `lrecl` bytes
  fb,            ///< fixed blocked: same bytes as F once the file leaves the mainframe
  v,             ///< variable: each record starts with a 4-byte RDW (no block descriptors)
  vb,            ///< variable blocked: 4-byte BDW, then the block's RDW-prefixed records
  vs,            ///< variable spanned: segment descriptor words (SDW) only, no BDWs
  vbs,           ///< variable blocked spanned: BDW, then SDW-prefixed segments
  text_lines,    ///< one record per line, LF or CRLF (data sent in text mode)
  length_field,  ///< the record length is read from a field inside the record
  custom,        ///< the record length comes from `framing_options::record_length`
  header,        ///< a declared header before each record (`framing_options::header`)
};

/// Encoding of the length field for recfm::length_field.
enum class length_field_encoding {
  binary_big_endian,     ///< COMP / COMP-4 / COMP-5 as stored on the mainframe
  binary_little_endian,  ///< binary written by an x86 program
  ebcdic_digits,         ///< unsigned zoned decimal in EBCDIC (F0-F9; last zone C/D/F allowed)
  ascii_digits,          ///< unsigned zoned decimal in ASCII ('0'-'9')
};

/// Result of a custom length function: the record length, 0 for "more bytes needed", or an error.
using record_length_fn = std::function<mfb::result<std::size_t>(std::span<const std::uint8_t>)>;

/// Options that choose and tune the framing; plain data, checked by validate().
struct framing_options {
  recfm format = recfm::fb;
  std::size_t lrecl = 0;  ///< F/FB: record length (required); ignored by other formats

  /// V/VB/VS/VBS: IBM writes RDW/BDW big-endian (LL LL 00 00). Little-endian means the
  /// 4 bytes reversed (00 00 LL LL with LL little-endian), as Cobrix reads x86-written files.
  bool rdw_big_endian = true;
  /// IBM's RDW/SDW length counts its own 4 bytes; GnuCOBOL (varseq_format 0) and Cobrix
  /// count only the data. A BDW always counts itself. A length of 0 is always an error.
  bool rdw_includes_header = true;
  /// Added to every RDW/SDW length (Cobrix's rdw_adjustment; may be negative). The
  /// adjusted length is checked as the stored one would be.
  long long rdw_adjust = 0;
  /// VB/VBS: the BDW's byte order; unset, it follows the RDWs (rdw_big_endian). Cobrix's
  /// is_bdw_big_endian sets it apart from the RDWs' order.
  std::optional<bool> bdw_big_endian;
  /// VB/VBS: added to every BDW length (Cobrix's bdw_adjustment; may be negative). The
  /// adjusted length still counts the BDW itself and is checked as a stored one would be.
  long long bdw_adjust = 0;
  /// F/FB: a last record cut short by the end of the file is handed out as it is (shorter
  /// than lrecl), so the decoder reports it as a bad record under --on-error, instead of
  /// framing stopping there (Cobrix's debug_ignore_file_size). Never dropped.
  bool keep_partial_last_record = false;

  std::size_t skip_head = 0;  ///< leading bytes of the file to ignore (a file header)
  std::size_t skip_tail = 0;  ///< trailing bytes of the file to ignore (a file trailer)
  std::size_t record_start_offset = 0;  ///< bytes to drop at the start of each framed record
  std::size_t record_end_offset = 0;    ///< bytes to drop at the end of each framed record

  // recfm::length_field: length = value of the field + length_adjust (the whole record,
  // counted from its first byte; the field must lie inside the record).
  std::size_t length_field_offset = 0;
  std::size_t length_field_size = 0;  ///< 1, 2, 4 or 8 for binary; 1-18 for digits
  length_field_encoding length_field_kind = length_field_encoding::binary_big_endian;
  long long length_adjust = 0;
  /// recfm::length_field with a map (Cobrix's record_length_map): the field's value (text
  /// trimmed, or a number's digits) -> the record length, instead of the value itself.
  /// Resolved by the codec layer (a text field needs the code page) into recfm::custom.
  std::vector<std::pair<std::string, std::uint64_t>> length_map;

  /// recfm::custom: called with the bytes available from the record start (never empty);
  /// returns the record length, 0 if more bytes are needed, or an error.
  record_length_fn record_length;

  /// recfm::header: the declared header (--record-header SPEC).
  record_header_spec header;

  bool detect_gzip = true;  ///< decompress input whose first bytes are the gzip magic (1F 8B)

  /// The copybook's record lengths (LRECL candidates) and whether a framing failure on a
  /// file carries a suggestion ("this looks like RECFM=VB ...: try --recfm VB"), which
  /// re-reads a bounded sample of the file (io/framing_sniff.hpp).
  std::vector<std::size_t> layout_lengths;
  bool suggest_framing = true;

  /// The BDW's byte order: bdw_big_endian when set, else the RDWs' order.
  bool bdw_is_big_endian() const noexcept { return bdw_big_endian.value_or(rdw_big_endian); }

  /// Return the default options (FB, lrecl still to be set).
  static framing_options defaults() { return {}; }
  /// Check the options; return an empty string when valid, otherwise the reason.
  std::string validate() const;
};

/// Parse a --recfm value (F, FB, V, VB, VS, VBS, TEXT/LINES, LENGTH-FIELD; any case).
std::optional<recfm> parse_recfm(std::string_view text);
/// Return the upper-case name of a record format ("FB", "VBS", "TEXT", ...).
std::string_view to_string(recfm format);

/// Largest RDW/SDW length value accepted (IBM's 32,760-byte block limit).
inline constexpr std::size_t max_rdw_length = 32760;

}  // namespace mfb::bridge
