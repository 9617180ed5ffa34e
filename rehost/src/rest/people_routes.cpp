// The people lookup's start: each shared key's datasets and fields resolved against the
// target (a config naming what is not there stops the server), their indexes checked and
// made, and one route per shared key that no other route can shadow.

#include "rest/people_routes.hpp"

#include "mfb/copybook/layout.hpp"
#include "mfb/ebcdic/utf8.hpp"
#include "mfb/rehost/db/column_index.hpp"

namespace mfb::rehost::detail {

namespace {

bool is_template(std::string_view seg) { return seg.size() > 2 && seg.front() == '{' && seg.back() == '}'; }

std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> out;
  while (!path.empty()) {
    path.remove_prefix(1);  // the '/'
    auto slash = path.find('/');
    out.push_back(path.substr(0, slash));
    path = slash == std::string_view::npos ? std::string_view() : path.substr(slash);
  }
  return out;
}

// Whether some request path matches both patterns: the same number of segments, each pair
// equal or one of them a parameter.
bool overlap(std::string_view a, std::string_view b) {
  auto x = segments(a), y = segments(b);
  if (x.size() != y.size()) return false;
  for (std::size_t i = 0; i < x.size(); ++i)
    if (x[i] != y[i] && !is_template(x[i]) && !is_template(y[i])) return false;
  return true;
}

std::string dataset_list(dataset_routes& datasets) {
  std::string s;
  for (const auto& ref : datasets.all()) s += (s.empty() ? "" : ", ") + ref.name;
  return s.empty() ? "none" : s;
}

}  // namespace

std::string people_routes::resolve(db_pool::lease& db, const shared_key& key, const std::string& dataset,
                                   const std::string& field, source& out) {
  std::string who = "shared key '" + key.name + "': ";
  http_response problem;
  out.ref = datasets_.named(db, dataset, problem);
  if (!out.ref) return who + "no dataset named '" + dataset + "' in the target (datasets: " + dataset_list(datasets_) + ")";
  out.field = field;
  const auto& main = out.ref.ds->maps()[out.ref.type].main();
  const auto& layout = out.ref.ds->json_plans()[out.ref.type].layout();
  std::vector<std::size_t> found;
  for (std::size_t j = main.data_begin; j < main.columns.size(); ++j) {
    const auto& col = main.columns[j];
    bool cobol = col.field >= 0 && copybook::names_equal(layout.fields[static_cast<std::size_t>(col.field)].name, field);
    if (cobol || col.name == field) found.push_back(j);
  }
  if (found.empty())
    return who + "dataset '" + dataset + "' has no field '" + field +
           "' in its main table (a COBOL name or a column name; an OCCURS item cannot hold a shared key)";
  if (found.size() > 1) {
    std::string cols;
    for (std::size_t j : found) cols += (cols.empty() ? "" : ", ") + main.columns[j].name;
    return who + "dataset '" + dataset + "' has several fields named '" + field + "': name one column (" + cols + ")";
  }
  out.column = column_key(*out.ref.ds, out.ref.type, found.front());
  if (!column_indexed(*db, main, found.front())) {
    // Built once: the next start finds it (same name as load --index gives it).
    auto sql = create_column_index(*db, main, found.front());
    log_.message(bridge::severity::info, "shared key " + key.name + ": indexed " + dataset + "." +
                                             main.columns[found.front()].name + " (" + sql + ")");
  }
  return {};
}

std::string people_routes::prepare() {
  if (config_.shared_keys.empty()) return {};
  auto db = datasets_.pool().acquire();
  for (const auto& key : config_.shared_keys) {
    lookup l;
    l.config = &key;
    for (const auto& [dataset, field] : key.datasets) {
      source s;
      if (auto why = resolve(db, key, dataset, field, s); !why.empty()) return why;
      l.sources.push_back(std::move(s));
    }
    lookups_.push_back(std::move(l));
  }
  return {};
}

std::string people_routes::add_to(router& r) {
  for (const auto& l : lookups_) {
    std::string pattern = l.config->path + "/{key}";
    for (const auto& other : r.routes())
      if (overlap(pattern, other.pattern))
        return "shared key '" + l.config->name + "': path " + l.config->path + " overlaps the route " + other.pattern;
    route rt;
    rt.method = "GET";
    rt.pattern = pattern;
    rt.need = access::any;  // each dataset's read scope is checked per group
    rt.query_params = {"limit", "dataset", "cursor", "decimals"};
    rt.handler = [this, &l](request_context& ctx) { return answer(l, ctx); };
    r.add(std::move(rt));
  }
  return {};
}

std::string normalise_key(std::string key, const shared_key& how) {
  key.erase(0, std::min(key.find_first_not_of(' '), key.size()));
  key.erase(key.find_last_not_of(' ') + 1);
  if (how.no_spaces) std::erase(key, ' ');
  if (how.upper)
    for (auto& c : key)
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return key;
}

std::string check_key_text(const std::string& key) {
  if (key.empty()) return "the key is empty";
  if (key.size() > 256) return "the key is longer than 256 bytes";
  const char* p = key.data();
  const char* end = p + key.size();
  while (p < end) {
    char32_t cp = 0;
    if (!ebcdic::next_utf8(p, end, cp)) return "the key is not UTF-8";
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return "the key holds a control character";
  }
  return {};
}

}  // namespace mfb::rehost::detail
