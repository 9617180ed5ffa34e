// The two stable renderings of a layout: the compiler-style listing and the JSON document.
// JSON comes from nlohmann-json (header only, so the library gains no link dependency).

#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "mfb/copybook/layout_printer.hpp"

namespace mfb::copybook {


const char* to_string(category c) {
  switch (c) {
    case category::group: return "group";
    case category::alphabetic: return "alphabetic";
    case category::alphanumeric: return "alphanumeric";
    case category::alphanumeric_edited: return "alphanumeric_edited";
    case category::numeric: return "numeric";
    case category::numeric_edited: return "numeric_edited";
    case category::floating: return "floating";
    case category::national: return "national";
    case category::national_edited: return "national_edited";
    case category::dbcs: return "dbcs";
    case category::pointer_or_index: return "pointer_or_index";
  }
  return "group";
}

namespace {

using json = nlohmann::ordered_json;

json path_or_null(const record_layout& r, int index) {
  if (index < 0) return nullptr;
  return r.fields[static_cast<std::size_t>(index)].path;
}

json field_json(const record_layout& r, const field& f) {
  json j;
  j["path"] = f.path;
  j["name"] = f.name;
  j["level"] = f.level;
  j["offset"] = f.offset;
  j["length"] = f.length;
  j["occurs"] = f.occurs_max > 0 ? json(f.occurs_max) : json(nullptr);
  j["occurs_min"] = f.occurs_max > 0 ? json(f.occurs_min) : json(nullptr);
  j["stride"] = f.stride;
  j["depending_on"] = f.depending_on >= 0 ? path_or_null(r, f.depending_on)
                      : f.depending_on_name.empty() ? json(nullptr)
                                                    : json(f.depending_on_name);
  j["redefines"] = path_or_null(r, f.redefines);
  j["redefined"] = f.redefined;
  j["usage"] = to_string(f.use);
  j["category"] = to_string(f.kind);
  if (f.cobrix_binary) j["cobrix_binary"] = true;  // PIC X COMP: bytes (only then, so older
                                                   // layouts read the same)
  if (f.picture) {
    j["picture"] = f.picture->text;
    j["digits"] = f.picture->digits;
    j["scale"] = f.picture->scale;
    j["signed"] = f.picture->is_signed;
  } else {
    j["picture"] = nullptr;
    j["digits"] = nullptr;
    j["scale"] = nullptr;
    j["signed"] = f.kind == category::floating;
  }
  j["sign"] = f.sign == sign_position::leading    ? json("leading")
              : f.sign == sign_position::trailing ? json("trailing")
                                                  : json(nullptr);
  j["sign_separate"] = f.sign_separate;
  j["sync"] = f.sync;
  j["slack_before"] = f.slack_before;
  j["justified"] = f.justified_right;
  j["blank_when_zero"] = f.blank_when_zero;
  j["variably_located"] = f.variably_located;
  j["value"] = f.value ? json(*f.value) : json(nullptr);
  json conditions = json::array();
  for (const auto& c : f.conditions) {
    json values = json::array();
    for (const auto& v : c.values) {
      json one;
      one["from"] = v.from;
      one["thru"] = v.thru ? json(*v.thru) : json(nullptr);
      one["numeric"] = v.is_numeric;
      values.push_back(std::move(one));
    }
    conditions.push_back({{"name", c.name}, {"values", std::move(values)}});
  }
  j["conditions"] = std::move(conditions);
  if (f.level == 66) {
    j["renames"] = {{"from", path_or_null(r, f.renames_from)},
                    {"thru", path_or_null(r, f.renames_thru)}};
  } else {
    j["renames"] = nullptr;
  }
  j["line"] = f.where.line;
  return j;
}

std::string pad(std::string s, std::size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}

std::string lpad(const std::string& s, std::size_t width) {
  return s.size() < width ? std::string(width - s.size(), ' ') + s : s;
}

std::string upper_usage(const field& f) {
  if (f.cobrix_binary) return "COMP (BYTES)";  // PIC X COMP under --cobrix
  std::string u = to_string(f.use);
  for (char& c : u) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  return u;
}

int depth(const record_layout& r, const field& f) {
  int d = 0;
  for (int p = f.parent; p >= 0; p = r.fields[static_cast<std::size_t>(p)].parent) ++d;
  return d;
}

}  // namespace

std::string to_json(const std::vector<record_layout>& records) {
  json doc;
  json list = json::array();
  for (const auto& r : records) {
    json rec;
    rec["name"] = r.name;
    rec["length"] = r.length;
    rec["min_length"] = r.min_length;
    rec["synthetic"] = r.synthetic;
    json fields = json::array();
    for (const auto& f : r.fields) fields.push_back(field_json(r, f));
    rec["fields"] = std::move(fields);
    list.push_back(std::move(rec));
  }
  doc["records"] = std::move(list);
  // Copybooks are not always UTF-8 (a Latin-1 '£' in a VALUE literal is common): invalid
  // sequences become U+FFFD in this description instead of aborting the whole listing.
  return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string to_listing(const std::vector<record_layout>& records) {
  std::string out;
  for (const auto& r : records) {
    out += "RECORD " + r.name + "  LENGTH " + std::to_string(r.length);
    if (r.min_length != r.length) out += "  (MINIMUM " + std::to_string(r.min_length) + ")";
    out += "\n";
    if (r.synthetic) {
      out += "* The copybook starts below level 01: " + r.name +
             " is a record added around its top-level items.\n";
    }
    out += "LVL NAME                            START     END  LENGTH  PICTURE         "
           "USAGE           OCCURS      REDEFINES\n";
    for (const auto& f : r.fields) {
      int d = f.level == 66 ? 0 : depth(r, f);
      std::string name = std::string(static_cast<std::size_t>(2 * d), ' ') +
                         (f.level < 10 ? "0" : "") + std::to_string(f.level) + " " + f.name;
      std::string line = pad(name, 34);
      line += lpad(std::to_string(f.offset + 1), 6) + "  ";
      line += lpad(std::to_string(f.offset + f.length), 6) + "  ";
      line += lpad(std::to_string(f.length), 6) + "  ";
      line += pad(f.picture ? f.picture->text : std::string(), 16);
      line += pad(f.is_group() ? std::string() : upper_usage(f), 16);
      std::string occurs;
      if (f.occurs_max > 0) {
        occurs = f.depending_on_name.empty()
                     ? std::to_string(f.occurs_max)
                     : std::to_string(f.occurs_min) + " TO " + std::to_string(f.occurs_max);
      }
      line += pad(occurs, 12);
      if (f.redefines >= 0) line += r.fields[static_cast<std::size_t>(f.redefines)].name;
      if (!f.depending_on_name.empty()) line += "DEPENDING ON " + f.depending_on_name;
      if (f.slack_before > 0) line += " (" + std::to_string(f.slack_before) + " slack bytes before)";
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out += line + "\n";
    }
    out += "\n";
  }
  return out;
}

}  // namespace mfb::copybook
