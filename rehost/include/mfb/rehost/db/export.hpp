#pragma once
// `mfbridge export` and `mfbridge reconcile` as library calls: a dataset's tables back to a
// mainframe file (in record-number order, every record type interleaved as in the input),
// and the target's control totals checked against those its last load recorded.

#include <cstdint>
#include <memory>
#include <string>

#include "mfb/bridge/io/outcome.hpp"
#include "mfb/bridge/mask/mask_report.hpp"
#include "mfb/rehost/db/control_totals.hpp"

namespace mfb::rehost {

struct export_options {
  std::string target;
  std::string dataset;
  std::string output = "-";
  std::string recfm;         ///< override the dataset's record format (F, FB, V, VB)
  std::size_t lrecl = 0;     ///< override the F/FB record length
  std::size_t block_size = 0;  ///< override the VB block size (default: as loaded, else 32760)
  std::size_t page_rows = 5000;
  /// Write a keyed dataset in key order instead of record-number order (a sorted master
  /// file after deltas, whose new rows were numbered after the old ones).
  bool order_by_key = false;
  /// --mask: each record is masked after it is encoded (a dropped field holds spaces or
  /// zeros, so the file stays valid by its copybook); null: no masking.
  std::shared_ptr<const bridge::mask_run> mask;
};

struct export_summary {
  bridge::failure_kind failure = bridge::failure_kind::none;
  std::string message;
  std::uint64_t records_written = 0;
  std::uint64_t bytes_written = 0;
  double seconds = 0;
  bridge::mask_report mask;  ///< with export_options::mask: the fields and what was done
};

/// Write every record of the dataset to `output`; messages go to `rep`.
export_summary run_export(const export_options& opts, bridge::reporter& rep);

struct reconcile_options {
  std::string target;
  std::string dataset;
  bool json = false;  ///< the caller shows the JSON report instead of the text one
};

/// A reconciliation: the report when one was made (failure none or mismatch), else why not.
struct reconcile_result {
  bridge::failure_kind failure = bridge::failure_kind::none;  ///< usage: no such load
  std::string message;
  reconciliation report;
};

/// Recompute the dataset's totals from the target and compare them with the expected
/// totals its last finished load stored.
reconcile_result run_reconcile(const reconcile_options& opts);

}  // namespace mfb::rehost
