// Field-by-field inspection of one record: walks the layout (REDEFINES alternatives and
// FILLER included, ODO counts read from the record as the decoder reads them) and decodes
// each elementary item with its codec, naming the bad byte when one fails.

#include "mfb/bridge/codec/inspect.hpp"

#include <algorithm>
#include <map>

#include "mfb/bridge/io/layout_framing.hpp"
#include "mfb/ebcdic/hex.hpp"
#include "mfb/bridge/io/record_error.hpp"
#include "mfb/copybook/layout_printer.hpp"
#include "mfb/ebcdic/decimal.hpp"
#include "mfb/ebcdic/edited.hpp"
#include "mfb/ebcdic/packed.hpp"

namespace mfb::bridge {

namespace cb = mfb::copybook;
namespace eb = mfb::ebcdic;

namespace {


std::string byte_hex(std::uint8_t b) { return ebcdic::hex_spaced(&b, 1); }

// Point at the first bad nibble of a packed field (the codec only says which kind).
std::string packed_detail(const std::uint8_t* p, std::size_t len, std::size_t at) {
  for (std::size_t i = 0; i < len; ++i) {
    unsigned hi = p[i] >> 4, lo = p[i] & 15u;
    bool last = i + 1 == len;
    if (hi > 9 || (!last && lo > 9) || (last && lo < 10))
      return ": byte " + std::to_string(i + 1) + " of the field (record offset " +
             std::to_string(at + i) + ") is " + byte_hex(p[i]) + ", bad " +
             (hi > 9 ? "high nibble" : last ? "sign nibble" : "low nibble") + " " +
             ebcdic::hex_upper[hi > 9 ? hi : lo];
  }
  return {};
}

std::string zoned_detail(const std::uint8_t* p, std::size_t len, std::size_t at, bool ascii) {
  for (std::size_t i = 0; i < len; ++i) {
    unsigned zone = p[i] >> 4, digit = p[i] & 15u;
    bool plain = ascii ? zone == 3 : zone == 15;
    if (digit > 9 || (!plain && i != 0 && i + 1 != len))
      return ": byte " + std::to_string(i + 1) + " of the field (record offset " +
             std::to_string(at + i) + ") is " + byte_hex(p[i]);
  }
  return {};
}

struct walker {
  const cb::record_layout& layout;
  const eb::code_page& page;
  const inspect_options& opts;
  const std::uint8_t* rec;
  std::size_t size;
  std::vector<inspected_field>& out;
  std::map<int, long long> counts{};
  std::vector<int> subs{};

  const cb::field& at(int i) const { return layout.fields[static_cast<std::size_t>(i)]; }

  std::string path(const cb::field& f) const {
    std::string p = f.is_filler ? (f.parent >= 0 ? at(f.parent).path + ".FILLER" : "FILLER") : f.path;
    if (!subs.empty()) {
      p += '(';
      for (std::size_t k = 0; k < subs.size(); ++k) p += (k ? ", " : "") + std::to_string(subs[k]);
      p += ')';
    }
    return p;
  }

  void children(int group, std::size_t origin, std::size_t base, std::ptrdiff_t& shift) {
    for (int c : at(group).children) {
      const cb::field& f = at(c);
      if (f.level == 66 || f.level == 88) continue;
      std::ptrdiff_t alt = shift;
      item(c, origin, base, f.redefines >= 0 ? alt : shift);
    }
  }

  void item(int index, std::size_t origin, std::size_t base, std::ptrdiff_t& shift) {
    const cb::field& f = at(index);
    std::size_t pos = base + (f.offset - origin) + static_cast<std::size_t>(shift);
    if (!f.is_occurs()) {
      if (f.is_group())
        children(index, origin, base, shift);
      else
        elementary(index, pos);
      return;
    }
    long long count = f.occurs_max;
    if (f.depending_on >= 0) {
      auto it = counts.find(f.depending_on);
      count = it == counts.end() ? f.occurs_max : std::clamp<long long>(it->second, 0, f.occurs_max);
    }
    std::size_t stride = f.stride ? f.stride : f.length;
    std::size_t elem = pos;
    for (long long i = 0; i < count; ++i) {
      subs.push_back(static_cast<int>(i + 1));
      std::ptrdiff_t inner = 0;
      if (f.is_group())
        children(index, f.offset, elem, inner);
      else
        elementary(index, elem);
      subs.pop_back();
      elem += stride + static_cast<std::size_t>(inner);
    }
    shift += static_cast<std::ptrdiff_t>(elem - pos) -
             static_cast<std::ptrdiff_t>(stride * static_cast<std::size_t>(f.occurs_max));
  }

  void elementary(int index, std::size_t pos) {
    const cb::field& f = at(index);
    inspected_field r;
    r.path = path(f);
    r.offset = pos;
    r.length = f.length;
    r.type = (f.picture ? "PIC " + f.picture->text + " " : std::string{}) + cb::usage_short_name(f.use);
    if (pos + f.length > size) {
      r.error = "beyond the end of the record (" + std::to_string(size) + " bytes)";
      out.push_back(std::move(r));
      return;
    }
    const std::uint8_t* p = rec + pos;
    r.hex = ebcdic::hex_spaced(p, f.length);
    decode(f, p, r);
    out.push_back(std::move(r));
  }

  void number(eb::decode_status s, eb::int128_t v, int scale, inspected_field& r, int index) {
    if (s != eb::decode_status::ok) {
      r.error = eb::to_string(s);
      return;
    }
    r.value = eb::to_string(eb::decimal{v, scale});
    if (scale == 0 && v >= 0 && v <= 0x7FFFFFFF) counts[index] = static_cast<long long>(v);
  }

