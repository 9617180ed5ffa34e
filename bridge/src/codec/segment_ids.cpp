// Segment-level ids, as Cobrix generates them (segment_id_level0..n, segment_id_prefix):
// level 0 is the root, named by its record index; each deeper level counts its records
// since the root, so the counters run on across parents of the levels between.

#include "mfb/bridge/codec/segments.hpp"

#include <algorithm>
#include <charconv>

namespace mfb::bridge {

namespace {

bool is_wildcard(std::string_view id) { return id == "_" || id == "*"; }

// "N=ID1,ID2" -> (N, ids).
result<std::pair<std::size_t, std::vector<std::string>>> parse_level(const std::string& text) {
  auto eq = text.find('=');
  std::size_t n = 0;
  std::string_view num = trim_padding(std::string_view(text).substr(0, eq));
  auto [end, ec] = std::from_chars(num.data(), num.data() + num.size(), n);
  if (eq == std::string::npos || num.empty() || ec != std::errc() || end != num.data() + num.size())
    return error{"--segment-id-level expects N=ID1[,ID2...], got " + text};
  auto ids = split_value_list(std::string_view(text).substr(eq + 1));
  if (!ids) return error{"--segment-id-level " + text + ": a backslash escapes only , and \\"};
  return std::pair{n, std::move(*ids)};
}

}  // namespace

result<segment_ids> segment_ids::build(const segment_options& opts) {
  segment_ids s;
  s.prefix_ = opts.prefix;
  std::vector<std::string> texts = opts.levels;
  if (!opts.root.empty()) {
    for (const auto& t : texts)
      if (auto l = parse_level(t); l && l->first == 0)
        return error{"--segment-id-root and --segment-id-level 0=... both name the root"};
    texts.insert(texts.begin(), "0=" + opts.root);
  }
  std::vector<std::string> seen;
  for (const auto& text : texts) {
    auto level = parse_level(text);
    if (!level) return level.err();
    auto& [n, ids] = *level;
    if (n > 64) return error{"--segment-id-level " + text + ": at most 64 levels"};
    if (s.levels_.size() <= n) s.levels_.resize(n + 1);
    if (!s.levels_[n].empty()) return error{"--segment-id-level " + std::to_string(n) + " is given twice"};
    for (const auto& id : ids) {
      if (std::find(seen.begin(), seen.end(), id) != seen.end())
        return error{"--segment-id-level " + text + ": the id " + id +
                     " is given twice (an id belongs to one level)"};
      seen.push_back(id);
      if (is_wildcard(id) && s.wildcard_level_ >= 0)
        return error{"--segment-id-level " + text + ": _ or * (every other id) is given twice"};
      if (is_wildcard(id)) s.wildcard_level_ = static_cast<int>(n);
    }
    if (s.wildcard_level_ == 0)
      return error{"--segment-id-level 0: the root needs its own ids, not _ or *"};
    s.levels_[n] = std::move(ids);
  }
  for (std::size_t n = 0; n < s.levels_.size(); ++n)
    if (s.levels_[n].empty())
      return error{"--segment-id-level " + std::to_string(n) +
                   " is missing (levels run from 0 without a gap)"};
  s.counts_.assign(s.levels_.size(), 0);
  s.ids_.assign(s.levels_.size(), {});
  return s;
}

int segment_ids::level_of(std::string_view value) const noexcept {
  for (std::size_t n = 0; n < levels_.size(); ++n)
    for (const auto& id : levels_[n])
      if (id == value) return static_cast<int>(n);
  return wildcard_level_;
}

bool segment_ids::observe(std::string_view value, std::uint64_t record_index) {
  if (levels_.empty()) return true;
  const int level = level_of(value);
  if (level < 0) return false;
  const auto l = static_cast<std::size_t>(level);
  if (l == 0) {
    std::fill(counts_.begin(), counts_.end(), 0);
    std::fill(ids_.begin() + 1, ids_.end(), std::string());  // no level-n id until one comes
    ids_[0] = prefix_ + "_" + std::to_string(file_id_) + "_" + std::to_string(record_index);
  } else if (current_ < 0) {
    return true;  // before the first root: no ids
  } else {
    ++counts_[l];
    ids_[l] = ids_[0] + "_L" + std::to_string(l) + "_" + std::to_string(counts_[l]);
  }
  current_ = level;
  return true;
}

void segment_ids::start_file(std::uint64_t file_id) {
  file_id_ = file_id;
  current_ = -1;
  std::fill(counts_.begin(), counts_.end(), 0);
  std::fill(ids_.begin(), ids_.end(), std::string());
}

const std::string& segment_ids::id(std::size_t level) const noexcept {
  static const std::string none;
  if (current_ < 0 || level >= ids_.size() || static_cast<int>(level) > current_) return none;
  return ids_[level];
}

}  // namespace mfb::bridge
