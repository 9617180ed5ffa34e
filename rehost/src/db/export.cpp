// Export: page through each record type's main table by record number and merge the types
// by record number, so the output interleaves header, detail and trailer records exactly as
// the loaded file did.

#include "mfb/rehost/db/export.hpp"

#include <chrono>
#include <deque>

#include "db/load_checkpoint.hpp"
#include "mfb/rehost/db/dataset.hpp"
#include "mfb/rehost/db/record_store.hpp"
#include "mfb/bridge/io/record_writer.hpp"

namespace mfb::rehost {

namespace {

export_summary stop(export_summary s, int code, std::string message, std::FILE* log) {
  s.exit_code = code;
  s.message = std::move(message);
  std::fprintf(log, "mfbridge export: %s\n", s.message.c_str());
  return s;
}

// One record type's records, read a page at a time in record-number order.
struct type_cursor {
  std::size_t type = 0;
  std::deque<stored_record> page;
  std::int64_t after = 0;
  long long offset = 0;
  bool exhausted = false;
};

}  // namespace

export_summary run_export(const export_options& opts, std::FILE* log) {
  export_summary summary;
  auto t0 = std::chrono::steady_clock::now();
  std::unique_ptr<database> db;
  try {
    db = database::open(opts.target);
  } catch (const db_error& e) {
    return stop(summary, 4, e.what(), log);
  }
  auto opened = dataset::open(*db, opts.dataset);
  if (!opened) return stop(summary, 1, opened.err().message, log);
  const dataset& ds = **opened;

  bridge::writer_options w;
  const bridge::framing_options& f = ds.framing();
  w.format = f.format;
  w.lrecl = f.lrecl;
  w.rdw_big_endian = f.rdw_big_endian;
  w.rdw_includes_header = f.rdw_includes_header;
  if (!opts.recfm.empty()) {
    auto fmt = bridge::parse_recfm(opts.recfm);
    if (!fmt) return stop(summary, 1, "unknown --recfm " + opts.recfm, log);
    w.format = *fmt;
  }
  if (opts.lrecl) w.lrecl = opts.lrecl;
  if (ds.spec().block_size) w.block_size = ds.spec().block_size;
  if (opts.block_size) w.block_size = opts.block_size;
  w.pad_byte = ds.json_plans().front().space_byte();
  auto writer = bridge::record_writer::open(opts.output, w);
  if (!writer) return stop(summary, 1, writer.err().message, log);

  std::string key_order;
  if (opts.order_by_key) {
    const sql_table& main = ds.maps().front().main();
    if (ds.maps().size() != 1 || main.primary_key == std::vector<std::size_t>{0})
      return stop(summary, 1, "--order-by-key needs a dataset of one record type loaded with --key", log);
    for (std::size_t k : main.primary_key)
      key_order += (key_order.empty() ? "" : ", ") + quote_ident(main.columns[k].name);
  }
  std::vector<type_cursor> cursors(ds.maps().size());
  for (std::size_t t = 0; t < cursors.size(); ++t) cursors[t].type = t;
  std::vector<bridge::field_error> errors;
  try {
    for (;;) {
      type_cursor* next = nullptr;
      for (auto& c : cursors) {
        if (c.page.empty() && !c.exhausted) {
          record_query q;
          q.type = c.type;
          q.limit = static_cast<long long>(opts.page_rows);
          if (opts.order_by_key) {
            q.order_by = key_order;
            q.offset = c.offset;
          } else {
            q.where = quote_ident(ds.maps()[c.type].main().columns[0].name) + " > $1";
            q.params = {std::to_string(c.after)};
          }
          for (auto& r : read_records(*db, ds, q)) c.page.push_back(std::move(r));
          c.offset += static_cast<long long>(c.page.size());
          if (c.page.empty()) c.exhausted = true;
          else c.after = c.page.back().record_no;
        }
        if (!c.page.empty() &&
            (!next || (!opts.order_by_key && c.page.front().record_no < next->page.front().record_no)))
          next = &c;
      }
      if (!next) break;
      stored_record rec = std::move(next->page.front());
      next->page.pop_front();
      errors.clear();
      auto bytes = record_bytes(ds, rec, errors);
      if (!bytes) return stop(summary, 2, bytes.err().message, log);
      std::string why = (*writer)->write(bytes->data(), bytes->size());
      if (!why.empty())
        return stop(summary, (*writer)->ok() ? 2 : 4,
                    "record " + std::to_string(rec.record_no) + ": " + why, log);
      ++summary.records_written;
    }
  } catch (const db_error& e) {
    return stop(summary, 4, e.what(), log);
  }
  auto closed = (*writer)->close();
  if (!closed) return stop(summary, 4, closed.err().message, log);
  summary.bytes_written = (*writer)->bytes_written();
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::fprintf(log, "export: %llu records, %llu bytes in %.2f s\n",
               static_cast<unsigned long long>(summary.records_written),
               static_cast<unsigned long long>(summary.bytes_written), summary.seconds);
  return summary;
}

int run_reconcile(const reconcile_options& opts, std::FILE* out, std::FILE* log) {
  try {
    auto db = database::open(opts.target);
    auto opened = dataset::open(*db, opts.dataset);
    if (!opened) {
      std::fprintf(log, "mfbridge reconcile: %s\n", opened.err().message.c_str());
      return 1;
    }
    auto load = detail::last_finished_load(*db, opts.dataset);
    if (!load || load->expected_totals.empty()) {
      std::fprintf(log, "mfbridge reconcile: dataset %s has no finished create, replace or "
                        "append load to reconcile against\n", opts.dataset.c_str());
      return 1;
    }
    auto expected = control_totals::from_json(load->expected_totals);
    if (!expected) {
      std::fprintf(log, "mfbridge reconcile: %s\n", expected.err().message.c_str());
      return 4;
    }
    reconciliation r;
    compare_totals(*expected, control_totals::from_target(*db, (*opened)->maps()), r);
    std::fputs(opts.json ? (r.to_json() + "\n").c_str() : r.to_text().c_str(), out);
    return r.ok() ? 0 : 3;
  } catch (const db_error& e) {
    std::fprintf(log, "mfbridge reconcile: %s\n", e.what());
    return 4;
  }
}

}  // namespace mfb::rehost
