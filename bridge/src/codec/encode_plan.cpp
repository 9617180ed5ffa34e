// Compile a record layout into an encode plan: one pass over the layout tree that mirrors
// the decode plan's JSON shape (FILLER left out, FILLER groups inlined, OCCURS as arrays,
// REDEFINES members side by side) and one pass that builds the fill image.

#include "mfb/bridge/codec/encode_plan.hpp"

#include <algorithm>
#include <map>

#include "mfb/bridge/io/layout_framing.hpp"
#include "mfb/bridge/io/occurs_map.hpp"
#include "mfb/ebcdic/packed.hpp"

namespace mfb::bridge {

namespace cb = mfb::copybook;
namespace eb = mfb::ebcdic;

struct encode_plan::builder {
  encode_plan& plan;
  const cb::record_layout& layout;
  const std::vector<std::string>& keep;
  std::map<int, std::int32_t> slot_of;  // ODO object field index -> slot
  std::string error;

  const cb::field& at(int i) const { return layout.fields[static_cast<std::size_t>(i)]; }

  static bool same_name(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
             return (x >= 'a' && x <= 'z' ? x - 32 : x) == (y >= 'a' && y <= 'z' ? y - 32 : y);
           });
  }
  bool named_in_keep(const cb::field& f) const {
    return std::any_of(keep.begin(), keep.end(), [&](const std::string& k) {
      return same_name(k, f.name) || same_name(k, f.path);
    });
  }

  std::uint32_t push(encode_node n) {
    plan.nodes_.push_back(std::move(n));
    return static_cast<std::uint32_t>(plan.nodes_.size() - 1);
  }

  // Usage dispatch for an elementary item, as the decode plan does it (so JSON written by
  // `convert` reads back into the same bytes).
  void elementary(const cb::field& f, encode_node& n) {
    n.length = static_cast<std::uint32_t>(f.length);
    const auto* pic = f.picture ? &*f.picture : nullptr;
    n.digits = static_cast<std::int16_t>(pic ? pic->digits : 0);
    n.scale = static_cast<std::int16_t>(pic ? pic->scale : 0);
    n.is_signed = pic && pic->is_signed;
    n.justified = f.justified_right;
    for (const auto& name : plan.opts_.raw_fields)
      if (cb::names_equal(name, f.name) || cb::names_equal(name, f.path)) {
        n.code = encode_code::raw;
        return;
      }
    if (f.cobrix_binary) {  // convert writes it as base64 or upper-case hex: not read back
      error = "field " + f.path + ": PIC X USAGE COMP (Cobrix's binary item) is written back "
              "only from hex: name it in --raw";
      return;
    }
    switch (f.use) {
      case cb::usage::display:
        if (f.kind == cb::category::numeric) {
          n.code = encode_code::zoned;
          n.zoned.charset = plan.opts_.zoned_charset;
          n.zoned.sign = zoned_sign_of(f);
          return;
        }
        if (f.kind == cb::category::numeric_edited) {
          auto pat = eb::edit_pattern::compile(pic ? pic->expanded : std::string{},
                                               f.blank_when_zero);
          if (!pat) {
            error = "field " + f.path + ": " + pat.err().message;
            return;
          }
          n.code = encode_code::edited;
          n.pattern = static_cast<std::int32_t>(plan.patterns_.size());
          plan.patterns_.push_back(std::move(pat).value());
          return;
        }
        n.code = f.kind == cb::category::dbcs ? encode_code::dbcs : encode_code::text;
        return;
      case cb::usage::display_1:
        n.code = encode_code::dbcs;
        return;
      case cb::usage::national:
        if (f.kind == cb::category::numeric) {
          error = "field " + f.path + ": numeric USAGE NATIONAL is not supported";
          return;
        }
        n.code = encode_code::national;
        return;
      case cb::usage::binary:
      case cb::usage::comp_5:
      case cb::usage::pointer:
      case cb::usage::index:
        n.code = encode_code::binary;
        n.full_range = f.use != cb::usage::binary || plan.opts_.binary_trunc == eb::truncation::binary;
        if (f.use == cb::usage::pointer || f.use == cb::usage::index) {
          n.is_signed = f.use == cb::usage::index;
          n.digits = 18;
          n.scale = 0;
        }
        return;
      case cb::usage::comp_1:
      case cb::usage::comp_2:
        n.code = encode_code::floating;
        return;
      case cb::usage::packed_decimal:
        n.code = encode_code::packed;
        return;
    }
  }

  std::uint32_t fill(int index, std::size_t base) {
    const cb::field& f = at(index);
    encode_node n;
    n.code = encode_code::fill;
    n.field = index;
    n.offset = static_cast<std::uint32_t>(f.offset - base);
    n.image_offset = static_cast<std::uint32_t>(f.offset);
    std::size_t len = f.is_occurs() ? (f.stride ? f.stride : f.length) *
                                          static_cast<std::size_t>(f.occurs_max)
                                    : f.length;
    n.length = static_cast<std::uint32_t>(std::min(len, layout.length - f.offset));
    return push(std::move(n));
  }

  // Emit the items under `group`; `base` is the offset of the enclosing element.
  void children(int group, std::size_t base, std::vector<std::uint32_t>& out) {
    for (int c : at(group).children) {
      const cb::field& f = at(c);
      if (f.level == 66 || f.level == 88 || f.redefines >= 0) continue;
      if (f.redefined) {
        out.push_back(redefines_set(c, base));
      } else if (f.is_filler) {
        if (f.is_group() && !f.is_occurs())
          children(c, base, out);  // a FILLER group's named items belong to the enclosing object
        else
          out.push_back(fill(c, base));
      } else {
        out.push_back(item(c, base));
      }
      if (!error.empty()) return;
    }
  }

  // The redefined item `index` and every item that REDEFINES it: one node choosing a member.
  std::uint32_t redefines_set(int index, std::size_t base) {
    std::vector<int> members{index};
    for (int c : at(at(index).parent).children)
      if (at(c).redefines == index) members.push_back(c);
    encode_node n;
    n.code = encode_code::redefines;
    n.field = index;
    n.offset = static_cast<std::uint32_t>(at(index).offset - base);
    n.length = static_cast<std::uint32_t>(at(index).length);
    std::vector<std::uint32_t> kids;
    for (int m : members) {
      const cb::field& f = at(m);
      if (f.is_filler) {
        if (f.is_group() && !f.is_occurs()) children(m, base, kids);
        continue;
      }
      std::uint32_t k = item(m, base);
      plan.nodes_[k].chosen = named_in_keep(f);
      kids.push_back(k);
    }
    if (kids.empty()) return fill(index, base);
    n.children = std::move(kids);
    return push(std::move(n));
  }

  std::uint32_t item(int index, std::size_t base) {
    const cb::field& f = at(index);
    encode_node n;
    n.key = f.name;
    n.field = index;
    n.offset = static_cast<std::uint32_t>(f.offset - base);
    n.length = static_cast<std::uint32_t>(f.length);
    if (f.is_occurs()) {
      n.code = encode_code::table;
      n.stride = static_cast<std::uint32_t>(f.stride ? f.stride : f.length);
      n.occurs_min = static_cast<std::uint32_t>(f.occurs_min);
      n.occurs_max = static_cast<std::uint32_t>(f.occurs_max);
      if (f.depending_on >= 0) n.slot = slot_of.at(f.depending_on);
      encode_node e;
      e.field = index;
      e.length = n.length;
      if (f.is_group()) {
        e.code = encode_code::group;
        children(index, f.offset, e.children);
      } else {
        elementary(f, e);
      }
      n.children.push_back(push(std::move(e)));
    } else if (f.is_group()) {
      n.code = encode_code::group;
      children(index, base, n.children);
    } else {
      elementary(f, n);
      if (auto s = slot_of.find(index); s != slot_of.end()) {
        n.slot = s->second;
        text_counter(f, n);
      }
    }
    return push(std::move(n));
  }

  // A text ODO object (--occurs-map): the node names its map, so the encoder can check a
  // value's count against its table, and write the value whose count is the table's length.
  void text_counter(const cb::field& f, encode_node& n) {
    if (f.kind != cb::category::alphanumeric && f.kind != cb::category::alphabetic) return;
    const occurs_map* map = plan.opts_.occurs.get();
    const occurs_mapping* m = map != nullptr ? map->find(f) : nullptr;
    if (m == nullptr || n.code != encode_code::text) {
      error = "field " + f.path + ": a text OCCURS DEPENDING ON object needs an occurs map "
              "(--occurs-map) and must be written as text";
      return;
    }
    n.occurs_map = static_cast<std::int32_t>(m - map->fields.data());
  }

  // The bytes an item holds when nothing is written to it: spaces for text, zero in the
  // item's usage for numbers.
  void fill_value(const encode_node& n, std::uint8_t* p) const {
    const eb::code_page& page = *plan.page_;
    switch (n.code) {
      case encode_code::zoned:
        if (eb::encode_zoned(0, n.digits, n.zoned, p) == eb::decode_status::ok) return;
        break;
      case encode_code::packed:
        if (eb::encode_packed(0, n.digits, n.is_signed, p) == eb::decode_status::ok) return;
        break;
      case encode_code::binary:
        std::fill(p, p + n.length, std::uint8_t{0});
        return;
      case encode_code::floating:
        if (eb::encode_float(0.0, n.length, plan.opts_.float_format, p) == eb::decode_status::ok)
          return;
        break;
      case encode_code::national:
        if (eb::encode_national("", p, n.length) == eb::decode_status::ok) return;
        break;
      case encode_code::dbcs:
        if (page.encode_dbcs("", p, n.length) == eb::decode_status::ok) return;
        break;
      default:
        break;
    }
    std::fill(p, p + n.length, plan.space_);
  }

  // Paint the fill image: every elementary item of every occurrence, REDEFINES
  // alternatives left to the item they redefine.
  void paint(int index, std::size_t delta) {
    const cb::field& f = at(index);
    if (f.level == 66 || f.level == 88 || f.redefines >= 0) return;
    std::size_t count = f.is_occurs() ? static_cast<std::size_t>(f.occurs_max) : 1;
    std::size_t stride = f.stride ? f.stride : f.length;
    encode_node probe;
    if (!f.is_group()) {
      elementary(f, probe);
      if (!error.empty()) return;
    }
    for (std::size_t i = 0; i < count; ++i) {
      std::size_t d = delta + i * stride;
      if (f.is_group()) {
        for (int c : f.children) paint(c, d);
      } else if (f.offset + d + f.length <= plan.image_.size()) {
        fill_value(probe, plan.image_.data() + f.offset + d);
      }
    }
  }
};

