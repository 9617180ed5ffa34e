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
  if (records_.empty() || !records_.back().renames.empty()) start_record(nullptr);
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

namespace {

std::size_t binary_size(int digits, bool cobrix) {
  if (digits <= 4) return 2;
  if (digits <= 9) return 4;
  if (digits <= 18 || !cobrix) return 8;
  // Cobrix: the fewest bytes that hold the value and a sign bit.
  double bits = static_cast<double>(digits) * std::log2(10.0) + 1.0;
  return static_cast<std::size_t>(std::ceil(bits / 8.0));
}

usage to_usage(ast::usage_kw u) {
  switch (u) {
    case ast::usage_kw::display: return usage::display;
    case ast::usage_kw::display_1: return usage::display_1;
    case ast::usage_kw::national: return usage::national;
    case ast::usage_kw::binary: return usage::binary;
    case ast::usage_kw::comp_5: return usage::comp_5;
    case ast::usage_kw::comp_1: return usage::comp_1;
    case ast::usage_kw::comp_2: return usage::comp_2;
    case ast::usage_kw::packed: return usage::packed_decimal;
    case ast::usage_kw::pointer: return usage::pointer;
    case ast::usage_kw::index: return usage::index;
  }
  return usage::display;
}

const char* usage_words(usage u) {
  switch (u) {
    case usage::binary: return "BINARY";
    case usage::comp_5: return "COMP-5";
    case usage::packed_decimal: return "PACKED-DECIMAL";
    case usage::comp_1: return "COMP-1";
    case usage::comp_2: return "COMP-2";
    case usage::pointer: return "POINTER";
    case usage::index: return "INDEX";
    case usage::national: return "NATIONAL";
    case usage::display_1: return "DISPLAY-1";
    case usage::display: return "DISPLAY";
  }
  return "DISPLAY";
}

}  // namespace

void resolver_pass::type_fields(record_work& r) {
  auto& fields = r.layout.fields;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    field& f = fields[i];
    item_info& info = r.info[i];
    const field* parent = f.parent >= 0 ? &fields[static_cast<std::size_t>(f.parent)] : nullptr;
    const item_info* pinfo = f.parent >= 0 ? &r.info[static_cast<std::size_t>(f.parent)] : nullptr;
    // USAGE, SIGN and SYNC written on a group apply to its elementary items.
    f.use = info.usage ? to_usage(*info.usage) : parent ? parent->use : usage::display;
    if (!info.sign && pinfo && pinfo->sign) {
      info.sign = pinfo->sign;
      info.sign_inherited = true;
    }
    if (!info.sync && pinfo && pinfo->sync) info.sync = pinfo->sync;
    if (!f.children.empty()) {
      f.kind = category::group;
      if (info.picture && !info.bad) {
        error(info.picture->offset, "group item '" + f.name + "' cannot have a PICTURE clause");
      }
      continue;
    }
    if (info.entry == nullptr || info.bad) continue;  // synthetic, or already reported
    type_elementary(r, static_cast<int>(i));
  }
}

