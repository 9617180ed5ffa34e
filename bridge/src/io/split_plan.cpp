// plan_byte_ranges: targets every `target_size` bytes (or `count` equal parts), each moved
// to a legal range start (arithmetic, a line start, a resync point or an index point), then
// forward to a record the caller's filter accepts, and numbered.

#include "mfb/bridge/io/split_plan.hpp"

#include <algorithm>
#include <atomic>
#include <thread>

#include "io/split_detail.hpp"

namespace mfb::bridge {

namespace {

using detail::boundary;

std::uint64_t target_of(std::uint64_t start, std::uint64_t span, std::uint64_t k, std::uint64_t n) {
  return start + span / n * k + span % n * k / n;
}

/// The reader's own message for the bad framing at or after `from` (record `number`).
std::string framing_message(const std::string& path, const framing_options& opt,
                            std::uint64_t from, std::uint64_t to, std::uint64_t number) {
  auto reader = open_range_reader(path, opt, {from, to - from, number, 0});
  if (!reader) return reader.err().message;
  record_batch batch;
  while ((*reader)->next(batch)) {
  }
  if (const framing_error* e = (*reader)->error()) return e->to_string();
  return path + ": the framing changed while it was being planned (from offset " + std::to_string(from) + ")";
}

/// Resynchronising reads about three longest units per boundary; when the boundaries are
/// that close (many tiny splits) the one sequential pass that numbers records is cheaper.
bool resync_pays(const framing_options& opt, std::uint64_t parts, std::uint64_t span) {
  if (opt.format == recfm::text_lines) return true;
  return (parts - 1) * 3 * detail::unit_walker{opt}.max_unit() < span;
}

/// Boundaries from an index: the first point at or after each target.
void from_index(const detail::split_index& index, std::vector<boundary>& b, std::uint64_t data_end) {
  for (std::size_t k = 1; k + 1 < b.size(); ++k) {
    auto it = std::lower_bound(index.points.begin(), index.points.end(), b[k].offset,
                               [](const boundary& p, std::uint64_t t) { return p.offset < t; });
    b[k] = it == index.points.end() ? boundary{data_end, index.records + 1} : *it;
  }
}

struct planner {
  const std::string& path;
  const framing_options& opt;
  const split_options& so;
  reporter& rep;
  detail::file_bytes file;
  split_result out;
  std::uint64_t ds = 0;
  std::uint64_t de = 0;
  std::vector<boundary> b;  // n + 1 boundaries; b[n] = {de, records + 1}

  split_result fail(failure_kind kind, std::string why) {
    out.failure = kind;
    out.message = std::move(why);
    return out;
  }

  /// One sequential pass (an index, written to index_path when `keep`); false (with `out`
  /// set to the reader's own message) when the framing breaks.
  bool sequential(std::uint64_t step, bool keep) {
    auto index = detail::build_index(file, opt, ds, de, step);
    if (!index) {
      fail(failure_kind::bad_data, framing_message(path, opt, ds, de, 1));
      return false;
    }
    if (keep)
      if (auto why = detail::write_index(so.index_path, *index, file, opt); !why.empty()) {
        fail(failure_kind::target, why);
        return false;
      }
    from_index(*index, b, de);
    out.plan.records = index->records;
    return true;
  }

  void arithmetic() {
    out.plan.method = "arithmetic";
    const std::uint64_t span = de - ds;
    const std::uint64_t whole = span / opt.lrecl;
    for (std::size_t k = 1; k + 1 < b.size(); ++k) {
      std::uint64_t rec = std::min(whole, (b[k].offset - ds + opt.lrecl - 1) / opt.lrecl);
      b[k] = {ds + rec * opt.lrecl, rec + 1};
    }
    // Left-over bytes stay in the last range, whose reader reports them as a one-process
    // run does.
    out.plan.records = whole;
  }

  bool indexed() {
    out.plan.method = "index";
    auto kept = detail::read_index(so.index_path, file, opt);
    if (!kept) {
      fail(failure_kind::usage, kept.err().message);
      return false;
    }
    if (*kept) {
      from_index(**kept, b, de);
      out.plan.records = (*kept)->records;
      return true;
    }
    rep.message(severity::info, "building the split index " + so.index_path + " (one pass over " + path + ")");
    return sequential(so.index_step, true);
  }

  /// Resync every boundary; false when one is ambiguous (the caller falls back).
  bool resynced() {
    out.plan.method = opt.format == recfm::text_lines ? "lines" : "resync";
    for (std::size_t k = 1; k + 1 < b.size(); ++k) {
      auto at = detail::resync(file, opt, so.chain, ds, de, b[k].offset);
      if (!at) {
        rep.message(severity::warning, path + ": " + at.err().message +
                                           "; planned from one sequential pass instead (keep it with --index FILE)");
        return false;
      }
      b[k] = {*at, 0};
    }
    return true;
  }

  bool fall_back() {
    out.plan.method = "sequential";
    const std::uint64_t parts = b.size() - 1;
    return sequential(std::max<std::uint64_t>(1, std::min(so.index_step, (de - ds) / (parts * 4) + 1)), false);
  }

  /// Move boundaries to records the filter accepts; keep them in order.
  bool filtered() {
    for (std::size_t k = 1; k + 1 < b.size(); ++k) {
      if (b[k].offset < b[k - 1].offset) b[k] = b[k - 1];
      if (!so.may_start || b[k].offset >= de || b[k].offset == b[k - 1].offset) continue;
      std::uint64_t passed = 0;
      auto at = detail::move_to_start(file, opt, b[k].offset, de, so.may_start, passed);
      if (!at) return false;  // bad framing: the numbering pass below names it
      b[k].offset = *at;
      if (b[k].first_record != 0) b[k].first_record += passed;
    }
    return true;
  }

