#pragma once
// Apply a delta to a loaded dataset's tables: inserts, updates and deletes go in as one
// transaction, committed only when the whole delta has been read, so yesterday's table
// becomes today's or stays as it was.

#include <memory>
#include <string>

#include "mfb/rehost/db/control_totals.hpp"
#include "mfb/rehost/db/database.hpp"
#include "mfb/rehost/db/dataset.hpp"
#include "mfb/bridge/delta/delta.hpp"

namespace mfb::rehost {

/// A delta_sink writing to the tables of a keyed, single-record-type dataset. Updated rows
/// keep their record number; inserted rows take the next free numbers. The expected control
/// totals of the dataset's last finished load follow the changes in the same transaction,
/// so `reconcile` after an applied delta matches, and a row changed by hand still shows.
class table_delta_sink final : public bridge::delta_sink {
 public:
  table_delta_sink(database& db, std::shared_ptr<const dataset> ds);
  ~table_delta_sink() override;

  bool begin(const copybook::record_layout& layout,
             std::span<const bridge::delta_key_field> keys) override;
  bool write(const bridge::delta_event& event) override;
  bool finish(const bridge::delta_counts& counts) override;
  std::string error() const override { return error_; }

 private:
  bool fail(std::string why);
  bool count(const bridge::delta_record& rec, std::int64_t record_no, bool remove);
  database& db_;
  std::shared_ptr<const dataset> ds_;
  bool open_ = false;
  std::string load_job_;     ///< the checkpoint holding the expected totals ("" = none)
  control_totals expected_;  ///< those totals, kept current event by event
  std::string error_;
};

}  // namespace mfb::rehost
