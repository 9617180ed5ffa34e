// Diffing two canonical JSON records and picking key values out, over the one JSON reader
// (codec/text/json_reader.hpp). Values are compared and reported as their JSON text, so
// numbers keep their exact decimal form.

#include <string>
#include <string_view>
#include <vector>

#include "delta/delta_detail.hpp"
#include "mfb/bridge/codec/text/json_reader.hpp"

namespace mfb::bridge::detail {

namespace {

using text::json_doc;
using text::json_kind;
using text::json_none;

struct differ {
  const json_doc& old_doc;
  const json_doc& new_doc;
  std::string& pool;
  std::vector<json_change>& changes;
  std::string path;

  void change(std::string_view o, std::string_view n) {
    changes.push_back({pool.size(), path.size(), o, n});
    pool += path;
  }

  std::vector<std::uint32_t> children(const json_doc& doc, std::uint32_t parent) const {
    std::vector<std::uint32_t> out;
    for (std::uint32_t c = doc.node(parent).first; c != json_none; c = doc.node(c).next)
      out.push_back(c);
    return out;
  }

  void objects(std::uint32_t o, std::uint32_t n) {
    std::size_t mark = path.size();
    auto om = children(old_doc, o);
    auto nm = children(new_doc, n);
    auto key = [](const json_doc& d, std::uint32_t i) { return d.node(i).key; };
    std::vector<bool> seen(om.size(), false);
    for (std::size_t j = 0; j < nm.size(); ++j) {
      std::string_view name = key(new_doc, nm[j]);
      // Both records come from one plan, so the same member is normally at the same place.
      std::size_t k = j < om.size() && key(old_doc, om[j]) == name ? j : om.size();
      for (std::size_t x = 0; k == om.size() && x < om.size(); ++x)
        if (key(old_doc, om[x]) == name) k = x;
      if (!path.empty()) path += '.';
      path += name;
      if (k < om.size()) {
        seen[k] = true;
        diff(om[k], nm[j]);
      } else {
        change("null", new_doc.raw(new_doc.node(nm[j])));
      }
      path.resize(mark);
    }
    for (std::size_t k = 0; k < om.size(); ++k) {
      if (seen[k]) continue;
      if (!path.empty()) path += '.';
      path += key(old_doc, om[k]);
      change(old_doc.raw(old_doc.node(om[k])), "null");
      path.resize(mark);
    }
  }

  // False when the arrays differ in length (then the whole array is one change).
  bool arrays(std::uint32_t o, std::uint32_t n) {
    if (old_doc.node(o).count != new_doc.node(n).count) return false;
    std::size_t mark = path.size();
    std::uint32_t oe = old_doc.node(o).first, ne = new_doc.node(n).first;
    for (std::size_t j = 1; ne != json_none; ++j) {
      path += '(';
      path += std::to_string(j);
      path += ')';
      diff(oe, ne);
      path.resize(mark);
      oe = old_doc.node(oe).next;
      ne = new_doc.node(ne).next;
    }
    return true;
  }

  void diff(std::uint32_t o, std::uint32_t n) {
    std::string_view ot = old_doc.raw(old_doc.node(o)), nt = new_doc.raw(new_doc.node(n));
    if (ot == nt) return;
    json_kind ok = old_doc.node(o).kind, nk = new_doc.node(n).kind;
    if (ok == json_kind::object && nk == json_kind::object) return objects(o, n);
    if (ok == json_kind::array && nk == json_kind::array && arrays(o, n)) return;
    change(ot, nt);
  }
};

}  // namespace

void json_diff(std::string_view old_json, std::string_view new_json, std::string& pool,
               std::vector<json_change>& changes) {
  // Records come from our own decoder; the parsers are kept from call to call.
  thread_local json_doc old_doc, new_doc;
  std::string why;
  if (!old_doc.parse(old_json, why) || !new_doc.parse(new_json, why)) {
    if (old_json != new_json) changes.push_back({pool.size(), 0, old_json, new_json});
    return;
  }
  differ d{old_doc, new_doc, pool, changes, {}};
  d.diff(old_doc.root(), new_doc.root());
}

std::string_view json_find(const text::json_doc& doc, std::string_view path) {
  std::uint32_t at = doc.root();
  while (!path.empty()) {
    auto dot = path.find('.');
    std::string_view name = path.substr(0, dot);
    path = dot == std::string_view::npos ? std::string_view{} : path.substr(dot + 1);
    if (doc.node(at).kind != json_kind::object) return "null";
    at = doc.member(at, name);
    if (at == json_none) return "null";
  }
  return doc.raw(doc.node(at));
}

std::string_view json_find(std::string_view json, std::string_view path) {
  thread_local json_doc doc;
  std::string why;
  if (!doc.parse(json, why)) return "null";
  return json_find(doc, path);
}

}  // namespace mfb::bridge::detail
