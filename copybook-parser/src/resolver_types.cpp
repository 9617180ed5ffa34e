// Resolver, typing pass: usage inheritance, category, sign, and the storage size of every
// elementary item (IBM Enterprise COBOL storage rules; Cobrix sizes only when asked for).

#include <cctype>
#include <cmath>

#include "mfb/copybook/layout_printer.hpp"
#include "resolver_impl.hpp"

namespace mfb::copybook::detail {

namespace {

std::size_t binary_size(int digits, bool cobrix) {
  if (digits <= 4) return 2;
  if (digits <= 9) return 4;
  if (digits <= 18 || !cobrix) return 8;
  // Cobrix: the fewest bytes that hold the value and a sign bit.
  double bits = static_cast<double>(digits) * std::log2(10.0) + 1.0;
  return static_cast<std::size_t>(std::ceil(bits / 8.0));
}

bool procedure_pointer(const item_info& info) {
  return info.usage == ast::usage_kw::procedure_pointer;
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
    case ast::usage_kw::pointer:
    case ast::usage_kw::procedure_pointer:
    case ast::usage_kw::function_pointer: return usage::pointer;
    case ast::usage_kw::index: return usage::index;
  }
  return usage::display;
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
      if (info.picture) error(info.picture->offset, std::string("a USAGE ") + usage_keyword(f.use) +
                                                        " item must not have a PICTURE clause (item " + f.name + ")");
      f.kind = category::floating;
      f.picture.reset();
      f.length = f.use == usage::comp_1 ? 4 : 8;
      info.align = f.length;
      break;
    case usage::pointer:
    case usage::index:
      if (info.picture) error(info.picture->offset, std::string("a USAGE ") + usage_keyword(f.use) +
                                                        " item must not have a PICTURE clause (item " + f.name + ")");
      f.kind = category::pointer_or_index;
      f.picture.reset();
      // IBM, 31-bit addressing: POINTER, FUNCTION-POINTER and INDEX take 4 bytes; a
      // PROCEDURE-POINTER 8 (the entry address and 4 more bytes). Both pointer kinds are
      // pointer usage here: the layout keeps their size, not the keyword.
      f.length = procedure_pointer(info) ? 8 : 4;
      info.align = 4;  // SYNC: a fullword boundary for all of them (31-bit)
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
  if ((f.use == usage::binary || f.use == usage::comp_5) && cobrix &&
      f.kind == category::alphanumeric) {
    // Cobrix reads PIC X(n) COMP as n opaque bytes (IBM refuses it, as below).
    f.use = usage::display;
    f.cobrix_binary = true;
    f.length = static_cast<std::size_t>(chars);
    info.align = 1;
    f.sync = false;
    return;
  }
  if ((f.use == usage::binary || f.use == usage::comp_5 || f.use == usage::packed_decimal) &&
      !numeric) {
    std::string word = info.usage_word.empty() ? usage_keyword(f.use) : info.usage_word;
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
  blank_when_zero(f, info);
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
  if (w == "PROCEDURE-POINTER") return usage_kw::procedure_pointer;
  if (w == "FUNCTION-POINTER") return usage_kw::function_pointer;
  if (w == "INDEX") return usage_kw::index;
  return usage_kw::binary;  // BINARY, COMP, COMP-0, COMP-4
}
}  // namespace mfb::copybook::ast
