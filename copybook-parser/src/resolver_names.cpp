// Resolver, name resolution: REDEFINES targets, ODO objects and RENAMES ranges, with the
// restrictions IBM Enterprise COBOL places on each.

#include "resolver_impl.hpp"

#include <cctype>

namespace mfb::copybook::detail {
namespace {

/// Whether field `i` is `name` qualified by `quals` (each an ancestor, innermost first).
bool matches(const record_layout& r, int i, const std::vector<std::string>& parts) {
  const auto& fields = r.fields;
  if (!iequals(fields[static_cast<std::size_t>(i)].name, parts.front())) return false;
  int at = fields[static_cast<std::size_t>(i)].parent;
  for (std::size_t q = 1; q < parts.size(); ++q) {
    while (at >= 0 && !iequals(fields[static_cast<std::size_t>(at)].name, parts[q])) {
      at = fields[static_cast<std::size_t>(at)].parent;
    }
    if (at < 0) return false;
    at = fields[static_cast<std::size_t>(at)].parent;
  }
  return true;
}

/// Names equal as an occurs map compares them: case ignored, '_' read as '-'.
bool same_item_name(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  auto fold = [](char c) {
    return c == '_' ? '-' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  };
  for (std::size_t i = 0; i < a.size(); ++i)
    if (fold(a[i]) != fold(b[i])) return false;
  return true;
}

/// Why `o` cannot be the object of an OCCURS DEPENDING ON, or "". IBM allows integer
/// numeric items only; a text item is allowed when an occurs map counts its values.
std::string odo_object_problem(const field& o, const std::vector<std::string>& text_objects) {
  bool mapped = false;
  for (const auto& n : text_objects) mapped = mapped || same_item_name(n, o.name);
  const bool text = o.kind == category::alphanumeric || o.kind == category::alphabetic;
  if (mapped && text) return {};
  if (o.kind == category::numeric && !(o.picture && o.picture->scale > 0)) return {};
  if (mapped)
    return "ODO object '" + o.name + "' must be an integer numeric item, or a PIC X or PIC A "
           "item for its occurs map";
  if (text)
    return "ODO object '" + o.name + "' must be an integer numeric item; a text object needs "
           "an occurs map (--occurs-map, Cobrix's occurs_mappings) to give its counts";
  return "ODO object '" + o.name + "' must be an integer numeric item";
}

bool inside(const record_layout& r, int i, int ancestor) {
  for (int at = i; at >= 0; at = r.fields[static_cast<std::size_t>(at)].parent) {
    if (at == ancestor) return true;
  }
  return false;
}

/// The nearest enclosing (or own) OCCURS item, -1 if none.
int occurs_ancestor(const record_layout& r, int i) {
  for (int at = i; at >= 0; at = r.fields[static_cast<std::size_t>(at)].parent) {
    if (r.fields[static_cast<std::size_t>(at)].occurs_max > 0) return at;
  }
  return -1;
}

std::string joined(const std::vector<std::string>& parts) {
  std::string s = upper(parts.front());
  for (std::size_t q = 1; q < parts.size(); ++q) s += " OF " + upper(parts[q]);
  return s;
}

}  // namespace

int resolver_pass::lookup(const record_work& r, const ast::qualified_name& name,
                          std::size_t where, const char* role) {
  std::vector<int> found;
  for (std::size_t i = 0; i < r.layout.fields.size(); ++i) {
    if (r.layout.fields[i].level == 66) continue;
    if (matches(r.layout, static_cast<int>(i), name.parts)) found.push_back(static_cast<int>(i));
  }
  if (found.size() == 1) return found.front();
  if (found.empty()) {
    error(where, std::string(role) + " names '" + joined(name.parts) +
                     "', which is not defined in record " + r.layout.name);
  } else {
    error(where, std::string(role) + " '" + joined(name.parts) +
                     "' is ambiguous; qualify it with OF");
  }
  return -1;
}

namespace {

// The earlier alternative of the REDEFINES area just before `pos` that is named `target`
// and itself has a REDEFINES clause (a chain), or -1. The walk stops at the original.
int named_alternative(const std::vector<field>& fields, const std::vector<int>& siblings,
                      std::vector<int>::const_iterator pos, const std::string& target) {
  while (pos != siblings.begin()) {
    --pos;
    const field& g = fields[static_cast<std::size_t>(*pos)];
    if (g.redefines < 0) return -1;
    if (iequals(g.name, target)) return *pos;
  }
  return -1;
}

}  // namespace

void resolver_pass::resolve_redefines(record_work& r) {
  auto& fields = r.layout.fields;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const item_info& info = r.info[i];
    if (!info.redefines) continue;
    field& f = fields[i];
    const std::string target = upper(info.redefines->target);
    std::size_t where = src_.text.find(info.redefines->target, info.redefines->offset);
    if (where == std::string::npos) where = info.redefines->offset;
    if (f.parent < 0) {
      // 01 REDEFINES another record: both are views of the same storage, kept separate.
      bool known = false;
      for (const auto& other : records_) {
        if (&other != &r && iequals(other.layout.name, target)) known = true;
      }
      if (!known) error(where, "REDEFINES target '" + target + "' is not a preceding record");
      continue;
    }
    const auto& siblings = fields[static_cast<std::size_t>(f.parent)].children;
    auto pos = std::find(siblings.begin(), siblings.end(), static_cast<int>(i));
    int prev = pos == siblings.begin() ? -1 : *(pos - 1);
    int original = prev;
    if (prev >= 0 && fields[static_cast<std::size_t>(prev)].redefines >= 0) {
      original = fields[static_cast<std::size_t>(prev)].redefines;  // A, B REDEFINES A, C REDEFINES A
    }
    const int alternative = named_alternative(fields, siblings, pos, target);
    if (alternative >= 0) {
      // C REDEFINES B where B REDEFINES A. Standard COBOL requires the original entry's name
      // (its entry must not itself contain REDEFINES); IBM Enterprise COBOL accepts any name
      // of the area ("multiple redefinitions need not all use the data-name of the original
      // entry"), and so does cobc -std=ibm. The item is laid out at the original's offset.
      warning(where, "REDEFINES names '" + target + "', which itself redefines '" +
                         fields[static_cast<std::size_t>(original)].name +
                         "': standard COBOL requires the original item (IBM accepts it); '" +
                         f.name + "' is laid out at the offset of '" +
                         fields[static_cast<std::size_t>(original)].name + "'");
    } else if (original < 0 || !iequals(fields[static_cast<std::size_t>(original)].name, target)) {
      bool exists = false;
      for (const auto& g : fields) exists = exists || iequals(g.name, target);
      if (exists) {
        error(where, "REDEFINES target '" + target + "' is not the preceding item at level " +
                         level_text(f.level));
      } else {
        error(where, "REDEFINES names '" + target + "', which is not defined");
      }
      continue;
    }
    field& t = fields[static_cast<std::size_t>(original)];
    if (t.occurs_max > 0) {
      error(where, "cannot REDEFINE '" + target + "' because it has an OCCURS clause");
      continue;
    }
    f.redefines = original;
    t.redefined = true;
  }
}

