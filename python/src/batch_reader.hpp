#pragma once
// The reader behind mfbridge.read(): opens a source through the library (open_source,
// record_reader), then decodes up to N records per call into column stores. Opening and
// decoding run with the GIL released, so Python threads (and Dask's threaded workers)
// decode in parallel; only turning the columns into Python objects holds it.

#include <pybind11/pybind11.h>

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "columns.hpp"
#include "mfb/bridge/io/split_plan.hpp"
#include "mfb/mfbridge.hpp"

namespace mfb::python {

class batch_reader {
 public:
  /// Open `path` with the keyword options (spec_options.hpp, plus nested, on_error and
  /// range: one split, as splits() gives it).
  batch_reader(std::string path, pybind11::dict options);

  /// Decode up to `max_records` records: (list of per-record-type dicts, list of error
  /// dicts), or None at the end of the input. Raises the failure a bad record or framing
  /// error is under on_error="fail"; skipped records' errors come back in the list.
  pybind11::object next(std::size_t max_records);
  /// Per record type: {"type": name, "columns": [schema...]} (columns.hpp).
  pybind11::list schema() const;

 private:
  void open(const std::string& path);
  std::unique_ptr<bridge::record_reader> open_whole(const std::string& path);
  std::unique_ptr<bridge::record_reader> open_range(const std::string& path);
  void decode_one(const bridge::record_view& rec);
  static void check_signals();
  bool done_ = false;
  bool nested_ = false;
  bridge::error_policy policy_ = bridge::error_policy::fail;
  bridge::source_spec spec_;
  std::optional<bridge::byte_range> range_;  ///< range=: one split of the file
  std::unique_ptr<bridge::opened_source> source_;
  std::unique_ptr<bridge::record_reader> reader_;
  bridge::record_batch batch_;
  std::size_t pos_ = 0;
  std::vector<bridge::record_decoder> decoders_;
  std::vector<column_store> stores_;
  bridge::cell_row row_;
  bridge::text_buffer line_;
  std::vector<bridge::record_error> errors_;   ///< this call's, kept or raised
  std::vector<bridge::record_error> scratch_;  ///< one record's
  std::mutex busy_;  ///< one call at a time per reader (the GIL no longer serialises them)
};

/// Register the reader class with the module.
void register_batch_reader(pybind11::module_& m);

}  // namespace mfb::python
