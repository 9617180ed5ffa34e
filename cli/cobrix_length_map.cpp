// record_length_field as a field and a constant, and record_length_map: Cobrix reads the
// map as a JSON object of value -> record length (numbers, or text holding a whole number);
// --length-map takes VALUE=LENGTH pairs.

#include "cobrix_length_map.hpp"

#include <cctype>
#include <charconv>

#include "mfb/bridge/codec/text/json_reader.hpp"

namespace mfb::cli::cobrix {

namespace {

bool whole_number(std::string_view s) {
  if (s.empty() || s.size() > 12) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t") + 1 - first);
}

}  // namespace

std::string length_field_expression(const std::string& v, std::string& field, long long& constant) {
  constant = 0;
  const std::string text = trimmed(v);
  // '+' is never in a COBOL name; '-' is (RECORD-LEN), so only " - " subtracts.
  std::size_t op = text.find('+');
  if (op == std::string::npos) op = text.find(" - ");
  if (op != std::string::npos && text[op] == ' ') ++op;
  const std::string name = trimmed(text.substr(0, op));
  const std::string number = op == std::string::npos ? "0" : trimmed(text.substr(op + 1));
  long long n = 0;
  auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), n);
  if (name.empty() || name.find_first_of("+*/() \t") != std::string::npos || number.empty() ||
      ec != std::errc{} || end != number.data() + number.size() || n < 0 || n > (1LL << 31))
    return "'" + v + "': mfbridge takes a field, or a field plus or minus a whole number "
           "(RECORD-LEN + 4); other expressions are not supported";
  field = name;
  constant = op != std::string::npos && text[op] == '-' ? -n : n;
  return {};
}

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