void resolver_pass::type_elementary(record_work& r, int index) {
  field& f = r.layout.fields[static_cast<std::size_t>(index)];
  item_info& info = r.info[static_cast<std::size_t>(index)];
  std::size_t at = info.entry->offset;
  const bool cobrix = opts_.cobrix_extensions;
  if (info.picture && !info.bad) {
    f.picture = info.pic.info;
    f.kind = info.pic.kind;
  }
  switch (f.use) {
    case usage::comp_1:
    case usage::comp_2:
      if (info.picture) error(info.picture->offset, std::string("a USAGE ") + usage_words(f.use) +
                                                        " item must not have a PICTURE clause (item " + f.name + ")");
      f.kind = category::floating;
      f.picture.reset();
      f.length = f.use == usage::comp_1 ? 4 : 8;
      info.align = f.length;
      break;
    case usage::pointer:
    case usage::index:
      if (info.picture) error(info.picture->offset, std::string("a USAGE ") + usage_words(f.use) +
                                                        " item must not have a PICTURE clause (item " + f.name + ")");
      f.kind = category::pointer_or_index;
      f.picture.reset();
      f.length = 4;
      info.align = 4;
      break;
    default:
      break;
  }
  if (f.use == usage::comp_1 || f.use == usage::comp_2 || f.use == usage::pointer ||
      f.use == usage::index) {
    if (!info.sync) info.align = 1;
    f.sync = info.sync != nullptr && info.align > 1;
    return;
  }
  if (!info.picture) {
    error(at, "elementary item " + f.name +
                  " needs a PICTURE clause (or USAGE COMP-1, COMP-2, POINTER or INDEX)");
    f.kind = category::alphanumeric;
    return;
  }
  if (info.bad) return;
  const picture_analysis& pa = info.pic;
  int digits = pa.info.digits;
  int chars = pa.info.char_count;
  if (!pa.nonstandard.empty() && !cobrix) {
    error(picture_text_offset(info), "bad PICTURE string '" + info.picture->text + "': " + pa.nonstandard);
  }
  bool numeric = f.kind == category::numeric;
  if ((f.use == usage::binary || f.use == usage::comp_5 || f.use == usage::packed_decimal) &&
      !numeric) {
    std::string word = info.usage_word.empty() ? usage_words(f.use) : info.usage_word;
    error(picture_text_offset(info), "PICTURE " + info.picture->text +
                                         " is not numeric, so it cannot have USAGE " + word);
    f.length = static_cast<std::size_t>(chars);
    return;
  }
  if (numeric && digits > 31 && !cobrix) {
    error(picture_text_offset(info), "numeric item " + f.name + " has " +
                                         std::to_string(digits) + " digits; at most 31 are allowed");
  }
  // The SIGN clause applies to signed numeric DISPLAY (or NATIONAL) items only.
  bool display_like = f.use == usage::display || f.use == usage::national;
  if (info.sign && numeric && display_like && (pa.has_s || cobrix)) {
    f.sign = info.sign->position == ast::sign_kw::leading ? sign_position::leading
                                                          : sign_position::trailing;
    f.sign_separate = info.sign->separate;
  } else if (info.sign && !info.sign_inherited) {
    error(at, "the SIGN clause needs a signed numeric DISPLAY item (PICTURE with S): " + f.name);
  } else if (numeric && pa.has_s && display_like) {
    f.sign = sign_position::trailing;
  }
  if (f.picture) f.picture->is_signed = pa.info.is_signed || f.sign_separate;
  switch (f.use) {
    case usage::binary:
    case usage::comp_5:
      if (digits > 18 && !cobrix) {
        error(picture_text_offset(info), "binary item " + f.name + " has " +
                                             std::to_string(digits) +
                                             " digits; at most 18 are allowed");
      }
      f.length = binary_size(digits, cobrix);
      // IBM: halfword for 1-4 digits, fullword for 5-18 digits.
      info.align = f.length == 2 ? 2 : 4;
      break;
    case usage::packed_decimal:
      f.length = static_cast<std::size_t>(digits / 2 + 1);
      break;
    case usage::national:
      f.length = 2 * static_cast<std::size_t>(chars + (f.sign_separate ? 1 : 0));
      if (f.kind == category::alphanumeric) f.kind = category::national;
      break;
    case usage::display_1:
      f.length = 2 * static_cast<std::size_t>(chars);
      f.kind = category::dbcs;
      break;
    default:
      if (f.kind == category::national || f.kind == category::national_edited) {
        f.use = usage::national;  // PIC N implies USAGE NATIONAL (NSYMBOL(NATIONAL))
        f.length = 2 * static_cast<std::size_t>(chars);
      } else if (f.kind == category::dbcs) {
        f.use = usage::display_1;
        f.length = 2 * static_cast<std::size_t>(chars);
      } else {
        f.length = static_cast<std::size_t>(chars + (f.sign_separate ? 1 : 0));
      }
      break;
  }
  if (f.use != usage::binary && f.use != usage::comp_5) info.align = 1;
  f.sync = info.sync != nullptr && info.align > 1;
  if (!f.sync) info.align = 1;
}

}  // namespace mfb::copybook::detail

namespace mfb::copybook::ast {
usage_kw usage_of(const std::string& word) {
  std::string w = detail::upper(word);
  if (w.rfind("COMPUTATIONAL", 0) == 0) w = "COMP" + w.substr(13);
  if (w == "DISPLAY") return usage_kw::display;
  if (w == "DISPLAY-1") return usage_kw::display_1;
  if (w == "NATIONAL") return usage_kw::national;
  if (w == "COMP-1") return usage_kw::comp_1;
  if (w == "COMP-2") return usage_kw::comp_2;
  if (w == "COMP-3" || w == "PACKED-DECIMAL") return usage_kw::packed;
  if (w == "COMP-5") return usage_kw::comp_5;
  if (w == "POINTER") return usage_kw::pointer;
  if (w == "INDEX") return usage_kw::index;
  return usage_kw::binary;  // BINARY, COMP, COMP-0, COMP-4
}
}  // namespace mfb::copybook::ast
