// Trailer checks: find the trailer's field and the aggregated field by name in the record
// types' flat columns, accumulate while records stream past, compare exactly at the end.

#include "db/trailer_check.hpp"

#include "mfb/copybook/name_lookup.hpp"

#include "db/sql_column_type.hpp"

namespace mfb::rehost::detail {

namespace eb = mfb::ebcdic;

namespace {

// Cells of record type plans[type] whose field is named `name` (every occurrence).
std::vector<std::size_t> cells_named(const bridge::decode_plan& plan, const std::string& name) {
  std::vector<std::size_t> out;
  const auto& src = plan.column_sources();
  for (std::size_t c = 0; c < src.size(); ++c) {
    if (src[c].field < 0) continue;
    const auto& f = plan.layout().fields[static_cast<std::size_t>(src[c].field)];
    if (same_cobol_name(f.name, name) || same_cobol_name(f.path, name)) out.push_back(c);
  }
  return out;
}

}  // namespace

trailer_checker::trailer_checker(const dataset& ds, const std::vector<std::string>& checks)
    : ds_(&ds) {
  const auto& plans = ds.selector().plans();
  std::vector<const copybook::record_layout*> layouts;
  std::vector<std::string> type_names;
  for (const auto& p : plans) {
    layouts.push_back(&p.layout());
    type_names.push_back(p.type_name());
  }
  auto near_field = [&](const std::string& name) {
    return copybook::did_you_mean(name, copybook::item_names(layouts));
  };
  auto locate = [&](const std::string& name, std::size_t& type, std::vector<std::size_t>& cells) {
    for (std::size_t p = 0; p < plans.size(); ++p) {
      cells = cells_named(plans[p], name);
      if (!cells.empty()) {
        type = p;
        return true;
      }
    }
    return false;
  };
  for (const std::string& text : checks) {
    rule r;
    r.text = text;
    r.per_type.assign(plans.size(), 0);
    auto eq = text.find('=');
    if (eq == std::string::npos) {
      error_ = "--trailer-check expects FIELD=count|count(RECORD)|sum(FIELD), got " + text;
      return;
    }
    std::string field = text.substr(0, eq), agg = text.substr(eq + 1);
    std::vector<std::size_t> cells;
    if (!locate(field, r.trailer_type, cells)) {
      error_ = "--trailer-check " + text + ": no record type has a field " + field + near_field(field);
      return;
    }
    r.trailer_cell = cells.front();
    auto inner = [&](const char* fn) -> std::optional<std::string> {
      std::string prefix = std::string(fn) + "(";
      if (agg.size() > prefix.size() && same_cobol_name(agg.substr(0, prefix.size()), prefix) &&
          agg.back() == ')')
        return agg.substr(prefix.size(), agg.size() - prefix.size() - 1);
      return std::nullopt;
    };
    if (same_cobol_name(agg, "count")) {
      r.what = rule::kind::count_details;
    } else if (auto rec = inner("count")) {
      r.what = rule::kind::count_type;
      bool found = false;
      for (std::size_t p = 0; p < plans.size() && !found; ++p)
        if (same_cobol_name(plans[p].type_name(), *rec)) {
          r.type = p;
          found = true;
        }
      if (!found) {
        error_ = "--trailer-check " + text + ": no record type " + *rec +
                 copybook::did_you_mean(*rec, type_names);
        return;
      }
    } else if (auto sum = inner("sum")) {
      r.what = rule::kind::sum;
      if (!locate(*sum, r.type, r.cells)) {
        error_ = "--trailer-check " + text + ": no record type has a field " + *sum + near_field(*sum);
        return;
      }
    } else {
      error_ = "--trailer-check " + text + ": the aggregate must be count, count(RECORD) or sum(FIELD)";
      return;
    }
    rules_.push_back(std::move(r));
  }
  if (!rules_.empty())
    for (const auto& p : plans) decoders_.emplace_back(p);
}

void trailer_checker::observe(std::size_t type, const bridge::cell_row& row) {
  if (rules_.empty()) return;
  ++records_;
  for (rule& r : rules_) {
    if (type == r.trailer_type) {
      close_batch(r, records_, row.cell(r.trailer_cell));
      continue;
    }
    if (r.first_type < 0) r.first_type = static_cast<long>(type);
    ++r.per_type[type];
    if (r.what == rule::kind::sum && type == r.type)
      for (std::size_t c : r.cells) {
        if (row.states[c] != bridge::cell_state::value) continue;
        eb::decimal d;
        if (eb::parse_decimal(row.cell(c), d) != eb::decode_status::ok) {
          r.bad_value = true;
          continue;
        }
        int scale = std::max(r.total.scale, d.scale);
        eb::rescale(r.total, scale, r.total);
        eb::rescale(d, scale, d);
        r.total.unscaled += d.unscaled;
      }
  }
}

void trailer_checker::close_batch(rule& r, std::uint64_t record, std::string_view claimed) {
  std::string actual;
  if (r.what == rule::kind::sum) {
    actual = r.bad_value ? std::string("(unreadable values)") : eb::to_string(r.total);
  } else {
    std::uint64_t n = 0;
    for (std::size_t t = 0; t < r.per_type.size(); ++t) {
      bool header = r.per_type.size() >= 3 && static_cast<long>(t) == r.first_type;
      if (r.what == rule::kind::count_type ? t == r.type : (t != r.trailer_type && !header))
        n += r.per_type[t];
    }
    actual = std::to_string(n);
  }
  bool ok = false;
  eb::decimal a, c;
  if (eb::parse_decimal(claimed, c) == eb::decode_status::ok &&
      eb::parse_decimal(actual, a) == eb::decode_status::ok) {
    int s = std::max(a.scale, c.scale);
    eb::rescale(a, s, a);
    eb::rescale(c, s, c);
    ok = a.unscaled == c.unscaled;
  }
  results_.push_back({"trailer " + r.text + " (loaded record " + std::to_string(record) + ")",
                      std::string(claimed), actual, ok});
  r.total = eb::decimal{};
  r.bad_value = false;
  std::fill(r.per_type.begin(), r.per_type.end(), 0);
  r.first_type = -1;
}

void trailer_checker::replay(const bridge::record_view& rec) {
  if (rules_.empty()) return;
  int which = ds_->selector().choose(rec);
  if (which < 0) return;
  errors_.clear();
  if (decoders_[static_cast<std::size_t>(which)].decode_cells(rec, {}, scratch_, errors_))
    observe(static_cast<std::size_t>(which), scratch_);
}

void trailer_checker::check(reconciliation& out) const {
  for (const rule& r : rules_) {
    out.performed = true;
    bool any = false;
    for (const auto& line : results_) any |= line.what.rfind("trailer " + r.text + " ", 0) == 0;
    if (!any) out.lines.push_back({"trailer " + r.text, "(no trailer record)", "", false});
  }
  for (const auto& line : results_) {
    out.performed = true;
    out.lines.push_back(line);
  }
}

}  // namespace mfb::rehost::detail
