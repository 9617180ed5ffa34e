// The decoder writes each record as one flat JSON object; nesting moves text, it does not
// re-encode values, so numbers keep their exact text. A child's element is the value of its
// segment's member (the REDEFINES alternative named by its type), and its own children go
// in before that object's closing brace.

#include "convert/nested_rows.hpp"

#include <cctype>

namespace mfb::bridge::detail {

namespace {

// COBOL names and Spark names ('-' as '_') name the same member.
bool same_name(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i] == '_' ? '-' : a[i], y = b[i] == '_' ? '-' : b[i];
    if (std::toupper(static_cast<unsigned char>(x)) != std::toupper(static_cast<unsigned char>(y)))
      return false;
  }
  return true;
}

// The value [begin, end) of the top-level member `name` of the JSON object `obj`; {0, 0}
// when it has none. Our own output: no spaces between tokens.
std::pair<std::size_t, std::size_t> member_value(std::string_view obj, std::string_view name) {
  int depth = 0;
  bool in_string = false, want = false;
  std::size_t key_begin = 0, value_begin = 0;
  for (std::size_t i = 0; i < obj.size(); ++i) {
    const char c = obj[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    switch (c) {
      case '"':
        in_string = true;
        if (depth == 1) key_begin = i + 1;
        break;
      case ':':
        if (depth == 1) {
          want = same_name(obj.substr(key_begin, i - 1 - key_begin), name);
          value_begin = i + 1;
        }
        break;
      case '{':
      case '[':
        ++depth;
        break;
      case '}':
      case ']':
        --depth;
        if (want && depth == 1) return {value_begin, i + 1};  // an object or array value
        if (want && depth == 0) return {value_begin, i};      // a scalar, last member
        break;
      case ',':
        if (want && depth == 1) return {value_begin, i};
        break;
      default:
        break;
    }
  }
  return {0, 0};
}

}  // namespace

std::string hierarchical_record_columns(const nested_group_info& g) {
  return "\"Record_Id\":" + std::to_string(g.next_root_index) +
         ",\"Record_Byte_Length\":" + std::to_string(g.payload_bytes) + ",";
}

nested_rows::nested_rows(std::vector<int> parent_of, std::vector<std::string> names,
                         std::size_t max_records)
    : parent_of_(std::move(parent_of)), names_(std::move(names)), max_records_(max_records) {}

result<bool> nested_rows::add(int type, std::uint64_t number, std::uint64_t payload,
                              std::string_view line, std::string& out) {
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  const int parent = parent_of_[static_cast<std::size_t>(type)];
  if (parent < 0) {
    flush(number - 1, out);
    group_ = {number, 0, 0, 0};
  } else {
    while (!stack_.empty() && nodes_[stack_.back()].type != parent) stack_.pop_back();
    if (stack_.empty())
      return error{"record " + std::to_string(number) + ": no " +
                   names_[static_cast<std::size_t>(parent)] + " record is open for this " +
                   names_[static_cast<std::size_t>(type)] + " record"};
  }
  if (group_.records >= max_records_)
    return error{"record " + std::to_string(number) + ": the group of root record " +
                 std::to_string(group_.root_record) + " holds more than " +
                 std::to_string(max_records_) + " records (--max-group-records)"};
  ++group_.records;
  group_.payload_bytes += payload;
  node n;
  n.type = type;
  auto [b, e] = member_value(line, names_[static_cast<std::size_t>(type)]);
  const bool is_object = e > b && line[b] == '{' && line[e - 1] == '}';
  if (parent < 0) {
    n.text.assign(line);
    n.insert = is_object ? e - 1 : line.size() - 1;
  } else {
    n.text.assign(is_object ? line.substr(b, e - b) : line);
    n.insert = n.text.size() - 1;
  }
  nodes_.push_back(std::move(n));
  const std::size_t me = nodes_.size() - 1;
  if (parent >= 0) nodes_[stack_.back()].children.push_back(me);
  stack_.push_back(me);
  return true;
}

void nested_rows::render(std::size_t n, std::string& out) const {
  const node& x = nodes_[n];
  out.append(x.text, 0, x.insert);
  bool empty = x.insert > 0 && x.text[x.insert - 1] == '{';
  for (std::size_t t = 0; t < parent_of_.size(); ++t) {
    if (parent_of_[t] != x.type) continue;
    out += empty ? "\"" : ",\"";
    empty = false;
    out += names_[t];
    out += "\":[";
    bool first = true;
    for (std::size_t c : x.children) {
      if (nodes_[c].type != static_cast<int>(t)) continue;
      if (!first) out += ',';
      first = false;
      render(c, out);
    }
    out += ']';
  }
  out.append(x.text, x.insert, std::string::npos);
}

void nested_rows::flush(std::uint64_t next_root_index, std::string& out) {
  if (nodes_.empty()) return;
  group_.next_root_index = next_root_index;
  const std::size_t start = out.size();
  render(0, out);
  if (row_prefix) out.insert(start + 1, row_prefix(group_));
  out += '\n';
  nodes_.clear();
  stack_.clear();
}

void nested_rows::finish(std::uint64_t records_read, std::string& out) { flush(records_read, out); }

}  // namespace mfb::bridge::detail
