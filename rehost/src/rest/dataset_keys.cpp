// Dataset keys and cursors.

#include "rest/dataset_keys.hpp"

#include <algorithm>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "mfb/copybook/layout.hpp"

#include "rest/json_text.hpp"
#include "mfb/rehost/rest/http_types.hpp"

namespace mfb::rehost::detail {

namespace {
int scale_of(const rehost::sql_column& col) {
  switch (col.kind) {
    case rehost::sql_kind::smallint:
    case rehost::sql_kind::integer:
    case rehost::sql_kind::bigint: return 0;
    case rehost::sql_kind::numeric: return col.scale;
    default: return -1;
  }
}
}  // namespace

key_spec key_of(const rehost::dataset& ds, std::size_t type) {
  key_spec k;
  k.trims_text = !ds.decoding().keep_trailing_spaces;
  const auto& map = ds.maps()[type];
  const auto& main = map.main();
  if (map.key_cells().empty()) {
    k.columns.push_back(rehost::quote_ident(main.columns.front().name));
    k.names.emplace_back(rehost::record_no_column);
    k.numeric.push_back(true);
    k.scales.push_back(0);
    return k;
  }
  const auto& layout = ds.json_plans()[type].layout();
  for (std::size_t cell : map.key_cells()) {
    for (std::size_t j = 0; j < main.cells[0].size(); ++j) {
      if (main.cells[0][j] != cell) continue;
      const auto& col = main.columns[main.data_begin + j];
      k.columns.push_back(rehost::quote_ident(col.name));
      k.names.push_back(col.field >= 0 ? layout.fields[static_cast<std::size_t>(col.field)].name : col.name);
      k.cells.push_back(cell);
      k.numeric.push_back(col.kind != rehost::sql_kind::text);
      k.scales.push_back(scale_of(col));
    }
  }
  return k;
}

key_spec filters_of(const rehost::dataset& ds, std::size_t type) {
  key_spec f = key_of(ds, type);
  const auto& main = ds.maps()[type].main();
  for (const auto& index : main.indexes) {
    for (std::size_t j : index) {
      key_spec c = column_key(ds, type, j);
      if (std::find(f.columns.begin(), f.columns.end(), c.columns[0]) != f.columns.end()) continue;
      std::string name = c.names[0];
      for (const auto& n : f.names)
        if (copybook::names_equal(n, name)) name = main.columns[j].name;
      f.columns.push_back(c.columns[0]);
      f.names.push_back(name);
      f.numeric.push_back(c.numeric[0]);
      f.scales.push_back(c.scales[0]);
    }
  }
  return f;
}

key_spec column_key(const rehost::dataset& ds, std::size_t type, std::size_t column) {
  const auto& col = ds.maps()[type].main().columns.at(column);
  const auto& layout = ds.json_plans()[type].layout();
  key_spec k;
  k.trims_text = !ds.decoding().keep_trailing_spaces;
  k.columns.push_back(rehost::quote_ident(col.name));
  k.names.push_back(col.field >= 0 ? layout.fields[static_cast<std::size_t>(col.field)].name : col.name);
  k.numeric.push_back(col.kind != rehost::sql_kind::text);
  k.scales.push_back(scale_of(col));
  return k;
}

std::string filter_list(const key_spec& f) {
  std::string s;
  for (const auto& n : f.names) s += (s.empty() ? "" : ", ") + n;
  return s;
}

std::string check_value(const key_spec& k, std::size_t i, std::string& p) {
  // A value that cannot be a number never reaches a numeric column: PostgreSQL would
  // fail the statement instead of finding nothing.
  if (!k.numeric[i]) {
    if (k.trims_text) p.erase(p.find_last_not_of(' ') + 1);
    return {};
  }
  std::size_t j = (!p.empty() && (p[0] == '-' || p[0] == '+')) ? 1 : 0;
  bool negative = !p.empty() && p[0] == '-';
  std::string whole, fraction;
  bool point = false, ok = j < p.size() && p.size() < 64;
  for (; ok && j < p.size(); ++j) {
    if (p[j] >= '0' && p[j] <= '9') (point ? fraction : whole) += p[j];
    else if (p[j] == '.' && !point) point = true;
    else ok = false;
  }
  if (!ok || (whole.empty() && fraction.empty())) return "must be a number";
  int scale = k.scales[i];
  if (scale < 0) return {};  // a float column: compared as a number by both targets
  // Exact columns hold their scale's digits (SQLite keeps decimals as that text): the
  // value is written the same way, so 5, 5.0 and 05 find 5.00.
  auto s = static_cast<std::size_t>(scale);
  if (fraction.size() > s) {
    if (fraction.find_first_not_of('0', s) != std::string::npos)
      return "has more than " + std::to_string(scale) + " decimal places";
    fraction.resize(s);
  }
  fraction.resize(s, '0');
  whole.erase(0, std::min(whole.find_first_not_of('0'), whole.size()));
  if (whole.empty()) whole = "0";
  bool zero = whole == "0" && fraction.find_first_not_of('0') == std::string::npos;
  p = (negative && !zero ? "-" : "") + whole + (s > 0 ? "." + fraction : "");
  return {};
}

std::string check_key_parts(const key_spec& k, std::vector<std::string>& parts,
                            std::size_t& bad_index) {
  for (std::size_t i = 0; i < parts.size() && i < k.numeric.size(); ++i) {
    if (auto why = check_value(k, i, parts[i]); !why.empty()) {
      bad_index = i;
      return why;
    }
  }
  return {};
}

std::size_t parent_type(const rehost::dataset& ds, const rehost::sql_table& main) {
  for (std::size_t t = 0; t < ds.maps().size(); ++t)
    if (ds.maps()[t].main().name == main.parent_table) return t;
  throw std::logic_error("the parent table " + main.parent_table + " is not a record type's");
}

std::vector<openapi_filter> parent_fields(const rehost::dataset& ds, std::size_t type) {
  std::vector<openapi_filter> out;
  const auto& main = ds.maps()[type].main();
  if (main.parent_table.empty()) return out;
  key_spec pk = key_of(ds, parent_type(ds, main));
  for (std::size_t i = 0; i < pk.names.size(); ++i) out.push_back({pk.names[i], pk.numeric[i]});
  return out;
}

std::string record_answer(const rehost::dataset& ds, const rehost::stored_record& rec) {
  std::string text = strip_newline(rehost::record_json(ds, rec));
  bool any = false;
  for (const auto& v : rec.parent) any = any || v.has_value();
  if (!any || text.empty() || text.back() != '}') return text;
  key_spec pk = key_of(ds, parent_type(ds, ds.maps()[rec.type].main()));
  std::string parent = ",\"_parent\":{";
  for (std::size_t i = 0; i < pk.names.size() && i < rec.parent.size(); ++i) {
    parent += (i ? "," : "") + nlohmann::json(pk.names[i]).dump() + ':';
    if (!rec.parent[i]) parent += "null";
    else if (pk.numeric[i]) parent += *rec.parent[i];
    else parent += nlohmann::json(*rec.parent[i]).dump();
  }
  text.insert(text.size() - 1, parent + '}');
  return text;
}

bool split_key(const std::string& key, std::size_t columns, std::vector<std::string>& parts) {
  parts.clear();
  if (columns <= 1) {
    parts.push_back(key);
    return true;
  }
  std::size_t start = 0;
  while (true) {
    auto comma = key.find(',', start);
    std::string part;
    if (!percent_decode(std::string_view(key).substr(start, comma - start), false, part)) return false;
    parts.push_back(std::move(part));
    if (comma == std::string::npos) return true;
    start = comma + 1;
  }
}

namespace {
// A composite key's part with its ',' and '%' escaped, so split_key finds it whole.
std::string escape_part(const std::string& part) {
  std::string out;
  for (char c : part) out += c == '%' ? "%25" : c == ',' ? "%2C" : std::string(1, c);
  return out;
}
}  // namespace

std::string join_key(const std::vector<std::string>& parts) {
  if (parts.size() == 1) return parts.front();
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? "," : "") + escape_part(parts[i]);
  return out;
}

