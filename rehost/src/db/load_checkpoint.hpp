#pragma once
// The checkpoint row a load writes in the same transaction as each chunk: after a crash,
// the committed row says exactly how far the tables go.

#include <cstdint>
#include <optional>
#include <string>

#include "mfb/rehost/db/database.hpp"

namespace mfb::rehost::detail {

struct checkpoint {
  std::string job;
  std::string dataset;
  std::string fingerprint;
  std::uint64_t records = 0;      ///< input records consumed (loaded or rejected)
  std::int64_t record_base = 0;   ///< added to record numbers (append/upsert after earlier rows)
  std::string status;             ///< "running" or "done"
  std::string source_totals;      ///< control_totals JSON of what this load has committed
  std::string expected_totals;    ///< baseline + source, set when the load is done
  std::string mode;
  std::uint64_t rejected = 0;          ///< bad records among `records` (skipped or rejected)
  std::uint64_t reject_bytes = 0;      ///< committed length of the reject file
  std::uint64_t reject_log_bytes = 0;  ///< committed length of its .errors.jsonl
  /// Where the records came from and where the bad ones went (absolute paths; empty for
  /// stdin or without a reject file): what the web inspector reads a record's bytes from.
  /// Written, never read back by a load (a table an older version made may lack them).
  std::string input{};
  std::string reject_file{};
};

/// CREATE TABLE IF NOT EXISTS for the checkpoint table.
std::string checkpoint_sql();
/// Add the columns newer versions keep to a checkpoint table an older version made.
void upgrade_checkpoint_table(database& db);
/// The job's checkpoint, if any.
std::optional<checkpoint> read_checkpoint(database& db, const std::string& job);
/// The newest finished load of `dataset`, if any.
std::optional<checkpoint> last_finished_load(database& db, const std::string& dataset);
/// The newest load of `dataset` (finished or not) with its input and reject file, if any.
std::optional<checkpoint> last_load_with_sources(database& db, const std::string& dataset);
/// Insert or update the job's row (inside the caller's transaction).
void write_checkpoint(database& db, const checkpoint& cp);

}  // namespace mfb::rehost::detail
