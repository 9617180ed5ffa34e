// The filter compares the segment field's trimmed text with the listed values; the ids come
// from segment_ids. Both run where records are seen in file order (classify_batch).

#include "convert/segment_stage.hpp"

#include <algorithm>

#include "mfb/bridge/codec/hierarchy.hpp"
#include "mfb/bridge/codec/text/csv_quote.hpp"
#include "mfb/bridge/codec/text/json_quote.hpp"

namespace mfb::bridge::detail {

namespace {

// --parent CHILD=PARENT over the run's types. Nesting needs no --key: the file order
// places the children.
result<std::vector<int>> nest_parents_of(const std::vector<std::string>& names,
                                         const std::vector<std::string>& texts) {
  std::vector<parent_rule> rules;
  for (const auto& text : texts) {
    auto rule = parse_parent_rule(text);
    if (!rule) return error{"--parent expects CHILD=PARENT, got " + text};
    rules.push_back(*rule);
  }
  return parent_types(names, rules);
}

}  // namespace

result<std::unique_ptr<segment_stage>> segment_stage::build(
    const segment_options& opts, const std::vector<copybook::record_layout>& records,
    const ebcdic::code_page& page, output_format format,
    const std::vector<std::string>& type_names, const std::vector<std::string>& parents) {
  const bool ids_asked = !opts.levels.empty() || !opts.root.empty();
  if (ids_asked && opts.field.empty())
    return error{"--segment-id-level and --segment-id-root need --segment-field FIELD"};
  if (!opts.prefix.empty() && !ids_asked)
    return error{"--segment-id-prefix needs --segment-id-level or --segment-id-root"};
  if (opts.filter.empty() && !ids_asked && !opts.nest_children)
    return std::unique_ptr<segment_stage>();
  auto stage = std::make_unique<segment_stage>();
  stage->csv_ = format == output_format::csv;
  if (!opts.filter.empty()) {
    if (opts.filter.size() > 1) return error{"--segment-filter is given twice (list the values in one)"};
    const std::string& text = opts.filter.front();
    auto eq = text.find('=');
    auto values = eq == std::string::npos ? std::nullopt
                                          : split_value_list(std::string_view(text).substr(eq + 1));
    if (!values) return error{"--segment-filter expects FIELD=V1[,V2...], got " + text};
    auto field = segment_field_reader::build(records, std::string(trim_padding(text.substr(0, eq))),
                                             "--segment-filter", page);
    if (!field) return field.err();
    stage->filter_field_ = std::move(field).value();
    stage->filter_values_ = std::move(*values);
  }
  if (ids_asked) {
    auto field = segment_field_reader::build(records, opts.field, "--segment-field", page);
    if (!field) return field.err();
    stage->id_field_ = std::move(field).value();
    auto ids = segment_ids::build(opts);
    if (!ids) return ids.err();
    stage->ids_ = std::move(ids).value();
  }
  if (opts.nest_children) {
    auto tree = nest_parents_of(type_names, parents);
    if (!tree) return tree.err();
    stage->nest_parent_ = std::move(tree).value();
    stage->type_names_ = type_names;
  }
  return stage;
}

bool segment_stage::place(int type, std::uint64_t number, std::uint64_t& parent,
                          std::string& why) {
  parent = 0;
  const int p = nest_parent_[static_cast<std::size_t>(type)];
  if (p < 0) {
    open_.assign(1, {type, number});
    return true;
  }
  while (!open_.empty() && open_.back().first != p) open_.pop_back();
  if (open_.empty()) {
    why = "no " + type_names_[static_cast<std::size_t>(p)] + " record is open for this " +
          type_names_[static_cast<std::size_t>(type)] + " record (--parent " +
          type_names_[static_cast<std::size_t>(type)] + "=" +
          type_names_[static_cast<std::size_t>(p)] + ")";
    return false;
  }
  parent = open_.back().second;
  open_.emplace_back(type, number);
  return true;
}

bool segment_stage::keep(const record_view& rec) const {
  if (!filter_field_) return true;
  char buf[segment_field_reader::max_length * 8];
  auto value = filter_field_->read(rec, buf);
  return value && std::find(filter_values_.begin(), filter_values_.end(), *value) !=
                      filter_values_.end();
}

bool segment_stage::observe(const record_view& rec, std::string& out) {
  if (!id_field_) return true;
  char buf[segment_field_reader::max_length * 8];
  auto value = id_field_->read(rec, buf);
  // Records are numbered from 1; Cobrix's record index (Record_Id) counts from 0.
  const bool known = value && ids_.observe(*value, rec.number - 1);
  for (std::size_t l = 0; l < ids_.columns(); ++l) {
    const std::string& id = ids_.id(l);
    if (csv_) {
      out += text::csv_needs_quotes(id.data(), id.size()) ? text::csv_quote(id) : id;
      out += ',';
    } else if (!id.empty()) {
      out += "\"Seg_Id" + std::to_string(l) + "\":";
      text::json_quote(id, out);
      out += ',';
    }
  }
  return known;
}

std::vector<std::string> segment_stage::columns() const {
  std::vector<std::string> cols;
  for (std::size_t l = 0; l < ids_.columns(); ++l) cols.push_back("Seg_Id" + std::to_string(l));
  return cols;
}

// Put the record's Seg_Id text in front of its own fields: after JSON's '{' or at the start
// of its CSV line (the record's text begins at `start`).
void insert_segment_ids(text_buffer& text, std::size_t start, std::string_view ids, bool csv) {
  if (ids.empty()) return;
  const std::size_t at = start + (csv ? 0 : 1);
  const std::size_t old_size = text.size();
  text.reserve_tail(ids.size());
  char* base = text.data();
  __builtin_memmove(base + at + ids.size(), base + at, old_size - at);
  __builtin_memcpy(base + at, ids.data(), ids.size());
  text.set_size(old_size + ids.size());
  // A JSON record with no members of its own: drop the ids' last ','.
  if (!csv && base[at + ids.size()] == '}') {
    __builtin_memmove(base + at + ids.size() - 1, base + at + ids.size(), old_size - at);
    text.set_size(old_size + ids.size() - 1);
  }
}


}  // namespace mfb::bridge::detail