  /// A text ODO object (--occurs-map): the count its value gives, as the decoder reads it.
  void text_count(const cb::field& f, const std::uint8_t* p, inspected_field& r, int index) {
    const occurs_mapping* m = opts.occurs ? opts.occurs->find(f) : nullptr;
    if (m == nullptr) return;
    std::string value;
    const std::int64_t n = mapped_count(*m, page, p, f.length, value);
    if (n < 0)
      r.error = unmapped_value_reason(f.name, value);
    else
      counts[index] = n;
  }

  void decode(const cb::field& f, const std::uint8_t* p, inspected_field& r) {
    int index = static_cast<int>(&f - layout.fields.data());
    int digits = f.picture ? f.picture->digits : 0, scale = f.picture ? f.picture->scale : 0;
    bool is_signed = f.picture && f.picture->is_signed;
    eb::int128_t v = 0;
    std::vector<char> text(f.length * std::max<std::size_t>(page.max_utf8_per_byte(), 3) + 8);
    std::size_t n = 0;
    switch (f.use) {
      case cb::usage::display:
        if (f.kind == cb::category::numeric) {
          eb::zoned_format fmt;
          fmt.charset = opts.zoned_charset;
          fmt.sign = zoned_sign_of(f);
          auto s = eb::decode_zoned(p, f.length, fmt, v);
          number(s, v, scale, r, index);
          if (s != eb::decode_status::ok)
            r.error += zoned_detail(p, f.length, r.offset, opts.zoned_charset == eb::zoned_charset::ascii);
          return;
        }
        if (f.kind == cb::category::dbcs) break;
        if (auto s = page.decode(p, f.length, text.data(), n); s != eb::decode_status::ok) {
          r.error = eb::to_string(s);
          return;
        }
        r.value.assign(text.data(), n);
        if (f.kind == cb::category::numeric_edited) {
          auto pat = eb::edit_pattern::compile(f.picture->expanded, f.blank_when_zero);
          eb::decimal d;
          if (!pat) {
            r.error = pat.err().message;
          } else if (auto s = pat->decode(r.value, d); s != eb::decode_status::ok) {
            r.error = std::string(eb::to_string(s)) + ": \"" + r.value + "\"";
          } else {
            r.value = eb::to_string(d);
          }
        } else {
          text_count(f, p, r, index);
          r.value = '"' + r.value + '"';
        }
        return;
      case cb::usage::national: {
        auto s = eb::decode_national(p, f.length, text.data(), n);
        if (s != eb::decode_status::ok) r.error = eb::to_string(s);
        else r.value = '"' + std::string(text.data(), n) + '"';
        return;
      }
      case cb::usage::binary:
      case cb::usage::comp_5:
      case cb::usage::pointer:
      case cb::usage::index: {
        eb::binary_format fmt;
        bool special = f.use == cb::usage::pointer || f.use == cb::usage::index;
        fmt.is_signed = special ? f.use == cb::usage::index : is_signed;
        fmt.digits = special ? 18 : digits;
        fmt.trunc = f.use != cb::usage::binary || opts.binary_trunc == eb::truncation::binary
                        ? eb::truncation::binary : eb::truncation::standard;
        std::int64_t b = 0;
        auto s = eb::decode_binary(p, f.length, fmt, b);
        if (s == eb::decode_status::ok) v = b;
        number(s, v, special ? 0 : scale, r, index);
        return;
      }
      case cb::usage::comp_1:
      case cb::usage::comp_2: {
        double d = 0;
        auto s = eb::decode_float(p, f.length, opts.float_format, d);
        if (s != eb::decode_status::ok) {
          r.error = eb::to_string(s);
          return;
        }
        char buf[40];
        r.value.assign(buf, eb::format_float(d, f.length == 4, buf));
        return;
      }
      case cb::usage::packed_decimal: {
        auto s = eb::decode_packed(p, f.length, digits, is_signed, v);
        number(s, v, scale, r, index);
        if (s != eb::decode_status::ok) r.error += packed_detail(p, f.length, r.offset);
        return;
      }
      case cb::usage::display_1:
        break;
    }
    auto s = page.decode_dbcs(p, f.length, text.data(), n);
    if (s != eb::decode_status::ok) r.error = eb::to_string(s);
    else r.value = '"' + std::string(text.data(), n) + '"';
  }
};

}  // namespace

std::vector<inspected_field> inspect_record(const cb::record_layout& layout,
                                            const eb::code_page& page, const inspect_options& opts,
                                            const std::uint8_t* rec, std::size_t size) {
  std::vector<inspected_field> out;
  if (layout.fields.empty()) return out;
  walker w{layout, page, opts, rec, size, out};
  std::ptrdiff_t shift = 0;
  w.item(0, layout.fields[0].offset, layout.fields[0].offset, shift);
  // Bytes after the last described field (as the decoder counts them): shown, never hidden.
  const std::size_t described = layout.length + static_cast<std::size_t>(shift);
  if (size > described) {
    inspected_field r;
    r.path = "(undescribed)";
    r.offset = described;
    r.length = size - described;
    r.hex = ebcdic::hex_spaced(rec + described, r.length);
    r.error = std::to_string(r.length) + " undescribed bytes after the last described field " +
              "(the layout describes " + std::to_string(described) + " of " +
              std::to_string(size) + ")";
    out.push_back(std::move(r));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const inspected_field& a, const inspected_field& b) { return a.offset < b.offset; });
  return out;
}

}  // namespace mfb::bridge
