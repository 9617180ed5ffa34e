// The checks the option handlers share, the lookup of an option's row, and the flags of the
// options that only mean something together (see cobrix_mapping.hpp).

#include "cobrix_mapping.hpp"

#include "cobrix_copybook_options.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace mfb::cli::cobrix {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

bool parse_int(const std::string& v, long long& out) {
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  return !v.empty() && ec == std::errc{} && end == v.data() + v.size();
}

std::optional<bool> parse_bool(const std::string& value) {
  std::string l = lower(value);
  if (l == "true") return true;
  if (l == "false") return false;
  return std::nullopt;
}

std::string bool_value(const std::string& v, bool& out) {
  auto b = parse_bool(v);
  if (!b) return "needs true or false, not '" + v + "'";
  out = *b;
  return {};
}

std::string optional_bool(const std::string& v, std::optional<bool>& out) {
  bool b = false;
  if (auto why = bool_value(v, b); !why.empty()) return why;
  out = b;
  return {};
}

std::string bool_choice_flag(const char* flag, const std::string& v, const char* if_true,
                             const char* if_false, mapping_state& s) {
  bool b = false;
  if (auto why = bool_value(v, b); !why.empty()) return why;
  s.flags.insert(s.flags.end(), {flag, b ? if_true : if_false});
  return {};
}

std::string count_flag(const char* flag, const std::string& v, mapping_state& s) {
  long long n = 0;
  if (!parse_int(v, n) || n < 0) return "needs a whole number of bytes (0 or more), not '" + v + "'";
  s.flags.insert(s.flags.end(), {flag, v});
  return {};
}

std::string bool_flag(const char* flag, const std::string& v, mapping_state& s) {
  bool b = false;
  if (auto why = bool_value(v, b); !why.empty()) return why;
  if (b) s.flags.push_back(flag);
  return {};
}

std::string choice(const std::string& v, std::initializer_list<const char*> allowed, std::string& out) {
  const std::string l = lower(v);
  std::string list;
  for (const char* a : allowed) {
    if (l == a) {
      out = l;
      return {};
    }
    list += (list.empty() ? "" : ", ") + std::string(a);
  }
  return "needs one of " + list + ", not '" + v + "'";
}

std::vector<std::string> split_list(const std::string& v) {
  std::vector<std::string> out;
  for (std::size_t at = 0; at <= v.size();) {
    const auto comma = std::min(v.find(',', at), v.size());
    std::string item = v.substr(at, comma - at);
    item.erase(0, item.find_first_not_of(" \t"));
    item.erase(item.find_last_not_of(" \t") + 1);
    if (!item.empty()) out.push_back(item);
    at = comma + 1;
  }
  return out;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ",") + i;
  return out;
}

std::string arrow_map(const std::string& v, std::vector<std::pair<std::string, std::string>>& out) {
  const auto arrow = v.find("=>");
  const std::string shape = "needs 'NAME => VALUE,VALUE...', not '" + v + "'";
  if (arrow == std::string::npos) return shape;
  auto left = split_list(v.substr(0, arrow));
  auto right = split_list(v.substr(arrow + 2));
  if (left.size() != 1 || right.empty()) return shape;
  out.emplace_back(left.front(), join(right));
  return {};
}

const table_row* find_row(const std::string& base_name) {
  for (const auto* rows : {&value_rows(), &framing_rows()})
    for (const auto& r : *rows) {
      std::string name = r.info.name;
      if (auto colon = name.find(':'); colon != std::string::npos) name.resize(colon);
      if (name == base_name) return &r;
    }
  return nullptr;
}

