// The record encoder's walk: start from the fill image, then write every JSON value at its
// offset, moving later items when an OCCURS DEPENDING ON table holds fewer than its
// maximum (the same shifting the decoder applies). Errors are collected, never fatal.

#include "mfb/bridge/codec/record_encoder.hpp"

#include <algorithm>
#include <cstring>

#include "mfb/bridge/codec/text/json_reader.hpp"
#include "codec/record_encoder_value.hpp"
#include "mfb/bridge/io/occurs_map.hpp"

namespace mfb::bridge {

using text::json_doc;
using text::json_kind;
using text::json_node;
using text::json_none;

std::string field_error::to_string() const {
  std::string s = path.empty() ? reason : path + ": " + reason;
  if (!value.empty()) s += " (value: " + value + ")";
  return s;
}

namespace {
bool same_key(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return (x >= 'a' && x <= 'z' ? x - 32 : x) == (y >= 'a' && y <= 'z' ? y - 32 : y);
         });
}
}  // namespace

struct record_encoder::walker {
  record_encoder& enc;
  const encode_plan& plan;
  const json_doc& doc;
  std::uint8_t* rec;
  std::size_t size;
  std::vector<field_error>& errors;
  std::vector<std::uint32_t> subscripts{};
  std::vector<long long> slot_json{};    // ODO object value given in the JSON (-1: none)
  std::vector<long long> slot_length{};  // the table's JSON length (-1: not seen)
  struct pending {
    std::uint32_t node;
    std::size_t pos;
    std::string path;
  };
  std::vector<pending> pendings{};

  std::string path(const encode_node& n) const {
    std::string p = plan.layout().fields[static_cast<std::size_t>(n.field)].path;
    if (!subscripts.empty()) {
      p += '(';
      for (std::size_t k = 0; k < subscripts.size(); ++k) {
        if (k) p += ", ";
        p += std::to_string(subscripts[k]);
      }
      p += ')';
    }
    return p;
  }
  void fail(const encode_node& n, std::string reason, std::uint32_t value = json_none) {
    errors.push_back({path(n), std::move(reason),
                      value == json_none ? std::string{} : text::json_excerpt(doc, value)});
  }
  const encode_node& node(std::uint32_t i) const { return plan.nodes()[i]; }

  std::uint32_t member(std::uint32_t obj, std::string_view key) const {
    for (std::uint32_t m = doc.node(obj).first; m != json_none; m = doc.node(m).next)
      if (same_key(doc.key(doc.node(m)), key)) return m;
    return json_none;
  }
  bool present(std::uint32_t m) const {
    return m != json_none && doc.node(m).kind != json_kind::null;
  }

  void group(const encode_node& g, std::uint32_t obj, std::size_t base, std::ptrdiff_t& shift,
             bool top) {
    if (doc.node(obj).kind != json_kind::object) {
      fail(g, "expected an object", obj);
      return;
    }
    for (std::uint32_t c : g.children) {
      const encode_node& n = node(c);
      if (n.code == encode_code::fill) {
        std::size_t pos = base + n.offset + static_cast<std::size_t>(shift);
        if (pos + n.length <= size)
          std::memcpy(rec + pos, plan.fill_image().data() + n.image_offset, n.length);
        continue;
      }
      if (n.code == encode_code::redefines) {
        redefines(n, obj, base, shift);
        continue;
      }
      std::uint32_t m = member(obj, n.key);
      if (m != json_none) enc.used_[m] = 1;
      if (m == json_none && n.slot >= 0 && n.code != encode_code::table) {
        // An absent ODO object takes its table's length once that is known.
        pendings.push_back({c, base + n.offset + static_cast<std::size_t>(shift), path(n)});
        continue;
      }
      if (m == json_none) {
        fail(n, "missing field");
        continue;
      }
      item(n, m, base, shift);
    }
    for (std::uint32_t m = doc.node(obj).first; m != json_none; m = doc.node(m).next) {
      if (enc.used_[m]) continue;
      std::string_view k = doc.key(doc.node(m));
      if (top && std::any_of(enc.ignored_.begin(), enc.ignored_.end(),
                             [&](const std::string& i) { return same_key(i, k); }))
        continue;
      std::string p = plan.layout().fields[static_cast<std::size_t>(g.field)].path;
      errors.push_back({(p.empty() ? "" : p + ".") + std::string(k), "unknown key",
                        text::json_excerpt(doc, m)});
    }
  }

