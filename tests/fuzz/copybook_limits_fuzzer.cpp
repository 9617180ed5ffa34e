// Fuzz target for the copybook layout limits. The first byte picks the mode:
// - odd: the rest is copybook text, parsed as is; any layout that comes back must be within
//   the limits (record length, items after OCCURS expansion);
// - even: the rest describes nested groups, OCCURS counts and PIC X sizes (from tables of
//   large values), written out as a copybook. The expected record length and item count
//   are worked out here with saturating arithmetic, independently of the resolver: the
//   parse must succeed with exactly that length when both are within the limits, and fail
//   with a limit diagnostic (never a wrapped length, never an out-of-memory) otherwise.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "mfb/copybook/limits.hpp"
#include "mfb/copybook/parse.hpp"

namespace {

namespace cb = mfb::copybook;
using u64 = std::uint64_t;
constexpr u64 saturated = u64{1} << 62;

u64 sat_mul(u64 a, u64 b) { return a != 0 && b > saturated / a ? saturated : std::min(a * b, saturated); }
u64 sat_add(u64 a, u64 b) { return std::min(a + b, saturated); }

constexpr u64 occurs_table[] = {0, 0, 1, 2, 3, 10, 999, 1000, 65535, 99999999};
constexpr u64 size_table[] = {1, 2, 8, 100, 4096, 32760, 1000000, 9999999};

struct node {
  int depth = 0;
  u64 occurs = 0;  // 0: no OCCURS
  u64 size = 0;    // PIC X(size) for elementary items
  std::vector<std::size_t> children;
};

struct totals {
  u64 bytes = 0;
  u64 items = 0;
};

totals measure(const std::vector<node>& nodes, std::size_t i) {
  const node& n = nodes[i];
  totals one;
  if (n.children.empty()) {
    one = {n.size, 1};
  } else {
    for (std::size_t c : n.children) {
      totals t = measure(nodes, c);
      one.bytes = sat_add(one.bytes, t.bytes);
      one.items = sat_add(one.items, t.items);
    }
  }
  u64 count = n.occurs == 0 ? 1 : n.occurs;
  return {sat_mul(one.bytes, count), sat_mul(one.items, count)};
}

void structured(const std::uint8_t* data, std::size_t size) {
  std::vector<node> nodes(1);  // nodes[0]: the 01 record
  std::vector<std::size_t> open{0};
  for (std::size_t at = 0; at + 3 <= size && nodes.size() < 64; at += 3) {
    // Depth 1..9 (levels 05..45), at most one deeper than the previous item.
    int depth = std::min<int>(1 + data[at] % 9, static_cast<int>(open.size()));
    open.resize(static_cast<std::size_t>(depth));
    node n;
    n.depth = depth;
    n.occurs = occurs_table[data[at + 1] % std::size(occurs_table)];
    n.size = size_table[data[at + 2] % std::size(size_table)];
    nodes[open.back()].children.push_back(nodes.size());
    open.push_back(nodes.size());
    nodes.push_back(n);
  }
  if (nodes.size() == 1) return;
  std::string text = "       01  FUZZ-REC.\n";
  for (std::size_t i = 1; i < nodes.size(); ++i) {
    const node& n = nodes[i];
    std::string level = std::to_string(5 * n.depth);
    text += std::string(7 + static_cast<std::size_t>(n.depth), ' ') +
            (level.size() < 2 ? "0" : "") + level + "  F" + std::to_string(i);
    if (n.occurs != 0) text += " OCCURS " + std::to_string(n.occurs) + " TIMES";
    if (n.children.empty()) text += " PIC X(" + std::to_string(n.size) + ")";
    text += ".\n";
  }
  const totals expected = measure(nodes, 0);
  const cb::layout_limits limits = cb::layout_limits::defaults();
  const bool within = expected.bytes <= limits.max_record_length && expected.items <= limits.max_items;
  const cb::parse_result r = cb::parse_copybook_text(text, "fuzz.cpy", cb::parse_options::defaults());
  if (within) {
    if (!r.ok() || r.records.size() != 1 || r.records.front().length != expected.bytes ||
        cb::expanded_item_count(r.records.front(), limits.max_items) != expected.items)
      std::abort();
    return;
  }
  if (r.ok() || r.diagnostics.empty()) std::abort();
  const auto& d = r.diagnostics.front();
  if (d.message.find("the limit for a record") == std::string::npos || d.where.line < 2) std::abort();
}

void text_mode(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const cb::parse_result r = cb::parse_copybook_text(text, "fuzz.cpy", cb::parse_options::defaults());
  const cb::layout_limits limits = cb::layout_limits::defaults();
  if (!r.ok()) return;
  for (const auto& rec : r.records)
    if (rec.length > limits.max_record_length ||
        cb::expanded_item_count(rec, limits.max_items) > limits.max_items)
      std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  if (data[0] % 2 == 0) structured(data + 1, size - 1);
  else text_mode(data + 1, size - 1);
  return 0;
}
