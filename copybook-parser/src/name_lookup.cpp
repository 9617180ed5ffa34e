// Closest names by Levenshtein distance, for did-you-mean messages (name_lookup.hpp).

#include "mfb/copybook/name_lookup.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <utility>

namespace mfb::copybook {
namespace {

char fold(char c) {
  // COBOL names ignore case; '_' for '-' is the usual slip between SQL and COBOL spellings.
  return c == '_' ? '-' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      std::size_t change = diagonal + (fold(a[i - 1]) == fold(b[j - 1]) ? 0 : 1);
      row[j] = std::min({above + 1, row[j - 1] + 1, change});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::vector<std::string> item_names(const std::vector<const record_layout*>& records,
                                    bool elementary) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const auto* r : records)
    for (const auto& f : r->fields) {
      if (f.is_filler || f.path.empty() || (elementary && f.is_group())) continue;
      if (seen.insert(f.name).second) out.push_back(f.name);
      if (f.path != f.name && seen.insert(f.path).second) out.push_back(f.path);
    }
  return out;
}

std::vector<std::string> closest_names(std::string_view wanted,
                                       const std::vector<std::string>& candidates) {
  // A typo changes a few characters: allow about one edit in three, at least two.
  const std::size_t allowed = std::max<std::size_t>(2, wanted.size() / 3);
  std::vector<std::pair<std::size_t, const std::string*>> near;
  for (const auto& c : candidates) {
    // Long names cannot be close to a short one: skip them before the quadratic work.
    std::size_t gap = c.size() > wanted.size() ? c.size() - wanted.size() : wanted.size() - c.size();
    if (gap > allowed) continue;
    std::size_t d = edit_distance(wanted, c);
    if (d <= allowed) near.emplace_back(d, &c);
  }
  std::stable_sort(near.begin(), near.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<std::string> out;
  for (const auto& [d, name] : near) {
    if (out.size() == 3) break;
    out.push_back(*name);
  }
  return out;
}

std::string did_you_mean(std::string_view wanted, const std::vector<std::string>& candidates) {
  auto names = closest_names(wanted, candidates);
  if (names.empty()) return {};
  std::string out = " (did you mean ";
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out += names[i];
  }
  return out + "?)";
}

bool names_an_item(const std::vector<const record_layout*>& records, std::string_view name,
                   bool elementary) {
  for (const auto* r : records)
    for (const auto& f : r->fields)
      if ((!elementary || !f.is_group()) && (names_equal(f.name, name) || names_equal(f.path, name)))
        return true;
  // A dotted path may leave out the record's name (TP-KEY.TP-TIN), as record_layout::find does.
  for (const auto* r : records)
    if (const field* f = r->find(name); f && (!elementary || !f->is_group())) return true;
  return false;
}

std::string check_item_name(std::string_view option, std::string_view name,
                            const std::vector<const record_layout*>& records, bool elementary) {
  if (names_an_item(records, name, elementary)) return {};
  return std::string(option) + " " + std::string(name) + ": no " +
         (elementary ? "elementary item" : "item") + " of that name in the copybook" +
         did_you_mean(name, item_names(records, elementary));
}

}  // namespace mfb::copybook
