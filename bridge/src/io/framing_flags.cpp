// --bdw-order, --bdw-adjust, --keep-partial-last-record and --length-map (framing_flags.hpp).

#include "mfb/bridge/io/framing_flags.hpp"

#include <charconv>

namespace mfb::bridge {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool blocked(recfm f) { return f == recfm::vb || f == recfm::vbs; }

}  // namespace

std::string set_bdw_options(framing_options& framing, std::string_view order, long long adjust) {
  if (order.empty() && adjust == 0) return {};
  if (!blocked(framing.format))
    return std::string(order.empty() ? "--bdw-adjust" : "--bdw-order") + " needs --recfm VB or VBS, not " +
           std::string(to_string(framing.format)) + " (only blocked files have BDWs)";
  if (!order.empty()) {
    if (order != "be" && order != "le") return "--bdw-order must be be or le, not " + std::string(order);
    framing.bdw_big_endian = order == "be";
  }
  if (adjust > (1LL << 31) || adjust < -(1LL << 31))
    return "--bdw-adjust " + std::to_string(adjust) + " is out of range (-2^31 to 2^31)";
  framing.bdw_adjust = adjust;
  return {};
}

std::string set_keep_partial_last_record(framing_options& framing, bool keep) {
  if (!keep) return {};
  if (framing.format != recfm::f && framing.format != recfm::fb)
    return "--keep-partial-last-record needs --recfm F or FB, not " + std::string(to_string(framing.format)) +
           " (there each record's length is read from the file: a cut record is a framing error)";
  framing.keep_partial_last_record = true;
  return {};
}

std::string set_length_map(framing_options& framing, std::string_view text) {
  if (text.empty()) return {};
  if (framing.format != recfm::length_field)
    return "--length-map needs --recfm LENGTH-FIELD --length-field NAME";
  framing.length_map.clear();
  for (std::size_t at = 0; at <= text.size();) {
    const auto comma = std::min(text.find(',', at), text.size());
    const std::string_view item = text.substr(at, comma - at);
    at = comma + 1;
    const auto eq = item.rfind('=');
    const std::string bad = "--length-map: '" + std::string(item) + "': expected VALUE=LENGTH";
    if (eq == std::string_view::npos) return bad;
    const std::string_view value = trim(item.substr(0, eq));
    const std::string_view digits = trim(item.substr(eq + 1));
    std::uint64_t length = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), length);
    if (digits.empty() || ec != std::errc{} || end != digits.data() + digits.size() || length == 0 ||
        length > max_mapped_length)
      return bad + " with a LENGTH of 1 to 2^31 bytes";
    for (const auto& [known, _] : framing.length_map)
      if (known == value) return "--length-map: the value '" + std::string(value) + "' is given twice";
    framing.length_map.emplace_back(std::string(value), length);
  }
  return {};
}

}  // namespace mfb::bridge
