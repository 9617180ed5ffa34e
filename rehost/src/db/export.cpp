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
#include "mfb/bridge/mask/record_masker.hpp"

namespace mfb::rehost {

namespace {

reconcile_result refuse(bridge::failure_kind kind, std::string message) {
  reconcile_result r;
  r.failure = kind;
  r.message = std::move(message);
  return r;
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

export_summary run_export(const export_options& opts, bridge::reporter& rep) {
  export_summary summary;
  auto t0 = std::chrono::steady_clock::now();
  std::unique_ptr<database> db;
  try {
    db = database::open(opts.target);
  } catch (const db_error& e) {
    return bridge::stop_run(summary, bridge::failure_kind::target, e.what(), rep);
  }
  auto opened = dataset::open(*db, opts.dataset);
  if (!opened) return bridge::stop_run(summary, bridge::failure_kind::usage, opened.err().message, rep);
  const dataset& ds = **opened;
  std::vector<bridge::record_masker> maskers;
  if (opts.mask) {
    std::vector<copybook::record_layout> layouts;
    for (const auto& plan : ds.json_plans()) layouts.push_back(plan.layout());
    summary.mask = bridge::check_mask_policy(*opts.mask, layouts, ds.json_plans().front().page());
    for (const auto& why : summary.mask.errors) rep.message(bridge::severity::error, why);
    if (!summary.mask.errors.empty())
      return bridge::stop_run(summary, bridge::failure_kind::usage, "the masking policy cannot apply to dataset " + opts.dataset, rep);
    for (const auto& w : summary.mask.unmatched_rules) rep.message(bridge::severity::warning, w);
    for (const auto& plan : ds.json_plans())
      maskers.push_back(std::move(*bridge::record_masker::compile(opts.mask, plan.layout(), plan.page())));
  }

  bridge::writer_options w;
  const bridge::framing_options& f = ds.framing();
  w.format = f.format;
  w.lrecl = f.lrecl;
  w.rdw_big_endian = f.rdw_big_endian;
  w.rdw_includes_header = f.rdw_includes_header;
  if (!opts.recfm.empty()) {
    auto fmt = bridge::parse_recfm(opts.recfm);
    if (!fmt) return bridge::stop_run(summary, bridge::failure_kind::usage, "unknown --recfm " + opts.recfm, rep);
    w.format = *fmt;
  }
  if (opts.lrecl) w.lrecl = opts.lrecl;
  if (ds.spec().block_size) w.block_size = ds.spec().block_size;
  if (opts.block_size) w.block_size = opts.block_size;
  w.pad_byte = ds.json_plans().front().space_byte();
  auto writer = bridge::record_writer::open(opts.output, w);
  if (!writer) return bridge::stop_run(summary, bridge::failure_kind::usage, writer.err().message, rep);

  std::string key_order;
  if (opts.order_by_key) {
    const sql_table& main = ds.maps().front().main();
    if (ds.maps().size() != 1 || main.primary_key == std::vector<std::size_t>{0})
      return bridge::stop_run(summary, bridge::failure_kind::usage, "--order-by-key needs a dataset of one record type loaded with --key", rep);
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
      if (!bytes) return bridge::stop_run(summary, bridge::failure_kind::bad_data, bytes.err().message, rep);
      if (!maskers.empty()) {
        bridge::mask_failure why;
        maskers[rec.type].sample(bytes->data(), bytes->size());
        if (!maskers[rec.type].apply(bytes->data(), bytes->size(), why))
          return bridge::stop_run(summary, bridge::failure_kind::bad_data,
                                  "record " + std::to_string(rec.record_no) + ": field " + why.field_path +
                                      " at offset " + std::to_string(why.offset) + ": " + why.reason, rep);
      }
      std::string why = (*writer)->write(bytes->data(), bytes->size());
      if (!why.empty())
        return bridge::stop_run(summary, (*writer)->ok() ? bridge::failure_kind::bad_data : bridge::failure_kind::target,
                    "record " + std::to_string(rec.record_no) + ": " + why, rep);
      ++summary.records_written;
    }
  } catch (const db_error& e) {
    return bridge::stop_run(summary, bridge::failure_kind::target, e.what(), rep);
  }
  auto closed = (*writer)->close();
  if (!closed) return bridge::stop_run(summary, bridge::failure_kind::target, closed.err().message, rep);
  summary.bytes_written = (*writer)->bytes_written();
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  char line[128];
  std::snprintf(line, sizeof line, "export: %llu records, %llu bytes in %.2f s\n",
                static_cast<unsigned long long>(summary.records_written),
                static_cast<unsigned long long>(summary.bytes_written), summary.seconds);
  rep.detail(line);
  return summary;
}

reconcile_result run_reconcile(const reconcile_options& opts) {
  try {
    auto db = database::open(opts.target);
    auto opened = dataset::open(*db, opts.dataset);
    if (!opened) return refuse(bridge::failure_kind::usage, opened.err().message);
    auto load = detail::last_finished_load(*db, opts.dataset);
    if (!load || load->expected_totals.empty())
      return refuse(bridge::failure_kind::usage,
                    "dataset " + opts.dataset +
                        " has no finished create, replace or append load to reconcile against");
    auto expected = control_totals::from_json(load->expected_totals);
    if (!expected) return refuse(bridge::failure_kind::target, expected.err().message);
    reconcile_result r;
    compare_totals(*expected, control_totals::from_target(*db, (*opened)->maps()), r.report);
    r.failure = r.report.ok() ? bridge::failure_kind::none : bridge::failure_kind::mismatch;
    return r;
  } catch (const db_error& e) {
    return refuse(bridge::failure_kind::target, e.what());
  }
}

}  // namespace mfb::rehost