void resolver_pass::resolve_odo(record_work& r) {
  auto& fields = r.layout.fields;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const item_info& info = r.info[i];
    if (!info.occurs || !info.occurs->depending_on) continue;
    const ast::qualified_name& name = *info.occurs->depending_on;
    int object = -1;
    bool elsewhere = false;
    for (std::size_t j = 0; j < fields.size() && object < 0; ++j) {
      if (matches(r.layout, static_cast<int>(j), name.parts)) object = static_cast<int>(j);
    }
    if (object < 0) {
      for (const auto& other : records_) {
        for (std::size_t j = 0; j < other.layout.fields.size(); ++j) {
          if (&other != &r && matches(other.layout, static_cast<int>(j), name.parts)) elsewhere = true;
        }
      }
    }
    field& f = fields[i];
    r.layout.has_odo = true;
    if (object < 0) {
      if (!elsewhere) {
        error(name.offset, "DEPENDING ON object '" + joined(name.parts) + "' is not defined");
      }
      continue;
    }
    object = lookup(r, name, name.offset, "ODO object");
    if (object < 0) continue;
    const field& o = fields[static_cast<std::size_t>(object)];
    if (auto why = odo_object_problem(o, opts_.text_odo_objects); !why.empty()) {
      error(name.offset, why);
    }
    // An object inside an enclosing table is allowed (nested ODO, one count per outer
    // occurrence), but not inside the table it sizes.
    if (inside(r.layout, object, static_cast<int>(i))) {
      error(name.offset, "ODO object '" + o.name + "' must not be inside the table " + f.name);
    }
    f.depending_on = object;
    // A table that redefines or is redefined cannot vary in length.
    for (int at = static_cast<int>(i); at >= 0; at = fields[static_cast<std::size_t>(at)].parent) {
      const field& a = fields[static_cast<std::size_t>(at)];
      if (a.redefines >= 0 || a.redefined) {
        error(info.occurs->offset, "OCCURS DEPENDING ON is not allowed in " + a.name +
                                       (a.redefines >= 0 ? ", which has a REDEFINES clause"
                                                         : ", which is redefined"));
        break;
      }
    }
  }
}