  // Several alternatives over the same bytes: the one named by --record/--select, else the
  // original item, else the first alternative given a non-null value.
  void redefines(const encode_node& set, std::uint32_t obj, std::size_t base,
                 std::ptrdiff_t& shift) {
    std::uint32_t pick = json_none, pick_member = json_none;
    for (std::uint32_t c : set.children) {
      std::uint32_t m = member(obj, node(c).key);
      if (m != json_none) enc.used_[m] = 1;
      if (!present(m)) continue;
      if (node(c).chosen) {
        pick = c;
        pick_member = m;
        break;
      }
      if (pick == json_none) {
        pick = c;
        pick_member = m;
      }
    }
    if (pick == json_none) {
      fail(set, "missing field: no REDEFINES alternative holds a value");
      return;
    }
    std::ptrdiff_t inner = shift;
    item(node(pick), pick_member, base, inner);
  }

  void item(const encode_node& n, std::uint32_t m, std::size_t base, std::ptrdiff_t& shift) {
    if (n.code == encode_code::group) {
      group(n, m, base, shift, false);
    } else if (n.code == encode_code::table) {
      table(n, m, base, shift);
    } else {
      scalar(n, m, base + n.offset + static_cast<std::size_t>(shift));
    }
  }

  void table(const encode_node& t, std::uint32_t arr, std::size_t base, std::ptrdiff_t& shift) {
    if (doc.node(arr).kind != json_kind::array) {
      fail(t, "expected an array", arr);
      return;
    }
    std::uint32_t count = doc.node(arr).count;
    if (t.slot >= 0) {
      auto s = static_cast<std::size_t>(t.slot);
      if (count < t.occurs_min || count > t.occurs_max)
        fail(t, "OCCURS DEPENDING ON table holds " + std::to_string(count) + " elements, outside " +
                    std::to_string(t.occurs_min) + " to " + std::to_string(t.occurs_max));
      slot_length[s] = count;
      if (slot_json[s] >= 0 && slot_json[s] != count) odo_mismatch(t, slot_json[s], count);
    } else if (count != t.occurs_max) {
      fail(t, "expected " + std::to_string(t.occurs_max) + " elements, got " + std::to_string(count));
    }
    std::uint32_t used = std::min(count, t.occurs_max);
    const encode_node& element = node(t.children.front());
    std::size_t start = base + t.offset + static_cast<std::size_t>(shift);
    std::size_t at = start;
    std::uint32_t e = doc.node(arr).first;
    for (std::uint32_t i = 0; i < used; ++i, e = doc.node(e).next) {
      subscripts.push_back(i + 1);
      std::ptrdiff_t inner = 0;
      if (element.code == encode_code::group)
        group(element, e, at, inner, false);
      else
        scalar(element, e, at);
      subscripts.pop_back();
      at += t.stride + static_cast<std::size_t>(inner);
    }
    std::size_t layout_size = std::size_t{t.occurs_max} * t.stride;
    shift += static_cast<std::ptrdiff_t>(at - start) - static_cast<std::ptrdiff_t>(layout_size);
  }

  void odo_mismatch(const encode_node& t, long long given, std::uint32_t count) {
    const auto& table_field = plan.layout().fields[static_cast<std::size_t>(t.field)];
    const auto& obj = plan.layout().fields[static_cast<std::size_t>(table_field.depending_on)];
    errors.push_back({obj.path, "count " + std::to_string(given) + " disagrees with the " +
                                    std::to_string(count) + " elements of " + table_field.path,
                      std::to_string(given)});
  }

  void scalar(const encode_node& n, std::uint32_t m, std::size_t pos) {
    const json_node& v = doc.node(m);
    if (v.kind == json_kind::null) {
      fail(n, "null value");
      return;
    }
    if (pos + n.length > size) {
      fail(n, "field ends past the record", m);
      return;
    }
    long long count = -1;
    std::string why = detail::encode_value(plan, n, v.kind, doc.text(v), rec + pos, count);
    if (!why.empty()) {
      fail(n, std::move(why), m);
      return;
    }
    if (plan.options().check_88 && !detail::satisfies_88(plan, n, doc.text(v)))
      fail(n, "not one of the field's 88-level values", m);
    if (n.occurs_map >= 0 && !text_count(n, doc.text(v), count)) {
      fail(n, unmapped_value_reason(n.key, occurs_trimmed(doc.text(v))), m);
      return;
    }
    if (n.slot >= 0) {
      auto s = static_cast<std::size_t>(n.slot);
      slot_json[s] = count;
      if (slot_length[s] >= 0 && slot_length[s] != count)
        errors.push_back({path(n), "count " + std::to_string(count) + " disagrees with the " +
                                       std::to_string(slot_length[s]) + " elements of its table",
                          text::json_excerpt(doc, m)});
    }
  }