result<encode_plan> encode_plan::compile(const copybook::record_layout& layout,
                                         const ebcdic::code_page& page,
                                         const encode_options& opts,
                                         const std::vector<std::string>& keep) {
  if (auto why = opts.validate(); !why.empty()) return error{why};
  if (layout.fields.empty()) return error{"record " + layout.name + " has no fields"};
  encode_plan plan;
  plan.layout_ = std::make_shared<const copybook::record_layout>(layout);
  plan.page_ = std::make_shared<const ebcdic::code_page>(page);
  plan.opts_ = opts;
  std::uint8_t sp = 0x40;
  if (page.encode(" ", &sp, 1) == eb::decode_status::ok) plan.space_ = sp;
  plan.image_.assign(layout.length, plan.space_);

  builder b{plan, *plan.layout_, keep, {}, {}};
  for (const auto& f : plan.layout_->fields)
    if (f.depending_on >= 0 && !b.slot_of.count(f.depending_on))
      b.slot_of.emplace(f.depending_on, static_cast<std::int32_t>(b.slot_of.size()));
  plan.slots_ = b.slot_of.size();

  b.paint(0, 0);
  if (!b.error.empty()) return error{b.error};
  // Patterns compiled while painting are compiled again for the nodes.
  plan.patterns_.clear();

  const auto& root = plan.layout_->fields[0];
  encode_node top;
  top.code = encode_code::group;
  top.field = 0;
  top.length = static_cast<std::uint32_t>(layout.length);
  if (root.is_group())
    b.children(0, root.offset, top.children);
  else
    top.children.push_back(b.item(0, root.offset));  // `01 X PIC X(80).`: {"X": "..."}
  if (!b.error.empty()) return error{b.error};
  plan.root_ = b.push(std::move(top));
  return plan;
}

}  // namespace mfb::bridge
