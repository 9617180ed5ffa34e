#pragma once
// The parts of a load around the record loop: deciding fresh start or resume (and creating
// tables for a fresh start), and, at the end, marking the load done and reconciling.

#include <string>

#include "db/load_checkpoint.hpp"
#include "mfb/rehost/db/control_totals.hpp"
#include "mfb/rehost/db/dataset.hpp"
#include "mfb/rehost/db/load.hpp"

namespace mfb::rehost::detail {

struct load_plan {
  detail::checkpoint row;           ///< the checkpoint row each chunk updates
  std::uint64_t skip = 0;           ///< records an interrupted run already committed
  control_totals committed_totals;  ///< their source totals
  control_totals baseline;          ///< what the tables held before this load (append)
  bool usage_error = false;         ///< the refusal is the user's to fix (exit 1, not 4)
  bool open_transaction = false;    ///< a fresh start's setup waits to commit with chunk 1
  bool split_done = false;          ///< this split of a distributed load is done already
};

/// The mode's name as stored in the checkpoint.
const char* mode_name(load_mode m);

/// Resume or start afresh; for a fresh start create the tables, the catalog entry and the
/// checkpoint row in a transaction left open for the first chunk (open_transaction).
/// Returns a reason to stop, or "".
std::string prepare_load(database& db, const dataset& ds, const load_options& opts,
                         load_plan& plan, bridge::reporter& rep);

/// Mark the load done, store the expected totals and reconcile the target against them
/// (upsert loads are not reconciled: replaced rows make sums incomparable).
void finish_load(database& db, const dataset& ds, const load_options& opts, load_plan& plan,
                 const control_totals& source, load_summary& summary);

/// A split's checkpoint status once its range is stored ("done" is kept for whole loads, so
/// that last_finished_load never takes one split for the dataset's load).
inline constexpr const char* split_done_status = "split-done";

/// One split of a distributed load is over: mark its checkpoint done with its source
/// totals (keys, indexes and reconciliation wait for finish_split_load).
void finish_split(database& db, load_plan& plan, const control_totals& source,
                  const load_summary& summary);

/// The highest record number in the dataset's main tables (0 when empty or absent).
std::int64_t max_record_no(database& db, const dataset& ds);

/// `"k1" = $1 AND ...` for the primary key of `main`, its values from `row` appended to
/// `params`.
std::string key_condition(const sql_table& main, const std::vector<sql_value>& row,
                          sql_params& params);

/// Delete the main-table row with `row`'s key (upsert); children go by ON DELETE CASCADE.
void delete_by_key(database& db, const sql_table& table, const std::vector<sql_value>& row);

}  // namespace mfb::rehost::detail
