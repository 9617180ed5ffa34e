// Checkpoint rows, and the input fingerprint that tells a resumed load it reads the same file.

#include "db/load_checkpoint.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <ctime>
#include <cstdio>
#include <fstream>
#include <vector>

#include "mfb/rehost/db/load.hpp"

namespace mfb::rehost {

namespace detail {

std::string checkpoint_sql() {
  return "CREATE TABLE IF NOT EXISTS mfbridge_checkpoints (\n"
         "  job TEXT PRIMARY KEY,\n"
         "  dataset TEXT NOT NULL,\n"
         "  fingerprint TEXT NOT NULL,\n"
         "  records BIGINT NOT NULL,\n"
         "  record_base BIGINT NOT NULL,\n"
         "  status TEXT NOT NULL,\n"
         "  mode TEXT NOT NULL,\n"
         "  source_totals TEXT NOT NULL,\n"
         "  expected_totals TEXT,\n"
         "  updated_at TEXT NOT NULL,\n"
         "  rejected BIGINT NOT NULL DEFAULT 0,\n"
         "  reject_bytes BIGINT NOT NULL DEFAULT 0,\n"
         "  reject_log_bytes BIGINT NOT NULL DEFAULT 0,\n"
         "  input TEXT,\n"
         "  reject_file TEXT)";
}

void upgrade_checkpoint_table(database& db) {
  if (!db.table_exists("mfbridge_checkpoints")) return;
  auto have = db.query("SELECT * FROM mfbridge_checkpoints LIMIT 0").columns;
  for (const char* c : {"rejected", "reject_bytes", "reject_log_bytes"})
    if (std::find(have.begin(), have.end(), c) == have.end())
      db.execute(std::string("ALTER TABLE mfbridge_checkpoints ADD COLUMN ") + c +
                 " BIGINT NOT NULL DEFAULT 0");
  for (const char* c : {"input", "reject_file"})
    if (std::find(have.begin(), have.end(), c) == have.end())
      db.execute(std::string("ALTER TABLE mfbridge_checkpoints ADD COLUMN ") + c + " TEXT");
}

namespace {

const char* const columns =
    "job, dataset, fingerprint, records, record_base, status, mode, source_totals, "
    "expected_totals, rejected, reject_bytes, reject_log_bytes";

checkpoint from_row(const std::vector<sql_param>& r) {
  checkpoint cp;
  cp.job = r[0].value_or("");
  cp.dataset = r[1].value_or("");
  cp.fingerprint = r[2].value_or("");
  cp.records = std::stoull(r[3].value_or("0"));
  cp.record_base = std::stoll(r[4].value_or("0"));
  cp.status = r[5].value_or("");
  cp.mode = r[6].value_or("");
  cp.source_totals = r[7].value_or("{}");
  cp.expected_totals = r[8].value_or("");
  cp.rejected = std::stoull(r[9].value_or("0"));
  cp.reject_bytes = std::stoull(r[10].value_or("0"));
  cp.reject_log_bytes = std::stoull(r[11].value_or("0"));
  return cp;
}

}  // namespace

std::optional<checkpoint> read_checkpoint(database& db, const std::string& job) {
  if (!db.table_exists("mfbridge_checkpoints")) return std::nullopt;
  auto rows = db.query(std::string("SELECT ") + columns +
                           " FROM mfbridge_checkpoints WHERE job = $1",
                       {job});
  if (rows.rows.empty()) return std::nullopt;
  return from_row(rows.rows[0]);
}

std::optional<checkpoint> last_finished_load(database& db, const std::string& dataset) {
  if (!db.table_exists("mfbridge_checkpoints")) return std::nullopt;
  auto rows = db.query(std::string("SELECT ") + columns +
                           " FROM mfbridge_checkpoints WHERE dataset = $1 AND status = 'done' "
                           "ORDER BY updated_at DESC, job LIMIT 1",
                       {dataset});
  if (rows.rows.empty()) return std::nullopt;
  return from_row(rows.rows[0]);
}

std::optional<checkpoint> last_load_with_sources(database& db, const std::string& dataset) {
  if (!db.table_exists("mfbridge_checkpoints")) return std::nullopt;
  auto have = db.query("SELECT * FROM mfbridge_checkpoints LIMIT 0").columns;
  bool sources = std::find(have.begin(), have.end(), "reject_file") != have.end();
  auto rows = db.query(std::string("SELECT ") + columns +
                           (sources ? ", input, reject_file" : "") +
                           " FROM mfbridge_checkpoints WHERE dataset = $1 "
                           "ORDER BY updated_at DESC, job LIMIT 1",
                       {dataset});
  if (rows.rows.empty()) return std::nullopt;
  auto cp = from_row(rows.rows[0]);
  if (sources) {
    cp.input = rows.rows[0][12].value_or("");
    cp.reject_file = rows.rows[0][13].value_or("");
  }
  return cp;
}

void write_checkpoint(database& db, const checkpoint& cp) {
  db.query(std::string("INSERT INTO mfbridge_checkpoints (") + columns +
               ", input, reject_file, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) "
               "ON CONFLICT (job) DO UPDATE SET dataset = excluded.dataset, "
               "fingerprint = excluded.fingerprint, records = excluded.records, "
               "record_base = excluded.record_base, status = excluded.status, "
               "mode = excluded.mode, source_totals = excluded.source_totals, "
               "expected_totals = excluded.expected_totals, rejected = excluded.rejected, "
               "reject_bytes = excluded.reject_bytes, "
               "reject_log_bytes = excluded.reject_log_bytes, input = excluded.input, "
               "reject_file = excluded.reject_file, updated_at = excluded.updated_at",
           {cp.job, cp.dataset, cp.fingerprint, std::to_string(cp.records),
            std::to_string(cp.record_base), cp.status, cp.mode, cp.source_totals,
            cp.expected_totals.empty() ? sql_param{} : sql_param{cp.expected_totals},
            std::to_string(cp.rejected), std::to_string(cp.reject_bytes),
            std::to_string(cp.reject_log_bytes),
            cp.input.empty() ? sql_param{} : sql_param{cp.input},
            cp.reject_file.empty() ? sql_param{} : sql_param{cp.reject_file},
            // ISO text sorts in time order on both targets.
            [] {
              char buf[32];
              std::time_t t = std::time(nullptr);
              std::tm tm{};
              gmtime_r(&t, &tm);
              std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
              return std::string(buf);
            }()});
}

}  // namespace detail

std::string input_fingerprint(const std::string& path) {
  if (path == "-") return "stdin";
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) return "missing";
  std::ifstream f(path, std::ios::binary);
  std::uint64_t h = 1469598103934665603ull;
  auto mix = [&](std::streamoff at, std::size_t n) {
    std::vector<char> buf(n);
    f.clear();
    f.seekg(at);
    f.read(buf.data(), static_cast<std::streamsize>(n));
    for (std::streamsize i = 0; i < f.gcount(); ++i)
      h = (h ^ static_cast<unsigned char>(buf[static_cast<std::size_t>(i)])) * 1099511628211ull;
  };
  const std::size_t mib = std::size_t{1} << 20;
  auto size = static_cast<std::uint64_t>(st.st_size);
  mix(0, mib);
  if (size > mib) mix(static_cast<std::streamoff>(size - mib), mib);
  // The modification time in ISO 8601 (UTC, nanoseconds kept): it is shown when a changed
  // input is refused, and a raw epoch number means nothing to a reader.
  std::tm tm{};
  const std::time_t secs = st.st_mtim.tv_sec;
  gmtime_r(&secs, &tm);
  char when[32];
  std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%S", &tm);
  char buf[128];
  std::snprintf(buf, sizeof buf, "size=%llu mtime=%s.%09ldZ fnv=%016llx",
                static_cast<unsigned long long>(size), when, st.st_mtim.tv_nsec,
                static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace mfb::rehost
