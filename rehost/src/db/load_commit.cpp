// The writer thread's side of a load; see load_commit.hpp.

#include "db/load_commit.hpp"

#include "db/load_checkpoint.hpp"
#include "db/load_duplicates.hpp"

namespace mfb::rehost::detail {

std::vector<std::size_t> table_bases(const dataset& ds) {
  std::vector<std::size_t> bases;
  std::size_t n_tables = 0;
  for (const auto& m : ds.maps()) {
    bases.push_back(n_tables);
    n_tables += m.tables().size();
  }
  bases.push_back(n_tables);
  return bases;
}

chunk_committer::chunk_committer(database& db, const dataset& ds, const load_options& opts,
                                 const load_plan& plan)
    : db_(db),
      ds_(ds),
      opts_(opts),
      base_(plan.row),
      table_base_(table_bases(ds)),
      in_transaction_(plan.open_transaction),
      committed_(plan.skip) {}

void chunk_committer::close_open() {
  if (open_) open_->finish();
  open_.reset();
}

void chunk_committer::abandon() {
  open_.reset();
  in_transaction_ = false;
  db_.rollback();
}

void chunk_committer::write_tables(const load_chunk& c) {
  const auto& maps = ds_.maps();
  for (std::size_t m = 0; m < maps.size(); ++m)
    for (std::size_t t = 0; t < maps[m].tables().size(); ++t) {
      const std::size_t flat = table_base_[m] + t;
      const auto& rows = c.tables[flat];
      if (rows.rows() == 0) continue;
      const sql_table& table = maps[m].tables()[t];
      if (open_ && open_table_ != flat) close_open();
      if (opts_.mode == load_mode::upsert && t == 0) {
        close_open();
        rows.each([&](const std::vector<sql_value>& r) { delete_by_key(db_, table, r); });
      }
      if (!open_) open_ = db_.bulk(table);
      open_table_ = flat;
      rows.each([&](const std::vector<sql_value>& r) { open_->add(r); });
      open_->flush();
    }
}

void chunk_committer::write(const load_chunk& c) {
  try {
    if (!in_transaction_) db_.begin();
    in_transaction_ = true;
    write_tables(c);
    if (!c.commit) return;
    close_open();
    checkpoint next = base_;
    next.records = c.last_record;
    next.source_totals = c.totals_json;
    next.rejected = c.rejects.rejected;
    next.reject_bytes = c.rejects.bytes;
    next.reject_log_bytes = c.rejects.log_bytes;
    write_checkpoint(db_, next);
    in_transaction_ = false;
    db_.commit();
    committed_ = c.last_record;
  } catch (const duplicate_key_error& e) {
    abandon();
    throw complete_duplicate(db_, ds_, e, opts_.input, base_.record_base);
  } catch (...) {
    abandon();
    rethrow_write_failure(c, committed_);
  }
}

}  // namespace mfb::rehost::detail
