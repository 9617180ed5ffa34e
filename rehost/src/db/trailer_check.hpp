#pragma once
// `--trailer-check FIELD=AGGREGATE`: the counts and totals each trailer record claims for
// the records since the previous trailer (a file may hold several header/detail/trailer
// batches), checked against the records actually read. AGGREGATE is `count` (the detail
// records: every type but the trailer's, and but the batch's first record's type when the
// file has three or more types), `count(RECORD)`, or `sum(FIELD)` (every occurrence, exact).

#include <cstdint>
#include <string>
#include <vector>

#include "mfb/rehost/db/control_totals.hpp"
#include "mfb/rehost/db/dataset.hpp"
#include "mfb/bridge/codec/record_decoder.hpp"

namespace mfb::rehost::detail {

class trailer_checker {
 public:
  trailer_checker(const dataset& ds, const std::vector<std::string>& checks);
  /// Why the checks could not be set up ("" when they could).
  const std::string& error() const noexcept { return error_; }
  /// Account one decoded record of record type `type`.
  void observe(std::size_t type, const bridge::cell_row& row);
  /// Account a record a resumed load skips (decoded here, only when checks exist).
  void replay(const bridge::record_view& rec);
  /// Add the outcome of every check to `out`.
  void check(reconciliation& out) const;

 private:
  struct rule {
    std::string text;
    std::size_t trailer_type = 0;
    std::size_t trailer_cell = 0;
    enum class kind { count_details, count_type, sum } what = kind::count_details;
    std::size_t type = 0;                 ///< count_type, sum: the record type
    std::vector<std::size_t> cells;       ///< sum: the summed cells
    // Accumulated since the previous trailer:
    ebcdic::decimal total{};
    bool bad_value = false;
    std::vector<std::uint64_t> per_type;
    long first_type = -1;
  };
  void close_batch(rule& r, std::uint64_t record, std::string_view claimed);
  const dataset* ds_;
  std::vector<rule> rules_;
  std::string error_;
  std::vector<reconciliation_line> results_;
  std::uint64_t records_ = 0;
  std::vector<bridge::record_decoder> decoders_;
  bridge::cell_row scratch_;
  std::vector<bridge::record_error> errors_;
};

}  // namespace mfb::rehost::detail
