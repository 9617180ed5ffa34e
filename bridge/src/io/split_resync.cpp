// Resynchronisation: finding a legal range start near an arbitrary offset of a variable or
// text file without reading what comes before it.
//
// Variable formats: every position of a window that reaches one longest unit before the
// target is tried as the start of a chain of `chain` valid units. The true unit that holds
// the target starts inside the window and its chain is valid, so the true chain is among
// the candidates; the window is accepted only when every valid candidate lies on the chain
// of the first one. Two chains that do not meet (a record whose data holds RDW-looking bytes
// that chain on their own) make the window ambiguous: an error, never a guess.

#include <algorithm>
#include <cstring>
#include <map>

#include "io/split_detail.hpp"

namespace mfb::bridge::detail {

namespace {

/// Walk as many units as the buffer holds from `x`; positions (and whether each starts a
/// record) go to `chain`. Returns the number of units, or -1 when one is invalid before
/// `want` units (and before the end of the data).
int chain_from(const framing_options& opt, const std::vector<std::uint8_t>& buf, std::size_t x,
               bool buf_is_data_end, std::size_t want, std::map<std::size_t, bool>* chain) {
  unit_walker walker{opt};
  std::size_t pos = x;
  int units = 0;
  while (pos < buf.size()) {
    unit_info u;
    unit_status st = walker.parse(buf.data() + pos, buf.size() - pos, buf_is_data_end, u);
    if (st == unit_status::need_more) break;
    if (st == unit_status::invalid) return static_cast<std::size_t>(units) >= want ? units : -1;
    if (chain) (*chain)[pos] = u.starts_record;
    pos += static_cast<std::size_t>(u.length);
    ++units;
    if (!chain && static_cast<std::size_t>(units) >= want) return units;
  }
  // The chain reached the end of the data exactly: as good as `want` units.
  if (pos == buf.size() && buf_is_data_end) return std::max(units, static_cast<int>(want));
  return units;
}

result<std::uint64_t> resync_lines(file_bytes& file, std::uint64_t data_end, std::uint64_t target) {
  // The first line start at or after target: just after a '\n' at target - 1 or later.
  std::uint64_t at = target - 1;
  while (at < data_end) {
    const auto& bytes = file.read(at, static_cast<std::size_t>(std::min<std::uint64_t>(1 << 20, data_end - at)));
    if (bytes.empty()) return error{file.error()};
    if (const void* nl = std::memchr(bytes.data(), '\n', bytes.size()))
      return at + static_cast<std::uint64_t>(static_cast<const std::uint8_t*>(nl) - bytes.data()) + 1;
    at += bytes.size();
  }
  return data_end;
}

}  // namespace

result<std::uint64_t> resync(file_bytes& file, const framing_options& opt, unsigned chain,
                             std::uint64_t data_start, std::uint64_t data_end,
                             std::uint64_t target) {
  if (target <= data_start) return data_start;
  if (target >= data_end) return data_end;
  if (opt.format == recfm::text_lines) return resync_lines(file, data_end, target);
  const std::uint64_t m = unit_walker{opt}.max_unit();
  const std::uint64_t w0 = target - std::min(m, target - data_start);
  const std::uint64_t last = std::min(target + m, data_end);  // candidates in [w0, last)
  const std::uint64_t w1 = std::min<std::uint64_t>(data_end, last + m * (chain + 1));
  const auto& buf = file.read(w0, static_cast<std::size_t>(w1 - w0));
  if (buf.size() != w1 - w0) return error{file.error()};
  const bool at_end = w1 == data_end;
  const auto n = static_cast<std::size_t>(last - w0);

  std::map<std::size_t, bool> on_chain;  // the first candidate's chain
  std::size_t first = n;
  for (std::size_t x = 0; x < n; ++x) {
    if (first == n) {
      if (chain_from(opt, buf, x, at_end, chain, nullptr) < static_cast<int>(chain)) continue;
      first = x;
      chain_from(opt, buf, x, at_end, chain, &on_chain);
      continue;
    }
    if (on_chain.count(x) != 0) continue;
    if (chain_from(opt, buf, x, at_end, chain, nullptr) >= static_cast<int>(chain))
      return error{"two descriptor chains near offset " + std::to_string(target) + ", at offsets " +
                   std::to_string(w0 + first) + " and " + std::to_string(w0 + x) +
                   ", do not meet: the resync point is ambiguous"};
  }
  if (first == n)
    return error{"no chain of " + std::to_string(chain) + " valid descriptors starts between offsets " +
                 std::to_string(w0) + " and " + std::to_string(last)};
  for (const auto& [pos, starts] : on_chain)
    if (w0 + pos >= target && starts) return w0 + pos;
  if (at_end) return data_end;
  return error{"no record starts a block between offsets " + std::to_string(target) + " and " +
               std::to_string(w1) + " (a spanned record longer than the window)"};
}

}  // namespace mfb::bridge::detail
