#pragma once
// EBCDIC code pages through ICU: single-byte pages decode through 256-entry tables built
// once when the page is opened; mixed SBCS/DBCS pages (SO 0x0E / SI 0x0F) and pure DBCS
// go through ICU converters. All const members are safe to call from many threads.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "mfb/ebcdic/decode_status.hpp"
#include "mfb/ebcdic/result.hpp"

namespace mfb::ebcdic {

enum class page_kind : std::uint8_t { single_byte, mixed, double_byte };

/// What to do with a character that has no mapping when encoding.
enum class unmappable_policy : std::uint8_t { fail, substitute };

struct code_page_info {
  std::string name;                  ///< canonical: "cp037"
  int ccsid = 0;                     ///< 37
  page_kind kind = page_kind::single_byte;
  std::string description;          ///< e.g. "USA/Canada", from our table of IBM names
  std::vector<std::string> aliases;  ///< names accepted by open(), ICU's included
};

class code_page {
 public:
  /// Open a page by any accepted name: cp037, 037, 37, ibm-037, IBM037, ibm-37, CCSID37,
  /// ebcdic-cp-us, ... and latin1 / iso-8859-1 / ascii for ASCII files (built in: byte b
  /// is U+00bb). Unknown names fail with a message listing how to see the pages.
  static result<code_page> open(std::string_view name);

  /// Load a site-patched single-byte page: lines "XX U+YYYY" (byte to Unicode code point),
  /// all 256 of them, or after "base=NAME" only the bytes that differ (ebcdic/README.md).
  /// Errors name the file and line.
  static result<code_page> from_table_file(const std::filesystem::path& file);

  /// Every EBCDIC page ICU ships, sorted by CCSID (LF/NL-swapped variants left out; the
  /// built-in Latin-1 page is not EBCDIC and not listed).
  static std::vector<code_page_info> list();
  /// The pages built in without ICU: latin1, Cobrix's common and common-extended, and the
  /// --ascii text pages (ascii-utf8, ascii-latin1, ascii-us-ascii).
  static std::vector<code_page_info> builtin_list();

  const code_page_info& info() const noexcept;
  page_kind kind() const noexcept;

  /// True when text does not decode one character per byte (the --ascii text pages): such
  /// text must go through decode(), not the sbcs_table(), which then only holds ASCII.
  bool variable_width_text() const noexcept;

  /// Most UTF-8 bytes one input byte can produce (for sizing output buffers).
  std::size_t max_utf8_per_byte() const noexcept;

  /// Decode text bytes (SBCS, or mixed with SO/SI) to UTF-8 at `out`, which must hold
  /// `len * max_utf8_per_byte()` bytes. Sets `written`. No allocation for single-byte pages.
  decode_status decode(const std::uint8_t* in, std::size_t len, char* out,
                       std::size_t& written) const noexcept;

  /// Decode pure DBCS bytes (PIC G / DISPLAY-1, no SO/SI) to UTF-8; same buffer rule.
  /// Odd length: odd_dbcs_length; an SO/SI byte inside: bad_shift; a single-byte page
  /// (no DBCS half): unmappable.
  decode_status decode_dbcs(const std::uint8_t* in, std::size_t len, char* out,
                            std::size_t& written) const noexcept;

  /// Encode UTF-8 into exactly `len` bytes at `out`, padded with the page's space (0x40;
  /// DBCS space 0x4040 for encode_dbcs). Fails with overflow when the text does not fit,
  /// unmappable for an unmapped character unless the policy substitutes (0x3F, or 0xFEFE
  /// in DBCS), and unmappable for malformed UTF-8. On failure `out` holds garbage.
  decode_status encode(std::string_view utf8, std::uint8_t* out, std::size_t len,
                       unmappable_policy policy = unmappable_policy::fail) const noexcept;
  decode_status encode_dbcs(std::string_view utf8, std::uint8_t* out, std::size_t len,
                            unmappable_policy policy = unmappable_policy::fail) const noexcept;

  /// For single-byte pages: the 256-entry byte -> code point table (nullptr otherwise).
  const std::uint32_t* sbcs_table() const noexcept;

  code_page(const code_page&);
  code_page& operator=(const code_page&);
  code_page(code_page&&) noexcept;
  code_page& operator=(code_page&&) noexcept;
  ~code_page();

  struct impl;

 private:
  explicit code_page(std::shared_ptr<const impl> p);
  std::shared_ptr<const impl> impl_;
};

/// NATIONAL (UTF-16BE, surrogate pairs included) to UTF-8; `out` needs 3 bytes per 2 input
/// bytes (4 per surrogate pair, which is 4 input bytes). A lone surrogate is invalid_utf16;
/// an odd byte count is invalid_length.
decode_status decode_national(const std::uint8_t* in, std::size_t len, char* out,
                              std::size_t& written) noexcept;

/// UTF-8 to UTF-16BE in exactly `len` bytes, padded with U+0020. Odd `len`: invalid_length;
/// malformed UTF-8: unmappable.
decode_status encode_national(std::string_view utf8, std::uint8_t* out, std::size_t len) noexcept;

}  // namespace mfb::ebcdic
