// Parent tracking for hierarchical files. A parent's key fields are decoded by plans
// compiled from the parent's own layout (one single-field plan per key), so a key value is
// byte for byte what the parent's row shows. Types in a relation follow the file as a
// preorder walk of a tree: a record closes every open record that is not its ancestor.

#include "mfb/bridge/codec/hierarchy.hpp"
#include "mfb/copybook/name_lookup.hpp"

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

#include "mfb/bridge/codec/text/csv_quote.hpp"

namespace mfb::bridge {

namespace cb = mfb::copybook;

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// The layout `f` alone under a record group: same offset, so it reads the same bytes.
cb::record_layout single_field_layout(const cb::record_layout& l, const cb::field& f) {
  cb::record_layout one;
  one.name = l.name;
  one.length = l.length;
  one.min_length = l.min_length;
  cb::field root;
  root.name = l.name;
  root.level = 1;
  root.kind = cb::category::group;
  root.length = l.length;
  root.children = {1};
  cb::field key = f;
  key.level = 5;
  key.parent = 0;
  key.children.clear();
  key.redefines = -1;
  key.redefined = false;
  key.depending_on = -1;
  key.conditions.clear();
  one.fields = {root, key};
  return one;
}

// Why `f` cannot be a key field, or "".
std::string key_field_problem(const cb::record_layout& l, const cb::field& f) {
  if (f.is_group()) return "is a group (name its elementary items)";
  if (f.variably_located) return "follows an ODO table, so its offset varies";
  if (f.is_occurs()) return "is an OCCURS table";
  for (int i = f.parent; i >= 0; i = l.fields[static_cast<std::size_t>(i)].parent)
    if (l.fields[static_cast<std::size_t>(i)].is_occurs()) return "is inside an OCCURS table";
  return {};
}

}  // namespace

std::optional<parent_rule> parse_parent_rule(std::string_view text) {
  auto eq = text.find('=');
  if (eq == std::string_view::npos) return {};
  parent_rule r{std::string(trim(text.substr(0, eq))), std::string(trim(text.substr(eq + 1)))};
  if (r.child.empty() || r.parent.empty() || r.parent.find('=') != std::string::npos) return {};
  return r;
}

