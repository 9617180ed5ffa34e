// Record-type dispatch. Rules compare decoded text, not bytes, so a rule reads the way the
// copybook's VALUE clauses do ("H", "01"), whatever the code page.

#include "mfb/bridge/codec/record_selector.hpp"

#include "codec/field_codepages.hpp"

#include "mfb/bridge/codec/segments.hpp"
#include "mfb/copybook/name_lookup.hpp"
#include "mfb/ebcdic/hex.hpp"

#include <algorithm>
#include <cctype>
#include <map>

namespace mfb::bridge {

namespace cb = mfb::copybook;

namespace {

constexpr std::size_t max_rule_field = 64;  // record-type fields are short; bounds the buffer

// Record-type fields are often padded with NUL (0x00) as well as spaces, so every control
// character and space is padding here (the rule Cobrix applies too: Java's String.trim).
std::string_view trim(std::string_view s) { return trim_padding(s); }

bool iequal(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::toupper(static_cast<unsigned char>(x)) ==
                  std::toupper(static_cast<unsigned char>(y));
         });
}

const cb::field* find_alternative(const cb::record_layout& l, std::string_view name) {
  for (const auto& f : l.fields)
    if ((f.redefines >= 0 || f.redefined) && (iequal(f.name, name) || iequal(f.path, name)))
      return &f;
  return nullptr;
}

}  // namespace

std::optional<select_rule> parse_select_rule(std::string_view text) {
  auto eq = text.find('=');
  auto colon = text.rfind(':');
  if (eq == std::string_view::npos || colon == std::string_view::npos || colon < eq) return {};
  auto values = split_value_list(text.substr(eq + 1, colon - eq - 1));
  if (!values) return {};
  select_rule r{std::string(trim(text.substr(0, eq))), std::move(*values),
                std::string(trim(text.substr(colon + 1)))};
  if (r.field.empty() || r.target.empty()) return {};
  return r;
}

