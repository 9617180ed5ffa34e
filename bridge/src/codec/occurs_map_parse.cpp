// --occurs-map's two spellings, read into one occurs_map, and the check that each field it
// names is a text ODO object. Hostile text (not an object, counts that are not whole
// non-negative numbers, a field or value given twice) is refused with the part at fault.

#include "mfb/bridge/codec/occurs_map_parse.hpp"

#include <charconv>
#include <cstdint>
#include <limits>

#include "mfb/bridge/codec/text/json_reader.hpp"

namespace mfb::bridge {

namespace {

namespace cb = mfb::copybook;
using text::json_kind;
using text::json_none;

constexpr std::string_view option = "--occurs-map";

std::string_view trimmed(std::string_view s) { return occurs_trimmed(s); }

/// A count: a whole number from 0 to 2^31-1, written without sign, fraction or exponent.
std::string count_of(std::string_view token, std::string_view where, std::int32_t& out) {
  std::int64_t v = -1;
  auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), v);
  if (token.empty() || ec != std::errc{} || end != token.data() + token.size() || v < 0 ||
      v > std::numeric_limits<std::int32_t>::max())
    return std::string(option) + ": the count of " + std::string(where) + " must be a whole number " +
           "from 0 to 2147483647, not '" + std::string(token) + "'";
  out = static_cast<std::int32_t>(v);
  return {};
}

/// Start the mapping of `name`; refuse an empty name or one already mapped.
std::string begin_field(occurs_map& map, std::string_view name) {
  name = trimmed(name);
  if (name.empty()) return std::string(option) + ": a field name is empty";
  for (const auto& m : map.fields)
    if (occurs_names_equal(m.field, name))
      return std::string(option) + ": field " + std::string(name) + " is mapped twice";
  map.fields.push_back({std::string(name), {}});
  return {};
}

std::string add_value(occurs_mapping& m, std::string_view value, std::string_view count) {
  value = trimmed(value);
  std::string where = m.field + "='" + std::string(value) + "'";
  std::int32_t n = 0;
  if (auto why = count_of(trimmed(count), where, n); !why.empty()) return why;
  if (m.count_of(value) >= 0)
    return std::string(option) + ": value '" + std::string(value) + "' of " + m.field +
           " is given twice";
  m.counts.emplace_back(std::string(value), n);
  return {};
}

std::string add_json(occurs_map& map, std::string_view json) {
  text::json_doc doc;
  std::string error;
  if (!doc.parse(json, error)) return std::string(option) + ": bad JSON: " + error;
  const auto& root = doc.node(doc.root());
  if (root.kind != json_kind::object)
    return std::string(option) + ": the JSON must be an object of fields, not " +
           text::json_excerpt(doc, doc.root());
  if (root.count == 0) return std::string(option) + ": the JSON object names no field";
  for (auto f = root.first; f != json_none; f = doc.node(f).next) {
    const auto& field = doc.node(f);
    if (auto why = begin_field(map, field.key); !why.empty()) return why;
    occurs_mapping& m = map.fields.back();
    if (field.kind != json_kind::object)
      return std::string(option) + ": field " + m.field +
             " must map to an object of values and counts, not " + text::json_excerpt(doc, f);
    for (auto v = field.first; v != json_none; v = doc.node(v).next) {
      const auto& value = doc.node(v);
      if (value.kind != json_kind::number)
        return std::string(option) + ": the count of " + m.field + "='" +
               std::string(value.key) + "' must be a number, not " + text::json_excerpt(doc, v);
      if (auto why = add_value(m, value.key, value.text); !why.empty()) return why;
    }
    if (m.counts.empty()) return std::string(option) + ": field " + m.field + " lists no values";
  }
  return {};
}

/// FIELD=VALUE:COUNT[,VALUE:COUNT...]: a value is everything before its item's last ':'.
std::string add_short_form(occurs_map& map, std::string_view text) {
  auto eq = text.find('=');
  if (eq == std::string_view::npos)
    return std::string(option) + ": expected FIELD=VALUE:COUNT[,VALUE:COUNT...] or a JSON "
           "object, got '" + std::string(text) + "'";
  if (auto why = begin_field(map, text.substr(0, eq)); !why.empty()) return why;
  occurs_mapping& m = map.fields.back();
  std::string_view rest = text.substr(eq + 1);
  while (true) {
    auto comma = rest.find(',');
    std::string_view item = rest.substr(0, comma);
    auto colon = item.rfind(':');
    if (colon == std::string_view::npos)
      return std::string(option) + ": '" + std::string(item) + "' in the map of " + m.field +
             " is not VALUE:COUNT";
    if (auto why = add_value(m, item.substr(0, colon), item.substr(colon + 1)); !why.empty())
      return why;
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  return {};
}

/// True when item `object` of `r` is the DEPENDING ON object of some OCCURS.
bool is_odo_object(const cb::record_layout& r, std::size_t object) {
  for (const auto& f : r.fields)
    if (f.depending_on == static_cast<int>(object)) return true;
  return false;
}

bool is_text(const cb::field& f) {
  return f.kind == cb::category::alphanumeric || f.kind == cb::category::alphabetic;
}

}  // namespace

bool occurs_map_is_json(std::string_view text) noexcept {
  std::string_view t = trimmed(text);
  return !t.empty() && (t.front() == '{' || t.front() == '[' || t.front() == '"');
}

std::string add_occurs_map(occurs_map& map, std::string_view text) {
  std::string_view t = trimmed(text);
  if (t.empty()) return std::string(option) + " is empty";
  return occurs_map_is_json(t) ? add_json(map, t) : add_short_form(map, t);
}

std::string check_occurs_map(const occurs_map* map, const std::vector<cb::record_layout>& records) {
  if (map == nullptr || records.empty()) return {};
  for (const auto& m : map->fields) {
    bool named = false, text_object = false;
    for (const auto& r : records)
      for (std::size_t i = 0; i < r.fields.size(); ++i) {
        const cb::field& f = r.fields[i];
        if (f.is_filler || !occurs_names_equal(m.field, f.name)) continue;
        named = true;
        if (!is_odo_object(r, i)) continue;
        if (!is_text(f))
          return std::string(option) + ": " + f.path + " is a numeric DEPENDING ON object; " +
                 "the map is for text (PIC X) objects only";
        text_object = true;
      }
    if (!named) return std::string(option) + ": no record of the copybook has a field " + m.field;
    if (!text_object)
      return std::string(option) + ": " + m.field +
             " is not the DEPENDING ON object of any OCCURS";
  }
  return {};
}

}  // namespace mfb::bridge
