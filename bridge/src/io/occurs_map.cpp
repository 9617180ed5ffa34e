// Text ODO objects: the count their value gives through --occurs-map, shared by the
// decoder, the --recfm ODO framing, inspect and write-back, so all compare values alike.

#include "mfb/bridge/io/occurs_map.hpp"

#include <cctype>
#include <vector>

namespace mfb::bridge {

std::int64_t occurs_mapping::count_of(std::string_view value) const noexcept {
  for (const auto& [text, count] : counts)
    if (text == value) return count;
  return -1;
}

std::vector<std::string_view> occurs_mapping::values_of(std::int64_t count) const {
  std::vector<std::string_view> out;
  for (const auto& [text, n] : counts)
    if (n == count) out.push_back(text);
  return out;
}

bool occurs_names_equal(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto fold = [](char c) {
      return c == '_' ? '-' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    };
    if (fold(a[i]) != fold(b[i])) return false;
  }
  return true;
}

const occurs_mapping* occurs_map::find(const copybook::field& f) const noexcept {
  if (f.is_filler) return nullptr;
  for (const auto& m : fields)
    if (occurs_names_equal(m.field, f.name)) return &m;
  return nullptr;
}

std::vector<std::string> occurs_map::names() const {
  std::vector<std::string> out;
  out.reserve(fields.size());
  for (const auto& m : fields) out.push_back(m.field);
  return out;
}

std::string_view occurs_trimmed(std::string_view s) noexcept {
  // Every character <= U+0020 is one byte in UTF-8, so bytes can be trimmed.
  while (!s.empty() && static_cast<unsigned char>(s.front()) <= 0x20) s.remove_prefix(1);
  while (!s.empty() && static_cast<unsigned char>(s.back()) <= 0x20) s.remove_suffix(1);
  return s;
}

bool occurs_value_text(const ebcdic::code_page& page, const std::uint8_t* bytes,
                       std::size_t length, std::string& value) {
  value.assign(length * page.max_utf8_per_byte(), '\0');
  std::size_t written = 0;
  if (page.decode(bytes, length, value.data(), written) != ebcdic::decode_status::ok) {
    value.clear();
    return false;
  }
  value.resize(written);
  // Trimmed in place: the caller's buffer keeps its capacity from record to record.
  const std::string_view kept = occurs_trimmed(value);
  const auto begin = static_cast<std::size_t>(kept.data() - value.data());
  value.resize(begin + kept.size());
  value.erase(0, begin);
  return true;
}

std::int64_t mapped_count(const occurs_mapping& map, const ebcdic::code_page& page,
                          const std::uint8_t* bytes, std::size_t length, std::string& value) {
  if (!occurs_value_text(page, bytes, length, value)) return -1;
  return map.count_of(value);
}

std::string unmapped_value_reason(std::string_view object, std::string_view value) {
  return "OCCURS DEPENDING ON object " + std::string(object) + " holds '" + std::string(value) +
         "', a value the occurs map (--occurs-map) does not list";
}

}  // namespace mfb::bridge
