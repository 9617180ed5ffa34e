#pragma once
// The conversion pipeline: a reader thread frames batches, N workers decode them, and the
// calling thread consumes the results strictly in input order (a reorder window bounded by
// the number of batches in flight). With one thread everything runs inline.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "mfb/bridge/codec/hierarchy.hpp"
#include "mfb/bridge/codec/record_decoder.hpp"
#include "mfb/bridge/io/record_reader.hpp"
#include "mfb/bridge/codec/record_selector.hpp"
#include "convert/segment_stage.hpp"
#include "convert/styled_rows.hpp"

namespace mfb::bridge::detail {

/// One batch: its records, their decoded text, and what went wrong where.
struct batch_work {
  std::uint64_t seq = 0;
  record_batch batch;
  text_buffer text;
  std::vector<std::size_t> ends;     ///< per record: end of its text (unchanged if not written)
  std::vector<std::int16_t> plans;   ///< per record: plan index, -1 when no rule matched
  static constexpr std::int16_t filtered_plan = -2;  ///< left out by --segment-filter
  std::vector<record_error> errors;
  struct flagged_record {
    std::uint32_t record;  ///< index in the batch
    bool bad;              ///< left out (else: written with null alternatives)
    std::uint32_t err_begin, err_end;
    std::uint64_t undescribed;  ///< written, with this many allowed trailing bytes passed over
  };
  std::vector<flagged_record> flagged;

  // Hierarchical files: filled by the thread that reads (it sees records in file order).
  bool classified = false;  ///< plans (and parents) were set by classify_batch
  /// Per record: its parent's key as output text (parent_text[begin, end)); begin ==
  /// orphan_mark when the record is an orphan (end indexes orphans).
  struct parent_ref {
    std::uint32_t begin = 0, end = 0;
  };
  static constexpr std::uint32_t orphan_mark = 0xFFFFFFFF;
  std::vector<parent_ref> parents;
  std::vector<std::uint64_t> parent_numbers;  ///< per record: its parent's record number, or 0
  std::string parent_text;
  std::vector<std::string> orphans;  ///< why, per orphan record
  // Segment ids (--segment-id-level): per record, its Seg_Id text in segment_text.
  std::vector<parent_ref> segment_refs;
  std::string segment_text;
  std::uint64_t unknown_segments = 0;  ///< records whose segment value is in no level

  void reset() {
    text.clear();
    ends.clear();
    if (!classified) plans.clear();
    errors.clear();
    flagged.clear();
  }
};

/// Choose each record's plan, attach its parent's key and its segment ids, and apply the
/// segment filter, in file order (reading thread). `tracker` and `segments` may be null.
void classify_batch(const record_selector& selector, hierarchy_tracker* tracker,
                    segment_stage* segments, batch_work& w);

/// Decode every record of `w.batch` (from `file`) with the selector's plans (one decoder
/// per plan).
void decode_batch(const record_selector& selector, std::vector<record_decoder>& decoders,
                  const input_file_columns& file, batch_work& w);

/// Read, decode and hand batches to `consume` in input order until the input ends or
/// `consume` returns false. `threads` decoding workers (1: all inline). With an active
/// `tracker` or `segments`, batches are classified on the reading thread before they are
/// decoded.
void run_pipeline(record_reader& reader, const record_selector& selector,
                  hierarchy_tracker* tracker, segment_stage* segments, unsigned threads,
                  std::size_t batch_bytes, const input_file_columns& file,
                  const std::function<bool(batch_work&)>& consume);

}  // namespace mfb::bridge::detail
