#pragma once
// Compressed record files: gzip (zlib) and bzip2 (libbz2), found by their magic bytes and
// read through one interface, so every framing reads them alike. Concatenated members
// (`cat a.gz b.gz`, `cat a.bz2 b.bz2`) are one stream, as gunzip and bunzip2 read them.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "mfb/ebcdic/result.hpp"

namespace mfb::bridge::detail {

/// Reads up to n compressed bytes; fewer only at the end of the input.
using raw_reader = std::function<mfb::result<std::size_t>(std::uint8_t*, std::size_t)>;

class decompressor {
 public:
  virtual ~decompressor() = default;
  /// Up to n plain bytes; 0 only at the end. A stream cut short or corrupt is an error
  /// naming the file and the format.
  virtual mfb::result<std::size_t> read(std::uint8_t* dst, std::size_t n) = 0;
  /// "gzip" or "bzip2".
  virtual const char* format() const noexcept = 0;
};

/// The bytes a magic sniff needs.
inline constexpr std::size_t magic_size = 4;

/// The decompressor for a stream that starts with `magic` (gzip 1F 8B, bzip2 "BZh1".."BZh9"),
/// reading through `raw`; nullptr for plain data.
mfb::result<std::unique_ptr<decompressor>> make_decompressor(const std::uint8_t* magic,
                                                             std::size_t size, std::string name,
                                                             raw_reader raw);

}  // namespace mfb::bridge::detail
