// The dataset spec as JSON, the catalog table that stores it, and reading copybooks (with
// the COPY members they name) from disk into a spec.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "mfb/bridge/codec/occurs_map_parse.hpp"
#include "mfb/rehost/db/dataset.hpp"
#include "mfb/copybook/name_lookup.hpp"

namespace mfb::rehost {

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

namespace {

bool read_file(const fs::path& p, std::string& text) {
  std::ifstream f(p, std::ios::binary);
  if (!f) return false;
  std::ostringstream s;
  s << f.rdbuf();
  text = s.str();
  return true;
}

// The COPY member names a copybook text mentions.
std::vector<std::string> copy_names(const std::string& text) {
  static const std::regex copy(R"(\bCOPY\s+["']?([A-Za-z0-9][A-Za-z0-9_-]*))",
                               std::regex::icase);
  std::vector<std::string> names;
  for (std::sregex_iterator it(text.begin(), text.end(), copy), end; it != end; ++it)
    names.push_back((*it)[1]);
  return names;
}

std::optional<fs::path> find_member(const std::string& name, const std::vector<fs::path>& dirs) {
  static const char* const extensions[] = {"",     ".cpy", ".CPY", ".cob", ".COB",
                                           ".cbl", ".CBL", ".copy", ".COPY"};
  for (const auto& d : dirs)
    for (const char* ext : extensions) {
      fs::path p = d / (name + ext);
      std::error_code ec;
      if (fs::is_regular_file(p, ec)) return p;
    }
  return std::nullopt;
}

json texts_json(const std::vector<named_text>& v) {
  json a = json::array();
  for (const auto& t : v) a.push_back({{"name", t.name}, {"text", t.text}});
  return a;
}

std::vector<named_text> texts_from(const json& a) {
  std::vector<named_text> v;
  for (const auto& t : a) v.push_back({t.at("name").get<std::string>(), t.at("text").get<std::string>()});
  return v;
}

}  // namespace

result<dataset_spec> dataset_spec::from_files(const std::vector<std::string>& copybooks,
                                              const std::vector<std::string>& include_dirs) {
  dataset_spec spec;
  std::vector<fs::path> dirs(include_dirs.begin(), include_dirs.end());
  std::vector<std::string> pending;
  for (const auto& c : copybooks) {
    named_text t{fs::path(c).filename().string(), {}};
    if (!read_file(c, t.text)) return error{"cannot read copybook " + c};
    fs::path parent = fs::path(c).parent_path();
    dirs.push_back(parent.empty() ? fs::path(".") : parent);
    for (auto& n : copy_names(t.text)) pending.push_back(n);
    spec.source.copybook_texts.push_back(std::move(t));
  }
  std::set<std::string> seen;
  while (!pending.empty()) {  // members may COPY further members
    std::string n = pending.back();
    pending.pop_back();
    if (!seen.insert(n).second) continue;
    auto p = find_member(n, dirs);
    if (!p) continue;  // the parser reports a missing member with its position
    named_text t{p->filename().string(), {}};
    if (!read_file(*p, t.text)) return error{"cannot read copybook member " + p->string()};
    for (auto& m : copy_names(t.text)) pending.push_back(m);
    spec.source.members.push_back(std::move(t));
  }
  return spec;
}

// The codec options as the catalog spells them (the CLI's option values).
static const char* float_format_name(ebcdic::float_format f) {
  return f == ebcdic::float_format::ieee_big ? "ieee" : "hfp";
}
static const char* zoned_name(ebcdic::zoned_charset z) { return z == ebcdic::zoned_charset::ascii ? "ascii" : "ebcdic"; }
static const char* trunc_name(ebcdic::truncation t) { return t == ebcdic::truncation::binary ? "bin" : "std"; }

std::string dataset_spec::to_json() const {
  const bridge::source_spec& s = source;
  json j = {{"name", name},
            {"copybooks", texts_json(s.copybook_texts)},
            {"members", texts_json(s.members)},
            {"codepage", s.codepage},
            {"cobrix", s.cobrix_extensions},
            {"recfm", recfm},
            {"lrecl", s.framing.lrecl},
            {"rdw_little_endian", !s.framing.rdw_big_endian},
            {"rdw_excludes_header", !s.framing.rdw_includes_header},
            {"block_size", block_size},
            {"record", s.record_name},
            {"select", s.selects},
            {"float_format", float_format_name(s.decode.float_format)},
            {"zoned", zoned_name(s.decode.zoned_charset)},
            {"trunc", trunc_name(s.decode.binary_trunc)},
            {"key", key},
            {"parents", s.parents},
            {"flatten_occurs", flatten_occurs},
            {"check_88", check_88},
            {"indexes", indexes},
            {"raw", raw}};
  if (s.decode.allow_trailing_bytes) j["allow_trailing_bytes"] = true;  // older catalogs lack it
  if (s.decode.occurs) {  // --occurs-map, as its JSON text (older catalogs lack it)
    json map = json::object();
    for (const auto& f : s.decode.occurs->fields)
      for (const auto& [value, count] : f.counts) map[f.field][value] = count;
    j["occurs_map"] = map.dump();
  }
  if (s.copybook_format != copybook::source_format::automatic || s.sequence_area != 6 ||
      s.right_margin != 72)  // --copybook-format, --copybook-columns (older catalogs lack them)
    j["copybook_format"] = {static_cast<int>(s.copybook_format), s.sequence_area, s.right_margin};
  if (!s.length_field.empty()) {  // --recfm LENGTH-FIELD (older catalogs lack it)
    j["length_field"] = s.length_field;
    j["length_adjust"] = s.framing.length_adjust;
  }
  // Framing tuned past the format (older catalogs lack them): the records must frame alike
  // when the dataset is opened again.
  const auto& f = s.framing;
  if (!f.length_map.empty()) j["length_map"] = f.length_map;
  if (f.bdw_big_endian) j["bdw_big_endian"] = *f.bdw_big_endian;
  if (f.bdw_adjust != 0) j["bdw_adjust"] = f.bdw_adjust;
  if (f.keep_partial_last_record) j["keep_partial_last_record"] = true;
  return j.dump();
}

result<dataset_spec> dataset_spec::from_json(std::string_view text) {
  try {
    json j = json::parse(text);
    dataset_spec ds;
    bridge::source_spec& s = ds.source;
    ds.name = j.at("name").get<std::string>();
    s.copybook_texts = texts_from(j.at("copybooks"));
    s.members = texts_from(j.at("members"));
    s.codepage = j.at("codepage").get<std::string>();
    s.cobrix_extensions = j.at("cobrix").get<bool>();
    ds.set_recfm(j.at("recfm").get<std::string>());
    s.framing.lrecl = j.at("lrecl").get<std::size_t>();
    s.framing.rdw_big_endian = !j.at("rdw_little_endian").get<bool>();
    s.framing.rdw_includes_header = !j.at("rdw_excludes_header").get<bool>();
    s.record_name = j.at("record").get<std::string>();
    if (j.contains("block_size")) ds.block_size = j.at("block_size").get<std::size_t>();
    s.selects = j.at("select").get<std::vector<std::string>>();
    auto flt = j.at("float_format").get<std::string>();
    s.decode.float_format = flt == "ieee" ? ebcdic::float_format::ieee_big : ebcdic::float_format::ibm_hex;
    auto zoned = j.at("zoned").get<std::string>();
    s.decode.zoned_charset = zoned == "ascii" ? ebcdic::zoned_charset::ascii : ebcdic::zoned_charset::ebcdic;
    auto trunc = j.at("trunc").get<std::string>();
    s.decode.binary_trunc = trunc == "bin" ? ebcdic::truncation::binary : ebcdic::truncation::standard;
    ds.key = j.at("key").get<std::vector<std::string>>();
    if (j.contains("parents")) s.parents = j.at("parents").get<std::vector<std::string>>();
    ds.flatten_occurs = j.at("flatten_occurs").get<bool>();
    ds.check_88 = j.at("check_88").get<bool>();
    if (j.contains("allow_trailing_bytes"))
      s.decode.allow_trailing_bytes = j.at("allow_trailing_bytes").get<bool>();
    if (j.contains("length_field")) {
      s.length_field = j.at("length_field").get<std::string>();
      s.framing.length_adjust = j.at("length_adjust").get<long long>();
    }
    if (j.contains("occurs_map")) {
      auto map = std::make_shared<bridge::occurs_map>();
      if (auto why = bridge::add_occurs_map(*map, j.at("occurs_map").get<std::string>()); !why.empty())
        return error{"bad dataset spec in the catalog: " + why};
      s.decode.occurs = std::move(map);
    }
    if (j.contains("copybook_format")) {
      const auto& f = j.at("copybook_format");
      const int format = f.at(0).get<int>();
      if (format < 0 || format > 2) throw std::runtime_error("copybook_format out of range");
      s.copybook_format = static_cast<copybook::source_format>(format);
      s.sequence_area = f.at(1).get<int>();
      s.right_margin = f.at(2).get<int>();
    }
    if (j.contains("length_map"))
      s.framing.length_map = j.at("length_map").get<std::vector<std::pair<std::string, std::uint64_t>>>();
    if (j.contains("bdw_big_endian")) s.framing.bdw_big_endian = j.at("bdw_big_endian").get<bool>();
    if (j.contains("bdw_adjust")) s.framing.bdw_adjust = j.at("bdw_adjust").get<long long>();
    if (j.contains("keep_partial_last_record"))
      s.framing.keep_partial_last_record = j.at("keep_partial_last_record").get<bool>();
    if (j.contains("raw")) ds.raw = j.at("raw").get<std::vector<std::string>>();
    if (j.contains("indexes"))
      ds.indexes = j.at("indexes").get<std::vector<std::vector<std::string>>>();
    return ds;
  } catch (const std::exception& e) {
    return error{std::string("bad dataset spec in the catalog: ") + e.what()};
  }
}

std::string catalog_sql(sql_dialect dialect) {
  const char* ts = dialect == sql_dialect::postgresql ? "TIMESTAMPTZ" : "TEXT";
  return std::string("CREATE TABLE IF NOT EXISTS mfbridge_datasets (\n"
                     "  name TEXT PRIMARY KEY,\n"
                     "  spec TEXT NOT NULL,\n"
                     "  tables TEXT NOT NULL,\n"
                     "  updated_at ") + ts + " NOT NULL)";
}

void save_dataset(database& db, const dataset_spec& spec) {
  db.execute(catalog_sql(db.dialect()));
  auto opened = dataset::open(spec);
  json tables = json::array();
  if (opened)
    for (const auto& m : (*opened)->maps())
      for (const auto& t : m.tables()) tables.push_back(t.name);
  const char* now = db.dialect() == sql_dialect::postgresql ? "now()" : "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')";  // ISO 8601
  db.query(std::string("INSERT INTO mfbridge_datasets (name, spec, tables, updated_at) "
                       "VALUES ($1, $2, $3, ") + now + ") ON CONFLICT (name) DO UPDATE SET "
                       "spec = excluded.spec, tables = excluded.tables, updated_at = excluded.updated_at",
           {spec.name, spec.to_json(), tables.dump()});
}

std::vector<std::string> dataset_names(database& db) {
  std::vector<std::string> names;
  if (!db.table_exists("mfbridge_datasets")) return names;
  for (auto& row : db.query("SELECT name FROM mfbridge_datasets ORDER BY name").rows)
    if (row[0]) names.push_back(*row[0]);
  return names;
}

result<std::shared_ptr<const dataset>> dataset::open(database& db, std::string_view name) {
  if (!db.table_exists("mfbridge_datasets"))
    return error{"the target has no mfbridge_datasets catalog: nothing was loaded into it"};
  auto rows = db.query("SELECT spec FROM mfbridge_datasets WHERE name = $1", {std::string(name)});
  if (rows.rows.empty() || !rows.rows[0][0]) {
    // Name the datasets there are: a user who mistyped one, or never loaded it, sees the
    // choices without a query of the catalog.
    const auto names = dataset_names(db);
    std::string there;
    for (std::size_t i = 0; i < names.size() && i < 20; ++i) there += (i ? ", " : "") + names[i];
    if (names.size() > 20) there += ", ... (" + std::to_string(names.size()) + " in all)";
    return error{"no dataset named " + std::string(name) + " in the catalog" +
                 copybook::did_you_mean(name, names) +
                 (names.empty() ? "; it holds none" : "; its datasets: " + there)};
  }
  auto spec = dataset_spec::from_json(*rows.rows[0][0]);
  if (!spec) return error{spec.err().message};
  return open(std::move(spec).value());
}

}  // namespace mfb::rehost
