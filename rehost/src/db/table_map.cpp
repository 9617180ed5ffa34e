// Group the plan's flat columns into tables: cells outside any OCCURS go to the main table;
// each top-level OCCURS gets a child table with one row per element (nested OCCURS inside
// it stay numbered columns), unless OCCURS are flattened into numbered columns.

#include "mfb/rehost/db/table_map.hpp"
#include "mfb/copybook/name_lookup.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "db/sql_column_type.hpp"

namespace mfb::rehost {

namespace cb = mfb::copybook;

namespace {

// An item kept as its bytes (decode_options::raw_fields) is a BYTEA/BLOB column.
void keep_raw(const bridge::decode_plan& plan, const cb::record_layout& layout, sql_column& col) {
  const cb::field& f = layout.fields[static_cast<std::size_t>(col.field)];
  for (const auto& name : plan.options().raw_fields)
    if (cb::names_equal(name, f.name) || cb::names_equal(name, f.path)) {
      col.kind = sql_kind::bytes;
      col.length = f.length;
      col.check.clear();
    }
}

// The outermost OCCURS item above (or at) `index`, -1 if none.
std::int32_t outer_occurs(const cb::record_layout& layout, std::int32_t index) {
  std::int32_t found = -1;
  for (std::int32_t i = index; i >= 0; i = layout.fields[static_cast<std::size_t>(i)].parent)
    if (layout.fields[static_cast<std::size_t>(i)].is_occurs()) found = i;
  return found;
}

// Unique names within one table: the leaf name, then parent_leaf, then numbered.
class name_pool {
 public:
  std::string take(const std::string& preferred, const std::string& qualified) {
    for (const std::string& n : {preferred, qualified})
      if (!n.empty() && used_.insert(n).second) return n;
    for (int i = 2;; ++i) {
      std::string n = detail::limit_identifier(preferred + "_" + std::to_string(i));
      if (used_.insert(n).second) return n;
    }
  }