std::optional<key_rule> parse_key_rule(std::string_view text) {
  auto eq = text.find('=');
  if (eq == std::string_view::npos) return {};
  key_rule r;
  r.record = std::string(trim(text.substr(0, eq)));
  std::string_view rest = text.substr(eq + 1);
  for (;;) {
    auto comma = rest.find(',');
    auto name = trim(rest.substr(0, comma));
    if (name.empty()) return {};
    r.fields.emplace_back(name);
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  if (r.record.empty()) return {};
  return r;
}

result<std::vector<int>> parent_types(const std::vector<std::string>& type_names,
                                      const std::vector<parent_rule>& parents) {
  std::string all;
  for (const auto& name : type_names) all += (all.empty() ? "" : ", ") + name;
  auto type_of = [&](const std::string& name) {
    for (std::size_t i = 0; i < type_names.size(); ++i)
      if (cb::names_equal(type_names[i], name)) return static_cast<int>(i);
    return -1;
  };
  std::vector<int> parent_of(type_names.size(), -1);
  for (const auto& r : parents) {
    int child = type_of(r.child);
    int parent = type_of(r.parent);
    for (const auto* name : {&r.child, &r.parent})
      if (type_of(*name) < 0)
        return error{"--parent " + r.child + "=" + r.parent + ": " + *name +
                     " is not a record type of this run (types: " + all + ")" +
                     cb::did_you_mean(*name, type_names)};
    if (parent_of[static_cast<std::size_t>(child)] >= 0)
      return error{"--parent: " + r.child + " is given two parents"};
    parent_of[static_cast<std::size_t>(child)] = parent;
    for (int a = parent; a >= 0; a = parent_of[static_cast<std::size_t>(a)])
      if (a == child)
        return error{"--parent " + r.child + "=" + r.parent + " makes a cycle: " + r.child +
                     " would be its own ancestor"};
  }
  return parent_of;
}

struct hierarchy_tracker::key_decoder {
  std::vector<std::string> names;
  std::vector<decode_plan> plans;  // one per key field; decoders point into it: never resized
  std::vector<record_decoder> decoders;
  enum class state { none, ok, bad } st = state::none;
  std::uint64_t bad_record = 0;
  std::string bad_why;
  parent_key current;
  text_buffer out;
  std::vector<record_error> errors;

  // Decode the keys of `rec`; false (with bad_why) when one cannot be decoded.
  bool decode(int type, const record_view& rec) {
    current.record_number = rec.number;
    current.type = type;
    // Reuse the strings' storage: parents can be as frequent as their children.
    current.values.resize(decoders.size());
    current.is_text.resize(decoders.size());
    current.json = "{";
    current.csv.clear();
    for (std::size_t k = 0; k < decoders.size(); ++k) {
      out.clear();
      errors.clear();
      if (!decoders[k].decode(rec, "", out, errors)) {
        bad_why = errors.empty() ? "its key cannot be decoded"
                                 : "key field " + errors.front().field_path + ": " +
                                       errors.front().reason;
        return false;
      }
      // The single-field plan writes {"NAME":value}\n: keep the value.
      std::string_view line = out.view();
      std::size_t prefix = names[k].size() + 4;
      std::string_view value = line.substr(prefix, line.size() - prefix - 2);
      bool text = !value.empty() && value.front() == '"';
      current.json += (k ? ",\"" : "\"") + names[k] + "\":";
      current.json += value;
      std::string& plain = current.values[k];
      if (!text)
        plain.assign(value);
      else if (value.find('\\') == std::string_view::npos)
        plain.assign(value.substr(1, value.size() - 2));  // no escapes: just the quotes
      else
        plain = nlohmann::json::parse(value).get<std::string>();
      current.is_text[k] = text;
      current.csv += ',';
      if (text && plain.find_first_of(",\"\r\n") != std::string::npos)
        current.csv += text::csv_quote(plain);
      else
        current.csv += plain;
    }
    current.json += '}';
    return true;
  }
};

hierarchy_tracker::hierarchy_tracker() = default;
hierarchy_tracker::~hierarchy_tracker() = default;
hierarchy_tracker::hierarchy_tracker(hierarchy_tracker&&) noexcept = default;
hierarchy_tracker& hierarchy_tracker::operator=(hierarchy_tracker&&) noexcept = default;

result<hierarchy_tracker> hierarchy_tracker::build(const std::vector<decode_plan>& plans,
                                                   const std::vector<parent_rule>& parents,
                                                   const std::vector<key_rule>& keys) {
  hierarchy_tracker t;
  if (parents.empty()) {
    if (!keys.empty()) return error{"--key needs --parent CHILD=PARENT"};
    return t;
  }
  for (const auto& p : plans) t.type_names_.push_back(p.type_name());
  auto tree = parent_types(t.type_names_, parents);
  if (!tree) return tree.err();
  t.parent_of_ = std::move(tree).value();
  t.keys_.resize(plans.size());
  std::string all;
  for (const auto& name : t.type_names_) all += (all.empty() ? "" : ", ") + name;
  auto type_of = [&](const std::string& name) {
    for (std::size_t i = 0; i < plans.size(); ++i)
      if (cb::names_equal(plans[i].type_name(), name)) return static_cast<int>(i);
    return -1;
  };
  for (const auto& k : keys) {
    int type = type_of(k.record);
    if (type < 0)
      return error{"--key " + k.record + ": not a record type of this run (types: " + all + ")" +
                   cb::did_you_mean(k.record, t.type_names_)};
    if (std::find(t.parent_of_.begin(), t.parent_of_.end(), type) == t.parent_of_.end())
      return error{"--key " + k.record + ": no --parent rule names it as a parent"};
    auto& slot = t.keys_[static_cast<std::size_t>(type)];
    if (slot) return error{"--key " + k.record + " is given twice"};
    const decode_plan& p = plans[static_cast<std::size_t>(type)];
    auto d = std::make_unique<key_decoder>();
    d->plans.reserve(k.fields.size());
    decode_options opts = p.options();
    opts.format = output_format::jsonl;
    opts.record_type_key.clear();
    for (const auto& name : k.fields) {
      const cb::field* f = p.layout().find(name);
      if (!f)
        return error{"--key " + k.record + ": " + name + " is not a field of " + p.layout().name +
                     cb::did_you_mean(name, cb::item_names({&p.layout()}))};
      if (auto why = key_field_problem(p.layout(), *f); !why.empty())
        return error{"--key " + k.record + ": " + f->path + " " + why};
      for (const auto& n : d->names)
        if (cb::names_equal(n, f->name))
          return error{"--key " + k.record + ": two key fields are named " + f->name};
      auto plan = decode_plan::compile(single_field_layout(p.layout(), *f), p.page(), opts);
      if (!plan) return error{"--key " + k.record + ": " + plan.err().message};
      d->names.push_back(f->name);
      d->plans.push_back(std::move(plan).value());
    }
    for (const auto& plan : d->plans) d->decoders.emplace_back(plan);
    slot = std::move(d);
  }
  for (std::size_t i = 0; i < plans.size(); ++i)
    if (std::find(t.parent_of_.begin(), t.parent_of_.end(), static_cast<int>(i)) !=
            t.parent_of_.end() &&
        !t.keys_[i])
      return error{"--parent: " + t.type_names_[i] + " is a parent, so it needs --key " +
                   t.type_names_[i] + "=FIELD[,FIELD...]"};
  return t;
}

int hierarchy_tracker::parent_of(int type) const noexcept {
  if (type < 0 || static_cast<std::size_t>(type) >= parent_of_.size()) return -1;
  return parent_of_[static_cast<std::size_t>(type)];
}

const std::vector<std::string>& hierarchy_tracker::key_names(int type) const noexcept {
  static const std::vector<std::string> none;
  if (type < 0 || static_cast<std::size_t>(type) >= keys_.size() ||
      !keys_[static_cast<std::size_t>(type)])
    return none;
  return keys_[static_cast<std::size_t>(type)]->names;
}

void hierarchy_tracker::start_file() noexcept {
  for (auto& k : keys_)
    if (k) k->st = key_decoder::state::none;
}

parent_link hierarchy_tracker::observe(int type, const record_view& rec) {
  parent_link link;
  if (type < 0 || static_cast<std::size_t>(type) >= parent_of_.size()) return link;
  const auto t = static_cast<std::size_t>(type);
  bool in_relation = parent_of_[t] >= 0 || keys_[t];
  if (!in_relation) return link;
  // Close every open parent that is not an ancestor of this record (itself included: it
  // is replaced below).
  for (std::size_t u = 0; u < keys_.size(); ++u) {
    if (!keys_[u]) continue;
    bool ancestor = false;
    for (int a = parent_of_[t]; a >= 0; a = parent_of_[static_cast<std::size_t>(a)])
      if (static_cast<std::size_t>(a) == u) ancestor = true;
    if (!ancestor) keys_[u]->st = key_decoder::state::none;
  }
  if (int p = parent_of_[t]; p >= 0) {
    const key_decoder& pk = *keys_[static_cast<std::size_t>(p)];
    const std::string& pname = type_names_[static_cast<std::size_t>(p)];
    if (pk.st == key_decoder::state::ok) {
      link.state = parent_link::kind::attached;
      link.key = &pk.current;
    } else {
      link.state = parent_link::kind::orphan;
      link.reason =
          pk.st == key_decoder::state::none
              ? "no " + pname + " record before this " + type_names_[t] + " record (--parent " +
                    type_names_[t] + "=" + pname + ")"
              : "its parent " + pname + " is bad: record " + std::to_string(pk.bad_record) +
                    " (" + pk.bad_why + ")";
    }
  }
  if (keys_[t]) {
    key_decoder& me = *keys_[t];
    if (link.state == parent_link::kind::orphan) {
      me.st = key_decoder::state::bad;
      me.bad_record = rec.number;
      me.bad_why = "it has no parent";
    } else if (me.decode(type, rec)) {
      me.st = key_decoder::state::ok;
    } else {
      me.st = key_decoder::state::bad;
      me.bad_record = rec.number;
    }
  }
  return link;
}

}  // namespace mfb::bridge
