#pragma once
// Private state behind mfb::ebcdic::code_page. Single-byte pages (and the single-byte
// half of mixed pages) transcode through sbcs_tables; mixed and pure DBCS pages go through
// ICU converters kept per thread (ICU converters are not thread-safe).

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mfb/ebcdic/code_page.hpp"
#include "sbcs_simd.hpp"

namespace mfb::ebcdic::detail {

/// Byte <-> Unicode tables of one single-byte page, built once when the page is opened.
class sbcs_tables {
 public:
  /// Set the byte -> code point table and precompute each byte's UTF-8 form.
  void set_decode(const std::array<char32_t, 256>& code_points) noexcept;
  /// Declare that `cp` encodes to `byte`. The first declaration for a code point wins,
  /// so callers add the preferred (round-trip) byte first.
  void add_encode(char32_t cp, std::uint8_t byte);
  /// Sort the reverse table; call once after the last add_encode.
  void finish_encode();

  /// Decode `len` bytes to UTF-8 at `out` (room for len * max_utf8() bytes); return the
  /// number of bytes written.
  std::size_t decode(const std::uint8_t* in, std::size_t len, char* out) const noexcept;
  /// decode() with a given ASCII-run kernel (tests compare every kernel the CPU has).
  std::size_t decode_with(sbcs_run_fn run, const std::uint8_t* in, std::size_t len,
                          char* out) const noexcept;
  /// Encode UTF-8 into exactly `len` bytes padded with `pad`; unmapped characters fail or
  /// become `sub` as `policy` says.
  decode_status encode(std::string_view utf8, std::uint8_t* out, std::size_t len,
                       unmappable_policy policy, std::uint8_t sub,
                       std::uint8_t pad) const noexcept;
  /// Look up one code point; false when the page has no byte for it.
  bool encode_one(char32_t cp, std::uint8_t& byte) const noexcept;

  const std::array<char32_t, 256>& code_points() const noexcept { return code_points_; }
  std::size_t max_utf8() const noexcept { return max_utf8_; }

 private:
  static constexpr std::uint16_t no_byte = 0x100;
  std::array<char32_t, 256> code_points_{};
  std::array<std::uint32_t, 256> utf8_{};     ///< UTF-8 bytes packed little-endian
  std::array<std::uint8_t, 256> utf8_len_{};
  simd_tables simd_;                          ///< what the SIMD kernels look up
  std::array<std::uint16_t, 256> encode_latin_{};  ///< U+0000..U+00FF -> byte or no_byte
  std::vector<std::pair<char32_t, std::uint8_t>> encode_other_;  ///< sorted by code point
  std::size_t max_utf8_ = 1;

 public:
  sbcs_tables() { encode_latin_.fill(no_byte); }
};

/// One EBCDIC page that ICU ships, as listed by code_page::list().
struct registry_entry {
  code_page_info info;
  std::string icu_name;  ///< ICU's canonical converter name, e.g. "ibm-37_P100-1995"
};

/// Every EBCDIC page ICU ships (non-swapped variants only), sorted by CCSID. Built once.
const std::vector<registry_entry>& registry();
/// Resolve a user-typed name to an index into registry(), or -1.
long find_page(std::string_view name);
/// Short IBM name of a CCSID ("USA/Canada"), or nullptr when our table lacks it.
const char* describe_ccsid(int ccsid) noexcept;

}  // namespace mfb::ebcdic::detail

namespace mfb::ebcdic {

struct code_page::impl {
  code_page_info info;
  std::string icu_name;     ///< empty for custom tables
  std::size_t slot = 0;     ///< registry index, keys the per-thread converter cache
  detail::sbcs_tables sbcs;  ///< single-byte pages, and the SBCS half of mixed pages
  std::uint8_t sub = 0x3F;   ///< substitution byte for unmappable_policy::substitute
  std::uint8_t pad = 0x40;   ///< the page's space
  std::array<std::uint8_t, 2> dbcs_space{0x40, 0x40};
  std::size_t max_utf8 = 3;
  /// Set for pages whose text is not one character per byte (the --ascii text pages drop
  /// control bytes and may decode UTF-8): decode() calls it instead of the table.
  decode_status (*text_decoder)(const impl&, const std::uint8_t*, std::size_t, char*,
                                std::size_t&) noexcept = nullptr;
};

namespace detail {

/// Build a page from ICU's converter for registry entry `slot`.
result<std::shared_ptr<const code_page::impl>> build_icu_page(const registry_entry& entry,
                                                              std::size_t slot);

/// The built-in pages that need no ICU (Latin-1 for ASCII files), by any of their names;
/// nullptr when `name` is none of them. Also finds the common and ASCII text pages.
std::shared_ptr<const code_page::impl> find_builtin_page(std::string_view name);
/// Cobrix's `common` / `common-extended` (code_page_common.cpp), or nullptr.
std::shared_ptr<const code_page::impl> find_common_page(std::string_view name);
code_page_info common_page_info(bool extended);
/// The --ascii text pages ascii-utf8, ascii-latin1, ascii-us-ascii, or nullptr.
std::shared_ptr<const code_page::impl> find_ascii_text_page(std::string_view name);
/// Every built-in page, for code_page::builtin_list().
std::vector<code_page_info> builtin_page_infos();

decode_status mixed_decode(const code_page::impl& p, const std::uint8_t* in, std::size_t len,
                           char* out, std::size_t& written) noexcept;
decode_status dbcs_decode(const code_page::impl& p, const std::uint8_t* in, std::size_t len,
                          char* out, std::size_t& written) noexcept;
decode_status mixed_encode(const code_page::impl& p, std::string_view utf8, std::uint8_t* out,
                           std::size_t len, unmappable_policy policy) noexcept;
decode_status dbcs_encode(const code_page::impl& p, std::string_view utf8, std::uint8_t* out,
                          std::size_t len, unmappable_policy policy) noexcept;

}  // namespace detail
}  // namespace mfb::ebcdic
