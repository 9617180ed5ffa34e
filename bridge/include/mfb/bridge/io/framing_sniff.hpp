#pragma once
// Guess how a file is framed from a bounded sample of its bytes (the first MiB and the last
// 64 KiB): F/FB and its LRECL, V/VB/VS/VBS with the RDW's byte order and whether its length
// counts itself, text lines, and header or trailer bytes. Like DuckDB's CSV sniffer, every
// guess carries its evidence and a score, and bytes that prove nothing score low.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "mfb/bridge/io/framing_options.hpp"
#include "mfb/ebcdic/result.hpp"

namespace mfb::bridge {

/// The bytes a guess looks at; the rest of the file is never read.
struct input_sample {
  std::string name;                ///< the input's name, for messages
  std::vector<std::uint8_t> head;  ///< the first bytes (decompressed when gzip)
  std::vector<std::uint8_t> tail;  ///< the last bytes, when the file is longer than `head`
  long long file_size = -1;        ///< bytes in the (uncompressed) file, -1 when unknown
  /// True when `head` holds the whole file.
  bool whole() const noexcept {
    return file_size >= 0 && head.size() == static_cast<std::size_t>(file_size);
  }
};

inline constexpr std::size_t sniff_head_bytes = std::size_t{1} << 20;
inline constexpr std::size_t sniff_tail_bytes = std::size_t{64} << 10;

/// Read the sample of a file (not stdin): its first `head` and last `tail` bytes.
mfb::result<input_sample> read_input_sample(const std::string& path,
                                            std::size_t head = sniff_head_bytes,
                                            std::size_t tail = sniff_tail_bytes);

/// A guess scoring at least this is one detect states without doubt and framing failures
/// suggest; below `sniff_weak_score` detect says it cannot tell.
inline constexpr double sniff_confident_score = 0.8;
inline constexpr double sniff_weak_score = 0.3;

/// What the copybook says about record lengths (all 0 when there is no copybook).
struct length_hint {
  std::size_t min = 0;             ///< shortest record (ODO tables at their minimum)
  std::size_t max = 0;             ///< longest record
  std::vector<std::size_t> fixed;  ///< each 01 record's length: LRECL candidates
};

/// The length hint of a framing's `layout_lengths` (the copybook's record lengths).
length_hint layout_length_hint(const framing_options& framing);

/// One way to frame the file, with how strongly its bytes support it.
struct framing_guess {
  framing_options framing;   ///< format, lrecl, RDW form, skip_head, skip_tail
  double score = 0;          ///< 0 (no support) to 1 (every check passes on many records)
  std::uint64_t records = 0;  ///< records framed in the sample
  std::size_t shortest = 0;   ///< shortest record framed in the sample
  std::size_t longest = 0;    ///< longest record framed in the sample
  bool to_end = false;        ///< the framing reached the end of the file (not just the sample)
  std::string evidence;       ///< one clause: "RDW chain valid for 300 records to the end of the file"
};

/// Every framing the sample supports, best first (it may be empty: "cannot tell").
std::vector<framing_guess> sniff_framing(const input_sample& sample, const length_hint& lengths);

/// Copies of the first `max_records` records of the sample framed by `framing`.
std::vector<std::vector<std::uint8_t>> sample_records(const input_sample& sample,
                                                      const framing_options& framing,
                                                      std::size_t max_records);

/// The --recfm, --lrecl, RDW and --skip-head/--skip-tail flags that select `framing`.
std::string framing_flags(const framing_options& framing);

/// The format in words: "RECFM=VB (RDW big-endian, counting itself)".
std::string describe_framing(const framing_options& framing);

/// A suggestion for a run that failed on framing: " (this looks like RECFM=VB (...): try
/// --recfm VB)" when the file's sample strongly supports another framing than `used`, else "".
/// Reads the sample of `path` again; "" for stdin or an unreadable file.
std::string framing_suggestion(const std::string& path, const framing_options& used,
                               const length_hint& lengths = {});

}  // namespace mfb::bridge