std::string key_path(const std::vector<std::string>& parts) {
  if (parts.size() == 1) return percent_encode(parts.front());
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i)
    out += (i ? "," : "") + percent_encode(escape_part(parts[i]));
  return out;
}

bool parse_page_size(const std::string& value, std::size_t max, std::size_t& out) {
  bool digits = !value.empty() && value.size() < 10 && value.find_first_not_of("0123456789") == std::string::npos;
  std::size_t n = digits ? std::stoul(value) : 0;
  if (n == 0 || n > max) return false;
  out = n;
  return true;
}

std::vector<std::string> key_parts(const key_spec& k, const rehost::stored_record& rec) {
  std::vector<std::string> parts;
  if (k.cells.empty()) parts.push_back(std::to_string(rec.record_no));
  for (std::size_t c : k.cells) parts.push_back(rec.cells[c].value_or(""));
  return parts;
}

std::string key_values(const key_spec& k, const rehost::stored_record& rec) {
  return nlohmann::json(key_parts(k, rec)).dump();
}

bool cursor_condition(const key_spec& key, const std::string& cursor, rehost::record_query& q,
                      std::string& condition) {
  std::vector<std::string> after;
  std::size_t bad = 0;
  if (!cursor_decode(cursor, key.columns.size(), after) || !check_key_parts(key, after, bad).empty())
    return false;
  std::string lhs, rhs;
  for (std::size_t i = 0; i < after.size(); ++i) {
    q.params.push_back(after[i]);
    lhs += (i ? ", " : "") + key.columns[i];
    rhs += (i ? ", " : "") + param(q.params.size());
  }
  condition = after.size() == 1 ? lhs + " > " + rhs : "(" + lhs + ") > (" + rhs + ")";
  return true;
}

std::string cursor_encode(const std::string& text) {
  auto s = base64_encode(reinterpret_cast<const std::uint8_t*>(text.data()), text.size());
  for (auto& c : s) c = c == '+' ? '-' : c == '/' ? '_' : c;
  while (!s.empty() && s.back() == '=') s.pop_back();
  return s;
}

bool cursor_decode(std::string s, std::size_t parts, std::vector<std::string>& out) {
  for (auto& c : s) {
    if (c == '-') c = '+';
    else if (c == '_') c = '/';
    else if (c == '+' || c == '/') return false;
  }
  std::vector<std::uint8_t> bytes;
  if (!base64_decode(s, bytes)) return false;
  auto j = nlohmann::json::parse(bytes.begin(), bytes.end(), nullptr, false);
  if (!j.is_array() || j.size() != parts) return false;
  out.clear();
  for (const auto& v : j) {
    if (!v.is_string()) return false;
    out.push_back(v.get<std::string>());
  }
  return true;
}

std::string strip_newline(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}

std::string param(std::size_t n) { return "$" + std::to_string(n); }


}  // namespace mfb::rehost::detail