void resolver_pass::resolve_renames(record_work& r) {
  auto& fields = r.layout.fields;
  for (const ast::entry* e : r.renames) {
    const ast::renames_clause* rn = nullptr;
    for (const auto& cl : e->clauses) {
      if (const auto* c = boost::get<ast::renames_clause>(&cl)) rn = c;
      else error(e->offset, "a level-66 entry may only have a RENAMES clause");
    }
    std::string name = e->name ? upper(*e->name) : std::string();
    if (!e->name) error(e->offset, "a level-66 entry needs a name");
    if (rn == nullptr) {
      error(e->offset, "level-66 item " + name + " has no RENAMES clause");
      continue;
    }
    int from = lookup(r, rn->from, rn->from.offset, "RENAMES");
    int thru = rn->thru ? lookup(r, *rn->thru, rn->thru->offset, "RENAMES") : from;
    if (from < 0 || thru < 0) continue;
    bool ok = true;
    std::vector<int> named{from};
    if (thru != from) named.push_back(thru);
    for (int t : named) {
      const field& g = fields[static_cast<std::size_t>(t)];
      if (g.parent < 0 || g.level == 66 || g.level == 77) {
        error(rn->offset, "cannot RENAME '" + g.name + "': it is a level-" + level_text(g.level) + " item");
        ok = false;
      } else if (occurs_ancestor(r.layout, t) >= 0) {
        error(rn->offset, "cannot RENAME '" + g.name + "': it is (or is inside) an OCCURS table");
        ok = false;
      }
    }
    if (!ok) continue;
    const field& a = fields[static_cast<std::size_t>(from)];
    const field& b = fields[static_cast<std::size_t>(thru)];
    std::size_t end = b.offset + b.length;
    if (thru != from && (b.offset + b.length <= a.offset || inside(r.layout, thru, from))) {
      error(rn->thru->offset, "RENAMES " + a.name + " THRU " + b.name + ": " + b.name +
                                  " must follow " + a.name + " and not be part of it");
      continue;
    }
    field f;
    f.name = name;
    f.level = 66;
    f.parent = 0;
    f.where = src_.locate(e->offset);
    f.offset = a.offset;
    f.length = end - a.offset;
    f.renames_from = from;
    f.renames_thru = thru;
    if (from == thru && a.children.empty()) {
      f.use = a.use;
      f.kind = a.kind;
      f.picture = a.picture;
      f.sign = a.sign;
      f.sign_separate = a.sign_separate;
    } else {
      f.kind = category::group;
    }
    item_info info;
    info.entry = e;
    fields.push_back(std::move(f));
    r.info.push_back(info);
  }
}

}  // namespace mfb::copybook::detail