result<record_selector> record_selector::build(const std::vector<cb::record_layout>& layouts,
                                               const std::string& record_name,
                                               const std::vector<select_rule>& rules,
                                               const ebcdic::code_page& page,
                                               const decode_options& opts) {
  record_selector s;
  if (layouts.empty()) return error{"the copybook defines no records"};
  std::vector<const cb::record_layout*> all_layouts;
  std::vector<std::string> record_names;
  for (const auto& l : layouts) {
    all_layouts.push_back(&l);
    record_names.push_back(l.name);
  }
  auto near_item = [&](const std::string& name) {
    return cb::did_you_mean(name, cb::item_names(all_layouts));
  };
  // A --raw name must be an elementary item of some record (a typo would keep nothing raw).
  for (const auto& name : opts.raw_fields)
    if (auto why = cb::check_item_name("--raw", name, all_layouts, true); !why.empty())
      return error{why};
  if (auto why = detail::check_field_codepages(opts.field_codepages, all_layouts); !why.empty())
    return error{why};
  auto by_name = [&](std::string_view name) -> const cb::record_layout* {
    for (const auto& l : layouts)
      if (iequal(l.name, name)) return &l;
    return nullptr;
  };
  auto names = [&] {
    std::string all;
    for (const auto& l : layouts) all += (all.empty() ? "" : ", ") + l.name;
    return all;
  };
  const cb::record_layout* chosen = nullptr;
  if (!record_name.empty()) {
    chosen = by_name(record_name);
    if (!chosen)
      return error{"no record named " + record_name + " (records: " + names() + ")" +
                   cb::did_you_mean(record_name, record_names)};
  }
  if (rules.empty()) {
    if (!chosen && layouts.size() > 1 &&
        opts.style.retention == schema_retention::keep_original) {
      // Cobrix's keep_original: every 01 of the copybook, each as its own object, in one row.
      for (const auto& l : layouts) {
        auto plan = decode_plan::compile(l, page, opts);
        if (!plan) return plan.err();
        s.plans_.push_back(std::move(plan).value());
      }
      s.merge_all_ = true;
      return s;
    }
    if (!chosen) {
      if (layouts.size() > 1)
        return error{"the copybook defines " + std::to_string(layouts.size()) + " records (" +
                     names() + "); choose one with --record or dispatch with --select"};
      chosen = &layouts.front();
    }
    auto plan = decode_plan::compile(*chosen, page, opts);
    if (!plan) return plan.err();
    s.plans_.push_back(std::move(plan).value());
    return s;
  }
  std::map<std::string, int> plan_of;
  for (const auto& r : rules) {
    std::string key;
    for (char c : r.target) key += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const cb::record_layout* layout = by_name(r.target);
    std::vector<std::string> keep;
    if (!layout) {
      // Not a record: a REDEFINES alternative, in --record's layout first.
      std::vector<const cb::record_layout*> order;
      if (chosen) order.push_back(chosen);
      for (const auto& l : layouts) order.push_back(&l);
      for (const auto* l : order)
        if (find_alternative(*l, r.target)) {
          layout = l;
          break;
        }
      if (!layout)
        return error{"--select target " + r.target +
                     " is neither a record nor a REDEFINES alternative (records: " + names() +
                     ")" + cb::did_you_mean(r.target, cb::item_names(all_layouts))};
      keep.push_back(r.target);
    }
    int plan_index = 0;
    if (auto it = plan_of.find(key); it != plan_of.end()) {
      plan_index = it->second;
    } else {
      std::string type_name = keep.empty() ? layout->name : find_alternative(*layout, r.target)->name;
      auto plan = decode_plan::compile(*layout, page, opts, keep, type_name);
      if (!plan) return plan.err();
      plan_index = static_cast<int>(s.plans_.size());
      s.plans_.push_back(std::move(plan).value());
      plan_of.emplace(key, plan_index);
    }
    // The rule's field: in the target's record first, then anywhere.
    const cb::field* f = layout->find(r.field);
    for (const auto& l : layouts)
      if (!f) f = l.find(r.field);
    if (!f) return error{"--select field " + r.field + " is not in the copybook" + near_item(r.field)};
    if (f->variably_located || f->is_occurs() || f->length > max_rule_field)
      return error{"--select field " + r.field +
                   " must be a fixed-position, non-OCCURS field of at most 64 bytes"};
    for (const auto& value : r.values) {
      compiled_rule c;
      c.offset = f->offset;
      c.length = f->length;
      c.field_path = f->path;
      c.value = value;
      c.plan = plan_index;
      s.rules_.push_back(std::move(c));
    }
  }
  return s;
}

bool record_selector::field_text(const compiled_rule& r, const record_view& rec, char* out,
                                 std::size_t& n) const noexcept {
  if (r.offset + r.length > rec.size) return false;
  const auto& page = plans_.front().page();
  return page.decode(rec.data + r.offset, r.length, out, n) == ebcdic::decode_status::ok;
}

int record_selector::choose(const record_view& rec) const noexcept {
  if (rules_.empty()) return 0;
  char buf[max_rule_field * 8];
  for (const auto& r : rules_) {
    std::size_t n = 0;
    if (!field_text(r, rec, buf, n)) continue;
    if (trim(std::string_view(buf, n)) == r.value) return r.plan;
  }
  return -1;
}

record_error record_selector::no_match(const record_view& rec, std::string_view file) const {
  record_error e;
  e.file = std::string(file);
  e.record_number = rec.number;
  e.file_offset = rec.file_offset;
  const compiled_rule& r = rules_.front();
  e.field_path = r.field_path;
  e.field_offset = r.offset;
  e.field_length = r.length;
  std::size_t avail = r.offset < rec.size ? std::min(r.length, rec.size - r.offset) : 0;
  e.hex = ebcdic::hex_spaced(rec.data + r.offset, avail);
  char buf[max_rule_field * 8];
  std::size_t n = 0;
  if (field_text(r, rec, buf, n))
    e.reason = "no --select rule matches the value \"" + std::string(trim({buf, n})) + "\"";
  else
    e.reason = "no --select rule matches (the record is too short for the field)";
  return e;
}

}  // namespace mfb::bridge