  const occurs_mapping& mapping(const encode_node& n) const {
    return plan.options().occurs->fields[static_cast<std::size_t>(n.occurs_map)];
  }

  // A text ODO object given in the JSON: the count its value gives (as the reader will
  // read it back), or false when its map lacks the value.
  bool text_count(const encode_node& n, std::string_view value, long long& count) const {
    count = mapping(n).count_of(occurs_trimmed(value));
    return count >= 0;
  }

  // An absent text ODO object: the one value whose count is the table's length; several
  // or none is an error that names them (the JSON must then give the value).
  std::string text_of_count(const encode_node& n, long long len, std::string& text) const {
    auto values = mapping(n).values_of(len);
    if (values.size() == 1) {
      text = std::string(values.front());
      return {};
    }
    std::string why = "its table has " + std::to_string(len) + " elements, and ";
    if (values.empty()) return why + "no value in the occurs map of " + n.key + " gives that count";
    why += "the occurs map of " + n.key + " gives that count for several values (";
    for (std::size_t i = 0; i < values.size(); ++i)
      why += (i ? ", '" : "'") + std::string(values[i]) + "'";
    return why + "): give " + n.key + " in the JSON";
  }

  // Absent ODO objects: write the table length now that the tables have been seen.
  void settle_pendings() {
    for (const auto& p : pendings) {
      const encode_node& n = node(p.node);
      long long len = slot_length[static_cast<std::size_t>(n.slot)];
      if (len < 0) {
        errors.push_back({p.path, "missing field", {}});
        continue;
      }
      long long ignored = 0;
      std::string text = std::to_string(len);
      json_kind kind = json_kind::number;
      if (n.occurs_map >= 0) {
        if (auto why = text_of_count(n, len, text); !why.empty()) {
          errors.push_back({p.path, why, std::to_string(len)});
          continue;
        }
        kind = json_kind::string;
      }
      std::string why = detail::encode_value(plan, n, kind, text, rec + p.pos, ignored);
      if (!why.empty()) errors.push_back({p.path, why, text});
    }
  }
};

record_encoder::record_encoder(const encode_plan& plan)
    : plan_(&plan), doc_(std::make_unique<json_doc>()) {}
record_encoder::~record_encoder() = default;
record_encoder::record_encoder(record_encoder&&) noexcept = default;
record_encoder& record_encoder::operator=(record_encoder&&) noexcept = default;

bool record_encoder::encode(std::string_view json, encoded_record& out,
                            std::vector<field_error>& errors) {
  const auto& image = plan_->fill_image();
  out.bytes.assign(image.begin(), image.end());
  out.odo_length = image.size();
  std::string why;
  if (!doc_->parse(json, why)) {
    errors.push_back({{}, "invalid JSON: " + why, {}});
    return false;
  }
  std::size_t before = errors.size();
  walker w{*this, *plan_, *doc_, out.bytes.data(), out.bytes.size(), errors};
  w.slot_json.assign(plan_->slot_count(), -1);
  w.slot_length.assign(plan_->slot_count(), -1);
  // used_ marks the JSON members consumed, so leftovers can be reported as unknown keys.
  used_.assign(doc_->size(), 0);
  std::ptrdiff_t shift = 0;
  w.group(plan_->root(), doc_->root(), 0, shift, true);
  w.settle_pendings();
  auto length = static_cast<std::ptrdiff_t>(image.size()) + shift;
  out.odo_length = length > 0 ? static_cast<std::size_t>(length) : 0;
  return errors.size() == before;
}

std::string json_string_member(std::string_view json, std::string_view key) {
  // One parser per thread: simdjson's buffers are worth keeping from line to line.
  thread_local json_doc doc;
  std::string why;
  if (!doc.parse(json, why) || doc.node(0).kind != json_kind::object) return {};
  for (std::uint32_t m = doc.node(0).first; m != json_none; m = doc.node(m).next)
    if (doc.key(doc.node(m)) == key && doc.node(m).kind == json_kind::string)
      return std::string(doc.text(doc.node(m)));
  return {};
}

}  // namespace mfb::bridge
