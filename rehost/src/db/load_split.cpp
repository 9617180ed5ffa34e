// Distributed loads: each split is a load of its byte range under its own checkpoint
// (job + "/split-I-of-N"), into the same tables; record numbers are global, so the splits'
// rows never collide. finish_split_load merges what the splits' checkpoints say they stored
// and does, once, what the end of a one-process load does: keys, indexes, reconciliation.

#include <chrono>

#include "db/load_setup.hpp"
#include "mfb/rehost/db/load.hpp"

namespace mfb::rehost {

std::string split_job_name(const std::string& job, unsigned index, unsigned count) {
  return job + "/split-" + std::to_string(index) + "-of-" + std::to_string(count);
}

load_summary load_split(load_options opts, const bridge::byte_range& range, unsigned index,
                        unsigned count, bridge::reporter& rep) {
  if (index >= count) {
    load_summary s;
    return bridge::stop_run(s, bridge::failure_kind::usage,
                            "split " + std::to_string(index) + "/" + std::to_string(count) +
                                ": I must be less than N (splits are numbered from 0)",
                            rep);
  }
  opts.split = load_split_part{index, count, range};
  opts.job = split_job_name(opts.job.empty() ? opts.spec.name : opts.job, index, count);
  return run_load(opts, rep);
}

namespace {

/// The splits' checkpoints, or the names of those not done.
result<std::vector<detail::checkpoint>> done_splits(database& db, const std::string& job,
                                                    unsigned count) {
  std::vector<detail::checkpoint> done;
  std::string missing;
  for (unsigned i = 0; i < count; ++i) {
    auto cp = detail::read_checkpoint(db, split_job_name(job, i, count));
    if (cp && cp->status == detail::split_done_status) {
      done.push_back(*cp);
    } else {
      missing += (missing.empty() ? "" : ", ") + std::to_string(i) + "/" + std::to_string(count) +
                 (cp ? " (unfinished)" : " (not started)");
    }
  }
  if (!missing.empty())
    return error{"job " + job + ": not every split is loaded: " + missing + "; nothing was changed"};
  return done;
}

}  // namespace

load_summary finish_split_load(const load_options& opts, unsigned count, bridge::reporter& rep) {
  using bridge::failure_kind;
  load_summary summary;
  auto t0 = std::chrono::steady_clock::now();
  if (count == 0) return bridge::stop_run(summary, failure_kind::usage, "--finish needs --splits N (N >= 1)", rep);
  if (auto why = opts.validate(); !why.empty()) return bridge::stop_run(summary, failure_kind::usage, why, rep);
  auto opened = dataset::open(opts.spec);
  if (!opened) return bridge::stop_run(summary, failure_kind::usage, opened.err().message, rep);
  const dataset& ds = **opened;
  const std::string job = opts.job.empty() ? opts.spec.name : opts.job;
  try {
    auto db = database::open(opts.target);
    auto splits = done_splits(*db, job, count);
    if (!splits) return bridge::stop_run(summary, failure_kind::usage, splits.err().message, rep);
    detail::load_plan plan;
    plan.baseline = control_totals(ds.maps());
    control_totals source(ds.maps());
    for (const auto& cp : *splits) {
      auto totals = control_totals::from_json(cp.source_totals);
      if (!totals) return bridge::stop_run(summary, failure_kind::target, totals.err().message, rep);
      source.add(*totals);
      summary.records_read += cp.records;
      summary.records_rejected += cp.rejected;
    }
    summary.records_loaded = summary.records_read - summary.records_rejected;
    for (const auto& [name, t] : source.tables())
      if (t.rows > 0) summary.rows_by_table[name] = t.rows;
    plan.row = detail::checkpoint{job, opts.spec.name, (*splits)[0].fingerprint, summary.records_read, 0,
                                  "running", source.to_json(), {}, detail::mode_name(opts.mode)};
    plan.row.rejected = summary.records_rejected;
    detail::finish_load(*db, ds, opts, plan, source, summary);
  } catch (const duplicate_key_error& e) {
    return bridge::stop_run(summary, failure_kind::bad_data, e.what(), rep);
  } catch (const db_error& e) {
    return bridge::stop_run(summary, failure_kind::target, e.what(), rep);
  }
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (summary.recon.performed && !summary.recon.ok()) {
    summary.failure = failure_kind::mismatch;
    summary.message = "reconciliation mismatch";
  }
  rep.detail(summary.to_text());
  return summary;
}

}  // namespace mfb::rehost
