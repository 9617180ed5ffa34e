// The benchmarks' realistic mixed record (~300 bytes: text, zoned, packed, binary and an
// OCCURS 12 table of packed amounts) and a deterministic generator of its EBCDIC bytes,
// shared so end-to-end benchmarks and the GnuCOBOL comparison read the same data.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "mfb/ebcdic/code_page.hpp"

namespace mfb::bench {

/// The copybook of the benchmark record (fixed-format, 01 BENCH-REC).
extern const char* const bench_copybook_text;

/// Length in bytes of one BENCH-REC record.
inline constexpr std::size_t bench_record_length = 299;

/// Deterministic writer of BENCH-REC records in EBCDIC; the same seed gives the same bytes
/// on every machine (a fixed LCG, no std:: distributions whose output varies by library).
class bench_record_generator {
 public:
  /// Build a generator that encodes text through `page` (e.g. cp037).
  explicit bench_record_generator(const ebcdic::code_page& page) : page_(page) {}

  /// Write the next record's 299 bytes at `out`; return the JSON line (with "\n") that a
  /// correct decoder produces for it (text trimmed, numbers with their implied decimals).
  /// Throws std::runtime_error if an encoder rejects a value (a generator bug).
  std::string next(std::uint8_t* out);

 private:
  std::uint64_t draw();
  long long range(long long lo, long long hi);
  std::string word(std::size_t max);

  const ebcdic::code_page& page_;
  std::uint64_t state_ = 0x9E3779B97F4A7C15ull;
};

/// Format `v` with `scale` implied decimal places as a JSON/CSV number ("-12.05").
std::string scaled_number(long long v, int scale);

}  // namespace mfb::bench
