// Chunk storage and the writer thread: one chunk is written while the next is decoded; the
// hand-over swaps buffers, so no row is copied twice.

#include "db/load_chunk.hpp"

#include "mfb/rehost/db/database.hpp"

namespace mfb::rehost::detail {

void table_rows::add(const std::vector<sql_value>& row) {
  width_ = row.size();
  for (const sql_value& v : row) {
    text_.append(v.text);
    ends_.push_back(static_cast<std::uint32_t>(text_.size()));
    nulls_.push_back(v.null ? 1 : 0);
  }
  ++rows_;
}

void table_rows::clear() noexcept {
  text_.clear();
  ends_.clear();
  nulls_.clear();
  rows_ = 0;
}

void load_chunk::clear() {
  for (auto& t : tables) t.clear();
  records = 0;
  first_record = 0;
  last_with_rows = 0;
  commit = false;
}

chunk_writer::chunk_writer(write_fn write) : write_(std::move(write)) {
  thread_ = std::thread([this] { loop(); });
}

chunk_writer::~chunk_writer() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    done_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

bool chunk_writer::submit(load_chunk& chunk) {
  std::unique_lock<std::mutex> lock(mu_);
  cv_.wait(lock, [&] { return (!pending_ && !busy_) || !error_.empty(); });
  if (!error_.empty()) return false;
  pending_.emplace();
  std::swap(*pending_, chunk);
  if (chunk.tables.size() != pending_->tables.size()) chunk.tables.resize(pending_->tables.size());
  chunk.clear();
  cv_.notify_all();
  return true;
}

bool chunk_writer::finish() {
  std::unique_lock<std::mutex> lock(mu_);
  cv_.wait(lock, [&] { return (!pending_ && !busy_) || !error_.empty(); });
  return error_.empty();
}

void chunk_writer::loop() {
  for (;;) {
    load_chunk work;
    {
      std::unique_lock<std::mutex> lock(mu_);
      cv_.wait(lock, [&] { return pending_.has_value() || done_; });
      if (!pending_) return;
      work = std::move(*pending_);
      pending_.reset();
      busy_ = true;
    }
    std::string failure;
    bool bad_data = false;
    try {
      write_(work);
    } catch (const duplicate_key_error& e) {
      failure = e.what();
      bad_data = true;
    } catch (const unstorable_value_error& e) {
      failure = e.what();
      bad_data = true;
    } catch (const std::exception& e) {
      failure = e.what();
    }
    {
      std::lock_guard<std::mutex> lock(mu_);
      busy_ = false;
      if (!failure.empty() && error_.empty()) {
        error_ = failure;
        bad_data_ = bad_data;
      }
    }
    cv_.notify_all();
  }
}

// Rethrow the writer's failure (inside a catch). A target that went away (the server
// stopped, the disk filled) is said as such, with where the load got to and how to go on.
[[noreturn]] void rethrow_write_failure(const load_chunk& c, std::uint64_t committed) {
  try {
    throw;
  } catch (const db_unavailable& e) {
    const std::string upto = std::to_string(committed);
    std::string where = c.first_record == 0
                            ? "while committing the records up to " + std::to_string(c.last_record)
                            : "at record " + std::to_string(c.first_record) +
                                  " (while storing records " + std::to_string(c.first_record) +
                                  " to " + std::to_string(c.last_with_rows) + ")";
    throw db_unavailable(std::string(e.what()) + " " + where + "; records up to " + upto +
                         " are committed: run the same command again to resume after record " +
                         upto);
  }
}

}  // namespace mfb::rehost::detail
