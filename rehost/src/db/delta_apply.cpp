// The delta applier: each event becomes a write_record (insert, or replace by key) or a
// delete_record, inside one transaction that finish() commits together with the dataset's
// updated expected control totals.

#include "mfb/rehost/db/delta_apply.hpp"

#include "db/load_checkpoint.hpp"
#include "mfb/rehost/db/record_store.hpp"

namespace mfb::rehost {

table_delta_sink::table_delta_sink(database& db, std::shared_ptr<const dataset> ds)
    : db_(db), ds_(std::move(ds)) {}

table_delta_sink::~table_delta_sink() {
  if (open_) db_.rollback();  // finish() never came: the tables stay as they were
}

bool table_delta_sink::fail(std::string why) {
  if (error_.empty()) error_ = "target: " + std::move(why);
  return false;
}

bool table_delta_sink::begin(const copybook::record_layout& layout,
                             std::span<const bridge::delta_key_field>) {
  if (ds_->maps().size() != 1)
    return fail("dataset " + ds_->spec().name + " has several record types; a delta applies to one");
  if (ds_->maps().front().main().primary_key == std::vector<std::size_t>{0})
    return fail("dataset " + ds_->spec().name + " was loaded without --key; a delta needs keyed rows");
  if (ds_->selector().plans().front().layout().length != layout.length)
    return fail("dataset " + ds_->spec().name + "'s record is " +
                std::to_string(ds_->selector().plans().front().layout().length) +
                " bytes long, the delta's " + std::to_string(layout.length));
  try {
    db_.begin();
    open_ = true;
    // The totals reconcile checks against (an upsert load keeps none: nothing to follow).
    auto load = detail::last_finished_load(db_, ds_->spec().name);
    if (load && !load->expected_totals.empty()) {
      auto stored = control_totals::from_json(load->expected_totals);
      if (!stored) return fail(stored.err().message);
      expected_ = control_totals(ds_->maps());
      expected_.add(*stored);
      load_job_ = load->job;
    }
  } catch (const db_error& e) {
    return fail(e.what());
  }
  return true;
}

bool table_delta_sink::count(const bridge::delta_record& rec, std::int64_t record_no, bool remove) {
  if (load_job_.empty()) return true;
  std::vector<std::uint8_t> bytes(rec.bytes.begin(), rec.bytes.end());
  auto counted = count_record(*ds_, 0, bytes, record_no, expected_, remove);
  return counted ? true : fail(counted.err().message);
}

bool table_delta_sink::write(const bridge::delta_event& event) {
  try {
    if (event.op == bridge::delta_op::remove) {
      std::vector<std::uint8_t> bytes(event.old_record.bytes.begin(), event.old_record.bytes.end());
      std::int64_t record_no = 0;
      auto gone = delete_record(db_, *ds_, 0, bytes, &record_no);
      if (!gone) return fail(gone.err().message);
      if (!*gone)
        return fail("record " + std::to_string(event.old_record.number) +
                    " of the old generation is not in the table: the table is not that generation");
      return count(event.old_record, record_no, true);
    }
    std::vector<std::uint8_t> bytes(event.new_record.bytes.begin(), event.new_record.bytes.end());
    const bool update = event.op == bridge::delta_op::update;
    auto written = write_record(db_, *ds_, 0, bytes, update);
    if (!written) return fail("record " + std::to_string(event.new_record.number) + ": " + written.err().message);
    // An updated row keeps its record number: its old rows leave the totals, the new come in.
    if (update && !count(event.old_record, *written, true)) return false;
    return count(event.new_record, *written, false);
  } catch (const db_error& e) {
    return fail(e.what());
  }
}

bool table_delta_sink::finish(const bridge::delta_counts&) {
  try {
    if (!load_job_.empty()) {
      auto load = detail::read_checkpoint(db_, load_job_);
      if (load) {
        load->expected_totals = expected_.to_json();
        detail::write_checkpoint(db_, *load);
      }
    }
    db_.commit();
    open_ = false;
  } catch (const db_error& e) {
    open_ = false;
    db_.rollback();
    return fail(e.what());
  }
  return true;
}

}  // namespace mfb::rehost
