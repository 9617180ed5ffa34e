// JSON Schema of canonical JSON records, from a record layout. The shapes follow
// DESIGN.md's canonical record: FILLER and level 66 omitted, groups nested, OCCURS as
// arrays (ODO: between the minimum and maximum count), REDEFINES alternatives nullable.

#include <algorithm>
#include <cmath>
#include <string>

#include "mfb/copybook/layout_printer.hpp"
#include "mfb/rehost/rest/openapi.hpp"

namespace mfb::rehost {

namespace {

using nlohmann::json;
using copybook::category;
using copybook::field;


std::string describe(const field& f) {
  std::string d;
  if (f.picture) d += "PIC " + f.picture->text + " ";
  d += std::string(copybook::usage_short_name(f.use)) + ", offset " + std::to_string(f.offset) + ", " +
       std::to_string(f.length) + " bytes";
  if (!f.conditions.empty()) {
    d += "; 88 levels:";
    for (const auto& c : f.conditions) {
      d += " " + c.name + "=";
      for (std::size_t i = 0; i < c.values.size(); ++i) {
        d += (i ? "," : "") + c.values[i].from;
        if (c.values[i].thru) d += " THRU " + *c.values[i].thru;
      }
    }
  }
  return d;
}

// A numeric item with `digits` digits, `scale` of them after the point.
json numeric_schema(const field& f, decimal_form decimals) {
  int digits = f.picture ? f.picture->digits : 0;
  int scale = f.picture ? f.picture->scale : 0;
  bool is_signed = f.picture ? f.picture->is_signed : true;
  if (f.kind == category::floating || f.picture == std::nullopt || f.kind == category::pointer_or_index) {
    if (decimals == decimal_form::string)
      return {{"type", "string"}, {"pattern", "^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$"}};
    return {{"type", f.kind == category::pointer_or_index ? "integer" : "number"}};
  }
  int int_digits = std::max(0, digits - std::max(scale, 0)) + std::max(0, -scale);
  int frac_digits = std::max(scale, 0);
  if (decimals == decimal_form::string) {
    std::string p = "^";
    if (is_signed) p += "-?";
    p += "[0-9]{1," + std::to_string(std::max(int_digits, 1)) + "}";
    if (frac_digits > 0) p += "(\\.[0-9]{1," + std::to_string(frac_digits) + "})?";
    return {{"type", "string"}, {"pattern", p + "$"}};
  }
  json s{{"type", scale <= 0 ? "integer" : "number"}};
  // Bounds only while a double holds them exactly enough (15 significant digits).
  if (int_digits + frac_digits <= 15 && scale >= 0) {
    double max = std::pow(10.0, int_digits) - std::pow(10.0, -frac_digits);
    if (scale == 0) {
      long long imax = static_cast<long long>(std::llround(max));
      s["maximum"] = imax;
      s["minimum"] = is_signed ? -imax : 0;
    } else {
      s["maximum"] = max;
      s["minimum"] = is_signed ? -max : 0.0;
    }
  }
  return s;
}

json elementary_schema(const field& f, decimal_form decimals) {
  json s;
  switch (f.kind) {
    case category::numeric:
    case category::numeric_edited:
    case category::floating:
    case category::pointer_or_index:
      s = numeric_schema(f, decimals);
      break;
    default: {
      s = {{"type", "string"}};
      int chars = f.picture ? f.picture->char_count : static_cast<int>(f.length);
      if (chars > 0) s["maxLength"] = chars;
    }
  }
  return s;
}

json item_schema(const copybook::record_layout& layout, const field& f, decimal_form decimals);

json group_schema(const copybook::record_layout& layout, const field& f, decimal_form decimals) {
  json props = json::object();
  for (int c : f.children) {
    const field& child = layout.fields[static_cast<std::size_t>(c)];
    if (child.is_filler || child.level == 66 || child.level == 88) continue;
    props[child.name] = item_schema(layout, child, decimals);
  }
  return {{"type", "object"}, {"properties", props}, {"additionalProperties", false}};
}

json item_schema(const copybook::record_layout& layout, const field& f, decimal_form decimals) {
  json s = f.is_group() ? group_schema(layout, f, decimals) : elementary_schema(f, decimals);
  if (!f.is_group()) s["description"] = describe(f);
  if (f.is_occurs()) {
    json a{{"type", "array"}, {"items", s}, {"maxItems", f.occurs_max}};
    a["minItems"] = f.depending_on >= 0 ? f.occurs_min : f.occurs_max;
    s = a;
  }
  // A REDEFINES alternative whose bytes are invalid for its type is null (DESIGN.md).
  if (f.redefines >= 0 || f.redefined) s["nullable"] = true;
  return s;
}

}  // namespace

void mark_raw_fields(nlohmann::json& schema, const copybook::record_layout& layout,
                     const std::vector<std::string>& raw) {
  for (const auto& f : layout.fields) {
    bool is_raw = false;
    for (const auto& name : raw)
      is_raw |= copybook::names_equal(name, f.name) || copybook::names_equal(name, f.path);
    if (!is_raw || f.is_group()) continue;
    std::vector<const field*> chain;  // the item and its named ancestors, outermost last
    for (int i = static_cast<int>(&f - layout.fields.data()); i > 0;
         i = layout.fields[static_cast<std::size_t>(i)].parent)
      chain.push_back(&layout.fields[static_cast<std::size_t>(i)]);
    json* node = &schema;
    for (auto it = chain.rbegin(); it != chain.rend() && node != nullptr; ++it) {
      if ((*it)->is_filler) continue;  // a FILLER group's items sit in the enclosing object
      if (node->contains("items")) node = &(*node)["items"];
      auto props = node->find("properties");
      node = props != node->end() && props->contains((*it)->name) ? &(*props)[(*it)->name] : nullptr;
    }
    if (node == nullptr) continue;
    json& leaf = node->contains("items") ? (*node)["items"] : *node;
    json hex{{"type", "string"}, {"pattern", "^[0-9a-fA-F]*$"},
             {"minLength", 2 * f.length}, {"maxLength", 2 * f.length}};
    if (leaf.contains("description")) hex["description"] = leaf["description"];
    if (leaf.contains("nullable")) hex["nullable"] = leaf["nullable"];
    leaf = std::move(hex);
  }
}

nlohmann::json record_schema(const copybook::record_layout& layout, decimal_form decimals) {
  if (layout.fields.empty()) return {{"type", "object"}};
  const field& root = layout.fields.front();
  json s;
  if (root.is_group()) {
    s = group_schema(layout, root, decimals);
  } else {
    s = {{"type", "object"},
         {"properties", {{root.name, item_schema(layout, root, decimals)}}},
         {"additionalProperties", false}};
  }
  s["title"] = layout.name;
  s["description"] = "Record " + layout.name + ", " + std::to_string(layout.length) + " bytes" +
                     (layout.has_odo ? " at most (OCCURS DEPENDING ON)" : "");
  return s;
}

}  // namespace mfb::rehost
