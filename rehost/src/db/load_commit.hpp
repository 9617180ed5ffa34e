#pragma once
// The writer thread's side of a load: each chunk's table rows go into the target, and a
// chunk that ends a commit unit stores its checkpoint and commits, so that the target never
// holds rows without the checkpoint that counts them.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "db/load_chunk.hpp"
#include "db/load_setup.hpp"
#include "mfb/rehost/db/database.hpp"
#include "mfb/rehost/db/dataset.hpp"
#include "mfb/rehost/db/load.hpp"

namespace mfb::rehost::detail {

/// The flat index of each record type's first table in a load_chunk's tables (the types'
/// tables one after another), and the count of them all at the end.
std::vector<std::size_t> table_bases(const dataset& ds);

/// Writes chunks for run_load; chunk_writer calls write() on its thread, one at a time.
/// Its state belongs to that thread until chunk_writer::finish() has returned.
class chunk_committer {
 public:
  chunk_committer(database& db, const dataset& ds, const load_options& opts,
                  const load_plan& plan);

  /// Write `c`; commit with its checkpoint when it ends a commit unit. A failure rolls
  /// back and throws what rethrow_write_failure (or complete_duplicate) makes of it.
  void write(const load_chunk& c);

  /// Whether a transaction is still open: what the last chunk left uncommitted.
  bool in_transaction() const { return in_transaction_; }

 private:
  void write_tables(const load_chunk& c);
  void close_open();
  void abandon();

  database& db_;
  const dataset& ds_;
  const load_options& opts_;
  const checkpoint base_;  ///< the checkpoint row as the plan left it
  std::vector<std::size_t> table_base_;
  /// A chunk's parts share one transaction, and a table's rows stream into one open bulk
  /// inserter until another table's rows (or a statement) come.
  bool in_transaction_;
  std::uint64_t committed_;  ///< input records the target holds for good
  std::unique_ptr<bulk_inserter> open_;
  std::size_t open_table_ = 0;
};

}  // namespace mfb::rehost::detail
