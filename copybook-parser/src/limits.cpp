// Overflow-safe size arithmetic for the layout limits (see limits.hpp).

#include "mfb/copybook/limits.hpp"

#include "mfb/copybook/layout.hpp"

namespace mfb::copybook {
namespace {

std::size_t items_under(const record_layout& layout, int index, std::size_t cap) {
  const field& f = layout.fields[static_cast<std::size_t>(index)];
  std::size_t one = 0;
  if (f.children.empty()) {
    one = 1;
  } else {
    for (int c : f.children) {
      if (layout.fields[static_cast<std::size_t>(c)].level == 66) continue;
      one += items_under(layout, c, cap);
      if (one > cap) return cap + 1;
    }
  }
  return f.is_occurs() ? capped_product(one, static_cast<std::size_t>(f.occurs_max), cap) : one;
}

}  // namespace

std::size_t capped_product(std::size_t a, std::size_t b, std::size_t cap) {
  if (a == 0 || b == 0) return 0;
  return a > cap / b ? cap + 1 : a * b;
}

std::size_t expanded_item_count(const record_layout& layout, std::size_t cap) {
  if (layout.fields.empty()) return 0;
  return items_under(layout, 0, cap);
}

std::string with_commas(std::size_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace mfb::copybook