  /// Count the records of each range; false when a range does not end on the next
  /// boundary (a false resync point) or the framing breaks.
  bool numbered() {
    // Ranges are counted independently (each on its own descriptors), so they run on
    // `threads` threads; the numbers are the running sum afterwards.
    const std::size_t parts = b.size() - 1;
    std::vector<std::uint64_t> counts(parts, 0);
    std::vector<char> good(parts, 0);
    std::atomic<std::size_t> next_part{0};
    auto work = [&] {
      detail::file_bytes own;
      if (!own.open(path).empty()) return;
      for (std::size_t k; (k = next_part++) < parts;) {
        auto n = detail::count_records(own, opt, b[k].offset, b[k + 1].offset);
        good[k] = n ? 1 : 0;
        if (n) counts[k] = *n;
      }
    };
    const unsigned hw = so.threads ? so.threads : std::max(1u, std::thread::hardware_concurrency());
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < std::min<std::size_t>(hw, parts); ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    std::uint64_t next = 1;
    for (std::size_t k = 0; k < parts; ++k) {
      if (!good[k]) return false;
      b[k].first_record = next;
      next += counts[k];
    }
    out.plan.records = next - 1;
    return true;
  }

  void ranges() {
    b.back() = {de, out.plan.records + 1};
    for (std::size_t k = 0; k + 1 < b.size(); ++k) {
      if (b[k + 1].offset < b[k].offset) b[k + 1] = b[k];
      out.plan.ranges.push_back({b[k].offset, b[k + 1].offset - b[k].offset, b[k].first_record,
                                 b[k + 1].first_record - b[k].first_record});
    }
  }
};

}  // namespace

split_result plan_byte_ranges(const std::string& path, const framing_options& opt,
                              const split_options& so, reporter& rep) {
  planner p{path, opt, so, rep, {}, {}, 0, 0, {}};
  if (auto why = so.validate(); !why.empty()) return p.fail(failure_kind::usage, why);
  if (auto why = opt.validate(); !why.empty()) return p.fail(failure_kind::usage, why);
  const bool fixed = opt.format == recfm::f || opt.format == recfm::fb;
  if (!fixed && !detail::unit_walker{opt}.variable() && opt.format != recfm::text_lines)
    return p.fail(failure_kind::usage, "splits need F, FB, V, VB, VS, VBS or TEXT framing, not " +
                                           std::string(to_string(opt.format)));
  // The split walker reads descriptor words as stored; adjusted or reordered ones would
  // move its boundaries off the reader's records.
  if (opt.rdw_adjust != 0 || opt.bdw_adjust != 0 || opt.bdw_is_big_endian() != opt.rdw_big_endian)
    return p.fail(failure_kind::usage, "splits do not take --rdw-adjust, --bdw-adjust or a --bdw-order "
                                       "other than the RDWs'");
  if (auto why = p.file.open(path); !why.empty()) return p.fail(failure_kind::usage, why);
  const std::uint64_t size = p.file.size();
  if (opt.skip_head + opt.skip_tail > size)
    return p.fail(failure_kind::bad_data, path + ": --skip-head and --skip-tail (" +
                                              std::to_string(opt.skip_head + opt.skip_tail) +
                                              " bytes) are more than the file (" + std::to_string(size) + ")");
  p.ds = opt.skip_head;
  p.de = size - opt.skip_tail;
  split_plan& plan = p.out.plan;
  plan.file = path;
  plan.file_size = size;
  plan.data_start = p.ds;
  plan.data_end = p.de;
  plan.format = opt.format;
  const std::uint64_t span = p.de - p.ds;
  const std::uint64_t n =
      so.count != 0 ? so.count : std::max<std::uint64_t>(1, (span + so.target_size - 1) / so.target_size);
  // A range is a task somewhere: a million of them is already more than any scheduler
  // wants, and the bound keeps a 1-byte --target-size on a big file from exhausting memory.
  constexpr std::uint64_t max_ranges = std::uint64_t{1} << 20;
  if (n > max_ranges)
    return p.fail(failure_kind::usage, path + ": " + std::to_string(n) + " ranges of " +
                                           std::to_string(so.target_size) + " bytes: at most " +
                                           std::to_string(max_ranges) + "; give a larger --target-size");
  p.b.resize(n + 1);
  for (std::uint64_t k = 0; k <= n; ++k) p.b[k] = {target_of(p.ds, span, k, n), 0};
  p.b[0].first_record = 1;

  bool counted = true;  // record numbers known (arithmetic or an index)
  if (fixed) {
    p.arithmetic();
  } else if (!so.index_path.empty()) {
    if (!p.indexed()) return p.out;
  } else if (resync_pays(opt, n, span) && p.resynced()) {
    counted = false;
  } else if (!p.fall_back()) {
    return p.out;
  }
  if (!p.filtered()) return p.fail(failure_kind::bad_data, framing_message(path, opt, p.ds, p.de, 1));
  if (!counted && !p.numbered()) {
    // A resync point the framing of the range before it does not reach is false, or the
    // framing breaks: the sequential pass tells which (and names bad framing as the reader
    // does).
    for (std::uint64_t k = 1; k <= n; ++k) p.b[k] = {target_of(p.ds, span, k, n), 0};
    if (!p.fall_back()) return p.out;
    if (!p.filtered()) return p.fail(failure_kind::bad_data, framing_message(path, opt, p.ds, p.de, 1));
    rep.message(severity::warning, path + ": the framing of a range does not end where the next resync "
                                          "point starts; planned from one sequential pass instead");
  }
  p.ranges();
  return p.out;
}

}  // namespace mfb::bridge