namespace {

void add(mapping_state& s, std::initializer_list<std::string> words) {
  s.flags.insert(s.flags.end(), words);
}

std::string framing_flags(mapping_state& s) {
  if (s.xcom) {  // Cobrix's older name for record_format V, which it refuses beside it
    if (!s.record_format.empty())
      return "is_xcom is Cobrix's older name for record_format V: give one of them, not both";
    s.record_format = "V";
  }
  const bool framing_given = !s.record_format.empty() || !s.record_length_field.empty() ||
                             s.variable_size_occurs || s.rdw_adjustment.has_value() ||
                             s.bdw_adjustment.has_value();
  std::string fmt = s.record_format.empty() ? "F" : s.record_format;
  // Cobrix checks the file size only when records have one fixed length.
  if (s.ignore_file_size && (fmt == "F" || fmt == "FB") && s.record_length_field.empty() &&
      !s.variable_size_occurs)
    add(s, {"--keep-partial-last-record"});
  if (!framing_given) return {};  // Cobrix's F is mfbridge's default FB: no flag to add
  const bool variable = fmt == "V" || fmt == "VB";
  if (!s.record_length_field.empty()) {
    if (fmt != "F" && fmt != "FB")
      return "record_length_field needs record_format F (the length comes from the field)";
    add(s, {"--recfm", "LENGTH-FIELD", "--length-field", s.record_length_field});
    if (s.rdw_adjustment || s.record_length_constant != 0)
      add(s, {"--length-adjust", std::to_string(s.rdw_adjustment.value_or(0) + s.record_length_constant)});
  } else if (fmt == "F" && s.variable_size_occurs) {
    add(s, {"--recfm", "ODO"});  // records shrink with their OCCURS DEPENDING ON counts
  } else {
    add(s, {"--recfm", fmt});
  }
  if (variable) {
    if (!s.rdw_big_endian.value_or(false)) add(s, {"--rdw-little-endian"});
    if (!s.rdw_counts_header.value_or(false)) add(s, {"--rdw-excludes-header"});
    if (s.rdw_adjustment) add(s, {"--rdw-adjust", std::to_string(*s.rdw_adjustment)});
    if (fmt == "VB") {  // Cobrix reads BDWs little-endian unless is_bdw_big_endian=true
      add(s, {"--bdw-order", s.bdw_big_endian.value_or(false) ? "be" : "le"});
      if (s.bdw_adjustment) add(s, {"--bdw-adjust", std::to_string(*s.bdw_adjustment)});
    }
  } else if (s.rdw_adjustment && s.record_length_field.empty()) {
    return "rdw_adjustment needs record_format V or VB, or record_length_field";
  }
  if (s.bdw_adjustment && fmt != "VB") return "bdw_adjustment needs record_format VB";
  return {};
}

std::string segment_flags(mapping_state& s) {
  const bool needs_field = !s.segment_filter.empty() || !s.segment_maps.empty() ||
                           !s.segment_levels.empty() || !s.segment_root.empty();
  if (needs_field && s.segment_field.empty())
    return "segment_filter, segment_id_level*, segment_id_root and redefine-segment-id-map need segment_field";
  if (!s.segment_filter.empty())
    add(s, {"--segment-filter", s.segment_field + "=" + join(split_list(s.segment_filter))});
  for (const auto& [group, ids] : s.segment_maps) add(s, {"--select", s.segment_field + "=" + ids + ":" + group});
  if (!s.children_maps.empty()) {
    if (s.segment_maps.empty()) return "segment-children needs redefine-segment-id-map";
    for (const auto& [parent, children] : s.children_maps)
      for (const auto& child : split_list(children)) add(s, {"--parent", child + "=" + parent});
    add(s, {"--nest-children"});
  }
  if (!s.segment_levels.empty() || !s.segment_root.empty()) add(s, {"--segment-field", s.segment_field});
  if (!s.segment_root.empty()) add(s, {"--segment-id-root", s.segment_root});
  std::sort(s.segment_levels.begin(), s.segment_levels.end());
  for (const auto& [level, ids] : s.segment_levels)
    add(s, {"--segment-id-level", std::to_string(level) + "=" + ids});
  return {};
}

}  // namespace

std::string finish_mapping(mapping_state& s) {
  for (const auto& in : s.inputs) add(s, {"--input", in});
  for (const auto& c : s.copybooks) add(s, {"--copybook", c});
  if (auto why = framing_flags(s); !why.empty()) return why;
  if (auto why = segment_flags(s); !why.empty()) return why;
  if (auto why = comment_flags(s); !why.empty()) return why;
  if (s.ascii) add(s, {"--ascii"});
  return {};
}

}  // namespace mfb::cli::cobrix
