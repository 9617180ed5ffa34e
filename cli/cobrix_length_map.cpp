// record_length_map: Cobrix reads it as a JSON object of value -> record length (numbers,
// or text holding a whole number); --length-map takes VALUE=LENGTH pairs.

#include "cobrix_length_map.hpp"

#include <cctype>

#include "mfb/bridge/codec/text/json_reader.hpp"

namespace mfb::cli::cobrix {

namespace {

bool whole_number(std::string_view s) {
  if (s.empty() || s.size() > 12) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

}  // namespace

std::string length_map_flag(const std::string& json, std::string& flag_value) {
  namespace text = mfb::bridge::text;
  text::json_doc doc;
  std::string error;
  const std::string shape = "needs a JSON object of value: length, as {\"A\":100,\"B\":50}";
  if (!doc.parse(json, error)) return shape + " (" + error + ")";
  const text::json_node& root = doc.node(doc.root());
  if (root.kind != text::json_kind::object || root.count == 0) return shape;
  flag_value.clear();
  for (auto i = root.first; i != text::json_none; i = doc.node(i).next) {
    const text::json_node& n = doc.node(i);
    const std::string key(doc.key(n));
    const std::string_view length = doc.text(n);
    const bool number = n.kind == text::json_kind::number || n.kind == text::json_kind::string;
    if (!number || !whole_number(length))
      return "the length of '" + key + "' must be a whole number, not " + text::json_excerpt(doc, i);
    if (key.find(',') != std::string::npos)
      return "the value '" + key + "' holds a comma, which --length-map cannot take";
    if (!key.empty() && (static_cast<unsigned char>(key.front()) <= 0x20 ||
                         static_cast<unsigned char>(key.back()) <= 0x20))
      return "the value '" + key + "' starts or ends with a blank: it never matches the trimmed field";
    flag_value += (flag_value.empty() ? "" : ",") + key + "=" + std::string(length);
  }
  return {};
}

}  // namespace mfb::cli::cobrix
