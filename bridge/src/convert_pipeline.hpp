#pragma once
// The conversion pipeline: a reader thread frames batches, N workers decode them, and the
// calling thread consumes the results strictly in input order (a reorder window bounded by
// the number of batches in flight). With one thread everything runs inline.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "mfb/bridge/record_decoder.hpp"
#include "mfb/bridge/record_reader.hpp"
#include "mfb/bridge/record_selector.hpp"

namespace mfb::bridge::detail {

/// One batch: its records, their decoded text, and what went wrong where.
struct batch_work {
  std::uint64_t seq = 0;
  record_batch batch;
  text_buffer text;
  std::vector<std::size_t> ends;     ///< per record: end of its text (unchanged if not written)
  std::vector<std::int16_t> plans;   ///< per record: plan index, -1 when no rule matched
  std::vector<record_error> errors;
  struct flagged_record {
    std::uint32_t record;  ///< index in the batch
    bool bad;              ///< left out (else: written with null alternatives)
    std::uint32_t err_begin, err_end;
  };
  std::vector<flagged_record> flagged;

  void reset() {
    text.clear();
    ends.clear();
    plans.clear();
    errors.clear();
    flagged.clear();
  }
};

/// Decode every record of `w.batch` with the selector's plans (one decoder per plan).
void decode_batch(const record_selector& selector, std::vector<record_decoder>& decoders,
                  const std::string& file, batch_work& w);

/// Read, decode and hand batches to `consume` in input order until the input ends or
/// `consume` returns false. `threads` decoding workers (1: all inline).
void run_pipeline(record_reader& reader, const record_selector& selector, unsigned threads,
                  std::size_t batch_bytes, const std::function<bool(batch_work&)>& consume);

}  // namespace mfb::bridge::detail