 private:
  std::set<std::string> used_;
};

std::string occurrence_suffix(const std::vector<std::uint32_t>& occ, std::size_t from) {
  std::string s;
  for (std::size_t i = from; i < occ.size(); ++i) s += "_" + std::to_string(occ[i]);
  return s;
}

}  // namespace

result<table_map> table_map::build(const bridge::decode_plan& plan, const table_options& opts) {
  const cb::record_layout& layout = plan.layout();
  const auto& sources = plan.column_sources();
  table_map map;
  map.cell_count_ = sources.size();
  std::string base = opts.table.empty() ? snake_case(layout.name) : opts.table;
  if (base.size() > 63) return error{"table name " + base + " is longer than 63 characters"};

  sql_table main;
  main.name = base;
  name_pool main_names;
  main.columns.push_back(sql_column{main_names.take(std::string(record_no_column), {}),
                                    sql_kind::bigint, 18, 0, 0, -1,
                                    "position of the record in the input file, from 1", {}});
  main.data_begin = 1;
  if (opts.parent) {
    main.parent_table = opts.parent->name;
    for (std::size_t k : opts.parent->primary_key) {
      sql_column c = opts.parent->columns[k];
      main.parent_columns.push_back(c.name);
      c.name = main_names.take(detail::limit_identifier("parent_" + c.name), {});
      c.field = -1;
      c.check.clear();
      c.comment = "key of the parent record in " + opts.parent->name + ": " + c.comment;
      main.columns.push_back(std::move(c));
      ++main.data_begin;
    }
  }
  main.cells.emplace_back();
  std::map<std::int32_t, std::size_t> child_of;  // OCCURS field -> table index
  std::vector<sql_table> children;
  std::vector<name_pool> child_names;

  for (std::size_t c = 0; c < sources.size(); ++c) {
    const bridge::column_source& src = sources[c];
    if (src.field < 0) return error{"a table load cannot carry a record-type column"};
    const cb::field& f = layout.fields[static_cast<std::size_t>(src.field)];
    std::string leaf = snake_case(f.name);
    std::string qualified;
    if (f.parent > 0)
      qualified = detail::limit_identifier(
          snake_case(layout.fields[static_cast<std::size_t>(f.parent)].name) + "_" + leaf);
    std::int32_t outer = src.occurrence.empty() ? -1 : outer_occurs(layout, src.field);
    if (outer < 0 || opts.flatten_occurs) {
      std::string suffix = occurrence_suffix(src.occurrence, 0);
      // A flattened element is named from its CSV column, which carries every number.
      std::string name = suffix.empty() ? leaf : snake_case(plan.columns()[c]);
      sql_column col = detail::column_for(layout, src.field, opts.check_88, src.occurrence);
      keep_raw(plan, layout, col);
      col.name = main_names.take(name, suffix.empty() ? qualified : std::string{});
      main.columns.push_back(std::move(col));
      main.cells[0].push_back(c);
      continue;
    }
    auto [it, fresh] = child_of.emplace(outer, children.size());
    if (fresh) {
      sql_table t;
      t.name = detail::limit_identifier(
          base + "_" + snake_case(layout.fields[static_cast<std::size_t>(outer)].name));
      t.occurs_field = outer;
      child_names.emplace_back();
      name_pool& names = child_names.back();
      t.columns.push_back(sql_column{names.take(std::string(record_no_column), {}),
                                     sql_kind::bigint, 18, 0, 0, -1,
                                     "the parent record's " + std::string(record_no_column), {}});
      t.columns.push_back(sql_column{names.take(std::string(occurrence_column), {}),
                                     sql_kind::integer, 9, 0, 0, -1,
                                     "element number of " +
                                         layout.fields[static_cast<std::size_t>(outer)].path +
                                         ", from 1",
                                     {}});
      t.data_begin = 2;
      t.primary_key = {0, 1};
      children.push_back(std::move(t));
    }
    sql_table& t = children[it->second];
    std::uint32_t element = src.occurrence.front();
    if (t.cells.size() < element) t.cells.resize(element);
    auto& row = t.cells[element - 1];
    if (element == 1) {
      std::string suffix = occurrence_suffix(src.occurrence, 1);
      sql_column col = detail::column_for(layout, src.field, opts.check_88);
      keep_raw(plan, layout, col);
      col.name = child_names[it->second].take(detail::limit_identifier(leaf + suffix),
                                              suffix.empty() ? qualified : std::string{});
      t.columns.push_back(std::move(col));
    }
    row.push_back(c);
  }

  // The key: named fields of the main table (a group stands for its elementary items), or
  // the record number.
  auto within = [&](std::int32_t field, std::int32_t group) {
    for (std::int32_t i = field; i >= 0; i = layout.fields[static_cast<std::size_t>(i)].parent)
      if (i == group) return true;
    return false;
  };
  // The main table's columns of a named field (empty: no such field outside OCCURS).
  auto columns_of = [&](const std::string& name) {
    std::int32_t named = -1;
    for (std::size_t i = 0; i < layout.fields.size() && named < 0; ++i)
      if (detail::same_cobol_name(layout.fields[i].name, name) ||
          detail::same_cobol_name(layout.fields[i].path, name))
        named = static_cast<std::int32_t>(i);
    std::vector<std::size_t> out;
    for (std::size_t j = main.data_begin; named >= 0 && j < main.columns.size(); ++j)
      if (within(main.columns[j].field, named)) out.push_back(j);
    return out;
  };
  for (const std::string& k : opts.key) {
    auto cols = columns_of(k);
    if (cols.empty())
      return error{"--key " + k + ": no such field outside OCCURS in record " + layout.name +
                   cb::did_you_mean(k, cb::item_names({&layout}))};
    for (std::size_t j : cols) {
      main.primary_key.push_back(j);
      map.key_cells_.push_back(main.cells[0][j - main.data_begin]);
    }
  }
  if (main.primary_key.empty()) main.primary_key = {0};
  for (const auto& fields : opts.indexes) {
    std::vector<std::size_t> index;
    for (const std::string& f : fields) {
      auto cols = columns_of(f);
      if (cols.empty() && opts.skip_missing_indexes) {
        index.clear();
        break;
      }
      if (cols.empty())
        return error{"--index " + f + ": no such field outside OCCURS in record " + layout.name +
                     cb::did_you_mean(f, cb::item_names({&layout}))};
      index.insert(index.end(), cols.begin(), cols.end());
    }
    if (!index.empty()) main.indexes.push_back(std::move(index));
  }
  map.tables_.push_back(std::move(main));
  for (auto& t : children) map.tables_.push_back(std::move(t));
  return map;
}

}  // namespace mfb::rehost
