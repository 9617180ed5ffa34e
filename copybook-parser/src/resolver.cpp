// Resolver, first pass: build the level hierarchy of each record from the flat entries,
// interpret the clauses and type every elementary item (usage, category, picture, size).

#include <algorithm>
#include <cctype>
#include <cmath>

#include "resolver_impl.hpp"

namespace mfb::copybook::detail {

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string level_text(int level) {
  return level < 10 ? "0" + std::to_string(level) : std::to_string(level);
}


/// Where the data name of an entry starts (after its level number), for carets.
std::size_t resolver_pass::name_offset(const ast::entry& e) const {
  const std::string& t = src_.text;
  std::size_t i = e.offset;
  while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i;
  while (i < t.size() && std::isspace(static_cast<unsigned char>(t[i]))) ++i;
  return e.name && i < t.size() ? i : e.offset;
}

/// Where the PICTURE string itself starts (after PIC [IS]).
std::size_t resolver_pass::picture_text_offset(const item_info& info) const {
  std::size_t at = src_.text.find(info.picture->text, info.picture->offset);
  return at == std::string::npos ? info.picture->offset : at;
}

void resolver_pass::error(std::size_t offset, std::string message) {
  diags_.push_back(src_.make_diagnostic(offset, std::move(message)));
}
void resolver_pass::warning(std::size_t offset, std::string message) {
  diags_.push_back(src_.make_diagnostic(offset, std::move(message), severity::warning));
}

std::vector<record_layout> resolve(const std::vector<ast::entry>& entries,
                                   const logical_source& src, const resolve_options& opts,
                                   std::vector<diagnostic>& diags) {
  return resolver_pass(src, opts, diags).run(entries);
}

std::vector<record_layout> resolver_pass::run(const std::vector<ast::entry>& entries) {
  for (const auto& e : entries) add_entry(e);
  for (auto& r : records_) finish_record(r);  // later records may name earlier ones
  std::vector<record_layout> out;
  for (auto& r : records_) out.push_back(std::move(r.layout));
  return out;
}

void resolver_pass::start_record(const ast::entry* e) {
  record_work r;
  field f;
  item_info info;
  if (e != nullptr) {
    f.name = e->name ? upper(*e->name) : "FILLER";
    f.level = static_cast<int>(e->level);
    f.where = src_.locate(e->offset);
    info.entry = e;
  } else {
    // Items before any 01 level: wrap them in a record named after the file, as if the
    // copybook had been COPYed under an 01 of that name.
    f.name = opts_.default_record_name;
    f.level = 1;
    info.synthetic = true;
    r.layout.synthetic = true;
  }
  f.is_filler = iequals(f.name, "FILLER");
  r.layout.name = f.name;
  r.layout.fields.push_back(std::move(f));
  r.info.push_back(info);
  records_.push_back(std::move(r));
  stack_.assign(1, 0);
}

void resolver_pass::add_condition(const ast::entry& e) {
  if (records_.empty() || records_.back().layout.fields.empty()) {
    error(e.offset, "a level-88 condition name must follow the item it describes");
    return;
  }
  record_work& r = records_.back();
  // The conditional variable is the last item declared (88s follow it directly).
  field& target = r.layout.fields.back();
  condition c;
  c.name = e.name ? upper(*e.name) : std::string();
  if (!e.name) error(e.offset, "a level-88 entry needs a condition name");
  if (e.incomplete) {
    target.conditions.push_back(std::move(c));
    return;
  }
  const ast::value_clause* value = nullptr;
  for (const auto& cl : e.clauses) {
    if (const auto* v = boost::get<ast::value_clause>(&cl)) {
      value = v;
    } else {
      error(e.offset, "a level-88 entry may only have a VALUE clause (condition " + c.name + ")");
    }
  }
  if (value == nullptr) {
    error(name_offset(e), "condition name '" + c.name + "' (level 88) needs a VALUE clause");
    return;
  }
  for (const auto& item : value->items) {
    if (!check_literal(item.from)) continue;
    condition_value cv;
    cv.from = item.from.text;
    cv.is_numeric = item.from.kind == ast::literal_kind::number;
    if (item.thru) cv.thru = item.thru->text;
    c.values.push_back(std::move(cv));
  }
  target.conditions.push_back(std::move(c));
}

void resolver_pass::add_entry(const ast::entry& e) {
  int level = static_cast<int>(e.level);
  if (level == 88) {
    add_condition(e);
    return;
  }
  if (level == 66) {
    if (records_.empty()) {
      error(e.offset, "a level-66 RENAMES entry must follow the record it renames");
      return;
    }
    records_.back().renames.push_back(&e);
    return;
  }
  if (level == 1 || level == 77) {
    start_record(&e);
    collect_clauses(records_.back(), 0);
    return;
  }
  if (level < 1 || level > 49) {
    error(e.offset, "level number " + std::to_string(level) +
                        " is not valid: use 01-49, 66, 77 or 88");
    return;
  }
  if (records_.empty()) start_record(nullptr);
  if (!records_.back().renames.empty()) {
    error(e.offset, "level-66 RENAMES entries must come after all the items of the record");
  }
  record_work& r = records_.back();
  if (r.layout.fields[0].level == 77) {
    error(e.offset, "a level-77 item cannot have subordinate items");
    start_record(nullptr);
  }
  record_work& rec = records_.back();
  while (stack_.size() > 1 && rec.layout.fields[static_cast<std::size_t>(stack_.back())].level >= level) {
    stack_.pop_back();
  }
  int parent = stack_.back();
  field f;
  f.name = e.name ? upper(*e.name) : "FILLER";
  f.is_filler = iequals(f.name, "FILLER");
  f.level = level;
  f.parent = parent;
  f.where = src_.locate(e.offset);
  int index = static_cast<int>(rec.layout.fields.size());
  rec.layout.fields[static_cast<std::size_t>(parent)].children.push_back(index);
  rec.layout.fields.push_back(std::move(f));
  item_info info;
  info.entry = &e;
  rec.info.push_back(info);
  stack_.push_back(index);
  collect_clauses(rec, index);
}

void resolver_pass::collect_clauses(record_work& r, int i) {
  item_info& info = r.info[static_cast<std::size_t>(i)];
  field& f = r.layout.fields[static_cast<std::size_t>(i)];
  const ast::entry& e = *info.entry;
  bool justified = false, blank = false;
  auto twice = [&](const char* what) {
    error(e.offset, std::string(what) + " clause appears twice in the description of " + f.name);
  };
  for (const auto& cl : e.clauses) {
    if (const auto* p = boost::get<ast::picture_clause>(&cl)) {
      if (info.picture) twice("PICTURE");
      info.picture = p;
    } else if (const auto* u = boost::get<ast::usage_clause>(&cl)) {
      if (info.usage) twice("USAGE");
      info.usage = ast::usage_of(u->word);
      info.usage_word = upper(u->word);
    } else if (const auto* o = boost::get<ast::occurs_clause>(&cl)) {
      if (info.occurs) twice("OCCURS");
      info.occurs = o;
    } else if (const auto* rd = boost::get<ast::redefines_clause>(&cl)) {
      if (info.redefines) twice("REDEFINES");
      info.redefines = rd;
    } else if (const auto* s = boost::get<ast::sign_clause>(&cl)) {
      if (info.sign) twice("SIGN");
      info.sign = s;
    } else if (const auto* sy = boost::get<ast::sync_clause>(&cl)) {
      info.sync = sy;
    } else if (boost::get<ast::justified_clause>(&cl) != nullptr) {
      justified = true;
    } else if (boost::get<ast::blank_when_zero_clause>(&cl) != nullptr) {
      blank = true;
    } else if (const auto* v = boost::get<ast::value_clause>(&cl)) {
      if (info.value) twice("VALUE");
      info.value = v;
    } else if (const auto* rn = boost::get<ast::renames_clause>(&cl)) {
      error(rn->offset, "RENAMES is allowed only on a level-66 entry");
    }
  }
  if (e.incomplete) info.bad = true;
  f.justified_right = justified;
  f.blank_when_zero = blank;
  if (info.value && !info.value->items.empty()) f.value = info.value->items.front().from.text;
  if (info.picture) {
    info.pic = analyse_picture(info.picture->text);
    if (!info.pic.error.empty()) {
      // Point at the offending symbol of the picture string.
      error(picture_text_offset(info) + info.pic.error_offset,
            "bad PICTURE string '" + info.picture->text + "': " + info.pic.error);
      info.bad = true;
    }
  }
  if (info.occurs) {
    const auto& o = *info.occurs;
    constexpr unsigned max_occurs = 99'999'999;  // keeps sizes far from overflow
    if (o.from > max_occurs || (o.to && *o.to > max_occurs)) {
      error(o.offset, "OCCURS allows at most " + std::to_string(max_occurs) +
                          " occurrences (item " + f.name + ")");
      info.occurs = nullptr;
      return;
    }
    f.occurs_max = static_cast<int>(o.to ? *o.to : o.from);
    // OCCURS n DEPENDING ON (no TO) is an IBM extension; the minimum is then taken as 1,
    // as the standard does for an omitted integer-1.
    f.occurs_min = static_cast<int>(o.to ? o.from : o.depending_on ? 1 : o.from);
    if (f.level == 1 || f.level == 77) {
      error(o.offset, "OCCURS is not allowed at level " + level_text(f.level) + " (item " + f.name + ")");
      f.occurs_min = f.occurs_max = 0;
    } else if (o.to && o.from > *o.to) {
      error(o.offset, "OCCURS " + std::to_string(o.from) + " TO " + std::to_string(*o.to) +
                          ": the minimum is larger than the maximum");
    } else if (f.occurs_max == 0) {
      error(o.offset, "OCCURS needs at least one occurrence (item " + f.name + ")");
    }
    if (o.to && !o.depending_on) {
      error(o.offset, "OCCURS " + std::to_string(o.from) + " TO " + std::to_string(*o.to) +
                          " needs DEPENDING ON (item " + f.name + ")");
    }
    if (o.depending_on) f.depending_on_name = upper(o.depending_on->parts.front());
  }
}

}  // namespace mfb::copybook::detail
