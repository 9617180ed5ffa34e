#pragma once
// Splitting one input file into byte ranges that separate processes (or machines) read on
// their own, so that every record belongs to exactly one range and keeps the record number
// it has in a one-process run.
//
// How a boundary is found, by record format:
//   F/FB      arithmetic: skip_head + k * lrecl.
//   TEXT      the first line start at or after the target offset.
//   V/VB/VS/VBS  resynchronisation: the one position in a window around the target where a
//             chain of `chain` consecutive valid descriptors (BDW + RDWs filling the block
//             exactly, RDW, SDW with consistent segment controls) starts; every other
//             position whose chain is valid must lie on that same chain, else the window is
//             ambiguous. Record numbers then come from one framing pass per range (in
//             parallel), which also proves each boundary: range i, framed from its start,
//             must end exactly where range i+1 starts. An ambiguous window or a range that
//             does not end on the next boundary falls back to a sequential index pass, with
//             a warning: a false resync point is never accepted silently.
//   with an index  (`index_path`) boundaries and record numbers come from the index file:
//             built in one sequential pass when absent or stale, reused when its file size,
//             modification time, head hash and framing match.
// Gzip input, stdin and other non-regular files cannot be split.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mfb/bridge/io/framing_options.hpp"
#include "mfb/bridge/io/outcome.hpp"
#include "mfb/bridge/io/record_reader.hpp"
#include "mfb/ebcdic/result.hpp"

namespace mfb::bridge {

/// A part of an input file: bytes [offset, offset + length) hold whole records, the first of
/// which is record `first_record` of the whole file (1-based, as in a one-process run).
struct byte_range {
  std::uint64_t offset = 0;
  std::uint64_t length = 0;
  std::uint64_t first_record = 1;
  std::uint64_t records = 0;  ///< records framed in the range (known after planning)
};

/// A record where a range may start (a hierarchy's root record); nullptr: any record.
using split_start_filter = std::function<bool(const record_view&)>;

/// How to split; plain data with defaults() and validate().
struct split_options {
  std::uint64_t target_size = std::uint64_t{256} << 20;  ///< bytes per range (about)
  unsigned count = 0;          ///< when not 0: exactly this many ranges (some may be empty)
  std::string index_path;      ///< variable/TEXT files: the index to reuse or build
  unsigned chain = 8;          ///< descriptors a resync point's chain must pass
  std::uint64_t index_step = std::uint64_t{16} << 20;  ///< bytes between index entries
  unsigned threads = 0;        ///< framing passes in parallel; 0 = all cores
  split_start_filter may_start;  ///< boundaries move forward to a record this accepts

  static split_options defaults() { return {}; }
  std::string validate() const;
};

/// The ranges of one file, in file order; together they cover [data_start, data_end).
struct split_plan {
  std::string file;
  std::uint64_t file_size = 0;
  std::uint64_t data_start = 0;  ///< after skip_head
  std::uint64_t data_end = 0;    ///< before skip_tail
  recfm format = recfm::fb;
  std::string method;  ///< "arithmetic", "lines", "resync", "index" or "sequential"
  std::uint64_t records = 0;  ///< all records of the file
  std::vector<byte_range> ranges;

  /// {"file":..,"size":..,"recfm":..,"method":..,"records":..,"ranges":[{"index":0,
  /// "offset":..,"length":..,"first_record":..,"records":..},...]} on one line.
  std::string to_json() const;
};

/// What planning did: the plan, or why it failed (usage: bad options or a file that cannot
/// be split; bad_data: framing errors, named by record and offset; target: I/O).
struct split_result {
  failure_kind failure = failure_kind::none;
  std::string message;
  split_plan plan;
};

/// Plan the ranges of `path` framed by `framing` (already resolved: lrecl set for F/FB).
/// Warnings (an ambiguous resync, a rebuilt index) go to `rep`.
split_result plan_byte_ranges(const std::string& path, const framing_options& framing,
                              const split_options& options, reporter& rep);

/// Open a reader over one range only: numbering starts at range.first_record and record
/// offsets stay offsets in the whole file. skip_head and skip_tail do not apply (the plan
/// already left them out). Fails for gzip input.
result<std::unique_ptr<record_reader>> open_range_reader(const std::string& path,
                                                         framing_options framing,
                                                         const byte_range& range);

/// "I/N" (0 <= I < N): which split of how many; the reason when malformed.
struct split_choice {
  unsigned index = 0;
  unsigned count = 1;
};
result<split_choice> parse_split_choice(std::string_view text);

/// "256M", "1G", "4096", "64KB": bytes (K, M, G, T are powers of 1024); nullopt when
/// malformed or too large. What --target-size and Python's target_size take.
std::optional<std::uint64_t> parse_byte_size(std::string_view text);

/// "OFF:LEN" or "OFF:LEN:FIRST" (first record number; 0 when not given).
result<byte_range> parse_byte_range(std::string_view text);

/// Check a hand-given range against the file and framing: inside the data, and for F/FB on
/// record boundaries (then first_record is computed when it was 0). Variable and TEXT
/// ranges need their first record number (from `mfbridge splits`).
result<byte_range> check_byte_range(const std::string& path, const framing_options& framing,
                                    byte_range range);

}  // namespace mfb::bridge
