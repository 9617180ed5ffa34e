#pragma once
// `mfbridge rehost-file`: an EBCDIC record file turned, field by field, into the data file
// the same COBOL program reads when compiled with GnuCOBOL on Linux (and back with
// `reverse`). Text changes character set, zoned signs change convention, packed fields
// keep their bytes, binary fields take the runtime's byte order, floats become IEEE; the
// records are framed as GnuCOBOL's record sequential or line sequential files.

#include <cstddef>
#include <cstdint>
#include <string>

#include "mfb/bridge/codec/error_policy.hpp"
#include "mfb/bridge/codec/source_spec.hpp"
#include "mfb/bridge/io/outcome.hpp"

namespace mfb::bridge {

/// The character set text fields take in the rehosted file.
enum class rehost_charset : std::uint8_t { ascii, latin1, utf8 };

/// How zoned decimal signs are spelled in the rehosted file (cobc -fsign=).
enum class rehost_sign : std::uint8_t {
  ascii,   ///< -fsign=ASCII (GnuCOBOL's default on Linux): negative overpunch 'p'-'y'
  ebcdic,  ///< -fsign=EBCDIC: the EBCDIC overpunch spelled in ASCII ('{', 'A'-'I', '}', 'J'-'R')
};

/// How the rehosted file is organised (the FD's ORGANIZATION).
enum class rehost_organization : std::uint8_t {
  sequential,       ///< RECORD SEQUENTIAL: fixed records back to back, or COB_VARSEQ_FORMAT 0
  line_sequential,  ///< LINE SEQUENTIAL: one line a record, trailing spaces removed
};

/// The target form of a rehosted file; plain data.
struct rehost_format {
  rehost_charset charset = rehost_charset::ascii;
  rehost_sign sign = rehost_sign::ascii;
  bool binary_native =
      false;                ///< COMP/BINARY in the machine's order (cobc -fbinary-byteorder=native)
  bool substitute = false;  ///< an unmappable character becomes '?' instead of an error
  rehost_organization organization = rehost_organization::sequential;
};

/// Everything `mfbridge rehost-file` needs; plain data with validate().
struct rehost_file_options {
  /// Copybooks, code page, --record / --select, framing and decode options of the EBCDIC
  /// side (read forward, written by `reverse`).
  source_spec source;
  rehost_format format;
  bool reverse = false;            ///< rehosted file in, EBCDIC file out
  std::size_t block_size = 32760;  ///< --reverse to VB: the largest block, BDW included
  std::string input = "-";
  std::string output = "-";
  error_policy on_error = error_policy::fail;
  std::string reject_file;  ///< the rejected records as read (reject policy)
  int messages_limit = 10;  ///< bad records described in full under skip/reject

  /// Check the options; return an empty string when valid, otherwise the reason.
  std::string validate() const;
};

/// What a run did: records read = records written + records rejected.
struct rehost_file_summary {
  failure_kind failure = failure_kind::none;
  std::string message;
  std::uint64_t records_read = 0;
  std::uint64_t records_written = 0;
  std::uint64_t records_rejected = 0;
};

/// Run `mfbridge rehost-file`; messages go to `rep`.
rehost_file_summary run_rehost_file(const rehost_file_options& opts, reporter& rep);

}  // namespace mfb::bridge
