// Text and number options by name (text_flags.hpp).

#include "mfb/bridge/codec/text_flags.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace mfb::bridge {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// The value `name` stands for among `names`; false when none.
template <typename E, std::size_t N>
bool named(std::string_view name, const std::array<std::pair<const char*, E>, N>& names, E& out) {
  for (const auto& [n, v] : names)
    if (name == n) {
      out = v;
      return true;
    }
  return false;
}

}  // namespace

std::string set_trim(decode_options& decode, std::string_view name) {
  static constexpr std::array<std::pair<const char*, text_trim>, 4> names{
      {{"none", text_trim::none}, {"left", text_trim::left}, {"right", text_trim::right}, {"both", text_trim::both}}};
  if (named(name, names, decode.trim)) return {};
  return "trim must be none, left, right or both, not '" + std::string(name) + "'";
}

std::string set_trim_rule(decode_options& decode, std::string_view name) {
  static constexpr std::array<std::pair<const char*, trim_rule>, 2> names{
      {{"space", trim_rule::space}, {"java", trim_rule::java}}};
  if (named(name, names, decode.trim_chars)) return {};
  return "the trim rule must be space or java, not '" + std::string(name) + "'";
}

std::string set_numeric_policy(decode_options& decode, std::string_view name) {
  static constexpr std::array<std::pair<const char*, numeric_policy>, 2> names{
      {{"strict", numeric_policy::strict}, {"lenient", numeric_policy::lenient}}};
  if (named(name, names, decode.numbers)) return {};
  return "the numeric policy must be strict or lenient, not '" + std::string(name) + "'";
}

std::string ascii_code_page(std::string_view charset) {
  const std::string cs = lower(charset);
  if (cs == "utf-8" || cs == "utf8") return "ascii-utf8";
  if (cs == "iso-8859-1" || cs == "iso8859_1" || cs == "iso8859-1" || cs == "latin1") return "ascii-latin1";
  if (cs == "us-ascii" || cs == "ascii") return "ascii-us-ascii";
  return {};
}

}  // namespace mfb::bridge
