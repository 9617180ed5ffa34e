// run_load: open the dataset and the target, decide between a fresh load and a resume,
// then decode records into chunks that the writer thread commits with their checkpoint.

#include "mfb/rehost/db/load.hpp"

#include <chrono>

#include "db/load_chunk.hpp"
#include "db/load_commit.hpp"
#include "db/load_rejects.hpp"
#include "db/load_setup.hpp"
#include "db/pg_text.hpp"
#include "mfb/bridge/codec/detect.hpp"
#include "mfb/bridge/codec/record_decoder.hpp"
#include "mfb/bridge/io/framing_sniff.hpp"
#include "mfb/bridge/io/record_reader.hpp"
#include "mfb/bridge/io/split_plan.hpp"
#include "db/trailer_check.hpp"

namespace mfb::rehost {

std::string load_options::validate() const {
  if (spec.source.copybook_texts.empty()) return "--copybook is required";
  if (target.empty()) return "--target is required (sqlite:FILE or postgresql://...)";
  if (spec.name.empty()) return "the dataset needs a name (--table)";
  if (chunk_records == 0) return "--chunk-records must be at least 1";
  if (on_error == bridge::error_policy::reject && reject_file.empty())
    return "--on-error reject needs --reject-file";
  if (mode == load_mode::upsert && spec.key.empty()) return "--mode upsert needs --key";
  if (split && mode != load_mode::create)
    return "--split loads into tables the splits create together: only --mode create";
  if (split && restart) return "--restart drops the tables every split shares: not with --split";
  if (split && !trailer_checks.empty()) return "--trailer-check reads the whole file: not with --split";
  return {};
}

namespace {

// --recfm auto: detect the framing before the dataset opens, so the catalog keeps the
// framing the load used rather than "auto".
std::string detect_recfm(dataset_spec& spec, const std::string& input, bridge::reporter& rep) {
  if (spec.recfm != "auto" && spec.recfm != "AUTO") return {};
  if (auto why = bridge::apply_detected_framing(spec.source, input, true, rep); !why.empty()) return why;
  spec.set_recfm(std::string(bridge::to_string(spec.source.framing.format)));
  return {};
}

}  // namespace

load_summary run_load(const load_options& given, bridge::reporter& rep) {
  load_summary summary;
  auto t0 = std::chrono::steady_clock::now();
  if (auto why = given.validate(); !why.empty()) return bridge::stop_run(summary, bridge::failure_kind::usage, why, rep);
  load_options opts = given;
  if (auto why = detect_recfm(opts.spec, opts.input, rep); !why.empty())
    return bridge::stop_run(summary, bridge::failure_kind::usage, why, rep);
  auto opened = dataset::open(opts.spec);
  if (!opened) return bridge::stop_run(summary, bridge::failure_kind::usage, opened.err().message, rep);
  const dataset& ds = **opened;
  // Usage errors (a --parent key, a --trailer-check field) come before the target is opened,
  // so a refused load creates no database file.
  auto tracker = ds.hierarchy();
  if (!tracker) return bridge::stop_run(summary, bridge::failure_kind::usage, tracker.err().message, rep);
  detail::trailer_checker trailers(ds, opts.trailer_checks);
  if (!trailers.error().empty()) return bridge::stop_run(summary, bridge::failure_kind::usage, trailers.error(), rep);

  std::unique_ptr<database> db;
  try {
    db = database::open(opts.target, open_mode::create);
  } catch (const db_error& e) {
    return bridge::stop_run(summary, bridge::failure_kind::target, e.what(), rep);
  }
  if (db->dialect() == sql_dialect::postgresql)
    if (auto clash = detail::nul_escape_clash(ds.page()); !clash.empty()) return bridge::stop_run(summary, bridge::failure_kind::usage, clash, rep);
  // SQLite checks a foreign key per inserted child row (and refuses to drop a parent table
  // first); a bulk load checks them all once at the end instead (finish_load). Upserts keep
  // them on: their deletes cascade to children.
  const bool fk_after = db->dialect() == sql_dialect::sqlite && opts.mode != load_mode::upsert;
  detail::load_plan plan;
  try {
    if (fk_after) db->execute("PRAGMA foreign_keys=OFF");
    auto why = detail::prepare_load(*db, ds, opts, plan, rep);
    if (!why.empty()) return bridge::stop_run(summary, plan.usage_error ? bridge::failure_kind::usage : bridge::failure_kind::target, why, rep);
  } catch (const db_error& e) {
    return bridge::stop_run(summary, bridge::failure_kind::target, e.what(), rep);
  }
  if (plan.split_done) {
    summary.records_read = plan.row.records;
    rep.message(bridge::severity::info, "split " + std::to_string(opts.split->index) + "/" +
                                            std::to_string(opts.split->count) +
                                            " is loaded already (checkpoint " + plan.row.job +
                                            "): nothing to do");
    return summary;
  }
  // The summary counts the whole run: what an interrupted run committed, then this one.
  summary.resumed_after = plan.skip;
  summary.records_rejected = plan.row.rejected;
  summary.records_loaded = plan.skip - plan.row.rejected;
  for (const auto& [name, t] : plan.committed_totals.tables())
    if (t.rows > 0) summary.rows_by_table[name] = t.rows;

  auto reader = opts.split ? bridge::open_range_reader(opts.input, ds.framing(), opts.split->range)
                           : bridge::record_reader::open(opts.input, ds.framing());
  if (!reader) return bridge::stop_run(summary, bridge::failure_kind::target, reader.err().message, rep);
  detail::load_rejects rejects;
  if (auto why = rejects.open(
          opts.on_error == bridge::error_policy::reject ? opts.reject_file : "", ds.framing().format,
          {plan.row.rejected, plan.row.reject_bytes, plan.row.reject_log_bytes});
      !why.empty())
    return bridge::stop_run(summary, bridge::failure_kind::target, why, rep);

  const auto& maps = ds.maps();
  const std::vector<std::size_t> table_base = detail::table_bases(ds);
  const std::size_t n_tables = table_base.back();
  std::vector<bridge::record_decoder> decoders;
  for (const auto& p : ds.selector().plans()) decoders.emplace_back(p);
  std::vector<std::string> parent_values;

  detail::chunk_committer committer(*db, ds, opts, plan);
  detail::chunk_writer writer([&committer](const detail::load_chunk& c) { committer.write(c); });

  control_totals totals = plan.committed_totals;
  detail::load_chunk chunk;
  chunk.tables.resize(n_tables);
  bridge::cell_row row;
  std::vector<bridge::record_error> errors;
  bridge::record_batch batch;
  std::string file = opts.input;
  bool stopped = false;
  // Parts of at most this many records go to the writer as they are decoded.
  const std::size_t part_records = std::min<std::size_t>(opts.chunk_records, 4096);
  std::size_t chunk_records = 0;  // records in the current chunk, parts handed over included
  std::uint64_t bad_this_run = 0;
  auto fail_with = [&](bridge::failure_kind kind, std::string message) {
    stopped = true;
    summary.failure = kind;
    summary.message = std::move(message);
  };
  auto submit = [&](bool commit, std::uint64_t last) {
    chunk.commit = commit;
    if (commit) {
      // The checkpoint may name only reject bytes that are on disk.
      if (!rejects.sync()) return fail_with(bridge::failure_kind::target, rejects.error());
      chunk.rejects = rejects.marks();
      chunk.last_record = last;
      chunk.totals_json = totals.to_json();
      chunk_records = 0;
    }
    if (!writer.submit(chunk)) stopped = true;
  };
  while (!stopped && (*reader)->next(batch)) {
    for (const bridge::record_view& rec : batch) {
      ++summary.records_read;
      int which = ds.selector().choose(rec);
      // The tracker sees every record, skipped ones too, so a resumed load knows its parent.
      bridge::parent_link link = tracker->observe(which, rec);
      if (rec.number <= plan.skip) {
        trailers.replay(rec);
        continue;
      }
      summary.bytes_read += rec.size;
      errors.clear();
      bool good = which >= 0 &&
                  decoders[static_cast<std::size_t>(which)].decode_cells(rec, file, row, errors);
      if (which < 0) errors.push_back(ds.selector().no_match(rec, file));
      if (good && link.state == bridge::parent_link::kind::orphan) {
        good = false;
        bridge::record_error e;
        e.file = file;
        e.record_number = rec.number;
        e.file_offset = rec.file_offset;
        e.reason = link.reason;
        errors.push_back(std::move(e));
      }
      if (good && link.state == bridge::parent_link::kind::attached) parent_values = link.key->values;
      if (good) {
        if (auto extra = decoders[static_cast<std::size_t>(which)].undescribed_bytes()) {
          ++summary.undescribed_records;  // allowed by --allow-trailing-bytes, but counted
          summary.undescribed_bytes += extra;
        }
      }
      if (!good) {
        ++summary.records_rejected;
        ++bad_this_run;
        for (const auto& e : errors)
          if (!e.in_alternative && (opts.on_error == bridge::error_policy::fail || bad_this_run <= 10))
            rep.detail(e.to_string() + "\n");
        if (!rejects.add(rec, errors)) {
          fail_with(bridge::failure_kind::target, rejects.error());
          break;
        }
        if (opts.on_error == bridge::error_policy::fail) {
          fail_with(bridge::failure_kind::bad_data, "bad record " + std::to_string(rec.number) + " (--on-error fail)");
          break;
        }
        if (opts.max_errors >= 0 &&
            summary.records_rejected > static_cast<std::uint64_t>(opts.max_errors)) {
          fail_with(bridge::failure_kind::bad_data, "more than " + std::to_string(opts.max_errors) + " bad records");
          break;
        }
        continue;
      }
      auto m = static_cast<std::size_t>(which);
      trailers.observe(m, row);
      maps[m].split(row, plan.row.record_base + static_cast<std::int64_t>(rec.number),
                    [&](std::size_t t, const std::vector<sql_value>& values) {
                      chunk.tables[table_base[m] + t].add(values);
                      totals.add_row(m, t, values);
                      ++summary.rows_by_table[maps[m].tables()[t].name];
                    },
                    link.state == bridge::parent_link::kind::attached ? &parent_values : nullptr);
      ++summary.records_loaded;
      ++chunk.records;
      if (chunk.first_record == 0) chunk.first_record = rec.number;
      chunk.last_with_rows = rec.number;
      if (++chunk_records >= opts.chunk_records)
        submit(true, rec.number);
      else if (chunk.records >= part_records)
        submit(false, 0);
    }
  }
  if (!stopped) {
    if (const bridge::framing_error* fe = (*reader)->error())
      fail_with(fe->what == bridge::framing_error::kind::io ? bridge::failure_kind::target
                                                            : bridge::failure_kind::bad_data,
                fe->to_string());
  }
  if (!stopped) submit(true, (*reader)->records_read());
  bool written = writer.finish();
  // What the last chunk left uncommitted goes, with a fresh start's tables if no chunk
  // committed.
  if (committer.in_transaction()) db->rollback();
  summary.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (!written)
    return bridge::stop_run(summary,
                writer.bad_data() ? bridge::failure_kind::bad_data : bridge::failure_kind::target,
                (writer.bad_data() ? "" : "target " + redact_target(opts.target) + ": ") +
                    writer.error(),
                rep);
  // Not one record loaded from the start: the framing, not the data, may be wrong (a VB
  // file read as FB), so the failure says what the file looks like, as convert's does.
  // (A framing error already names it.)
  if (stopped && summary.failure == bridge::failure_kind::bad_data && summary.records_loaded == 0 &&
      plan.skip == 0 && (*reader)->error() == nullptr)
    if (auto hint = bridge::framing_suggestion(opts.input, ds.framing(), bridge::layout_length_hint(ds.framing()));
        !hint.empty())
      summary.message += "; " + hint;
  if (stopped) return bridge::stop_run(summary, summary.failure, summary.message, rep);
  plan.row.rejected = rejects.marks().rejected;
  plan.row.reject_bytes = rejects.marks().bytes;
  plan.row.reject_log_bytes = rejects.marks().log_bytes;

  try {
    if (opts.split) {
      detail::finish_split(*db, plan, totals, summary);
      rep.detail(summary.to_text());
      return summary;
    }
    detail::finish_load(*db, ds, opts, plan, totals, summary);
  } catch (const duplicate_key_error& e) {
    return bridge::stop_run(summary, bridge::failure_kind::bad_data, e.what(), rep);
  } catch (const db_unavailable& e) {
    return bridge::stop_run(summary, bridge::failure_kind::target,
                "target " + redact_target(opts.target) + ": " + e.what() +
                    " after the last record was stored; run the same command again to finish",
                rep);
  } catch (const db_error& e) {
    return bridge::stop_run(summary, bridge::failure_kind::target, e.what(), rep);
  }
  trailers.check(summary.recon);
  if (summary.recon.performed && !summary.recon.ok()) {
    summary.failure = bridge::failure_kind::mismatch;
    summary.message = "reconciliation mismatch";
  }
  rep.detail(summary.to_text());
  return summary;
}

}  // namespace mfb::rehost
