// framing_options: validation and the --recfm names.

#include "mfb/bridge/io/framing_options.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace mfb::bridge {

namespace {
struct recfm_name {
  std::string_view name;
  recfm format;
};
// The first entry for each format is its canonical name.
constexpr std::array<recfm_name, 13> recfm_names{{
    {"F", recfm::f},
    {"FB", recfm::fb},
    {"V", recfm::v},
    {"VB", recfm::vb},
    {"VS", recfm::vs},
    {"VBS", recfm::vbs},
    {"TEXT", recfm::text_lines},
    {"LENGTH-FIELD", recfm::length_field},
    {"CUSTOM", recfm::custom},
    {"HEADER", recfm::header},  // only with a declared header (--record-header SPEC)
    {"LINES", recfm::text_lines},
    {"LENGTH_FIELD", recfm::length_field},
    {"D", recfm::text_lines},  // Cobrix's name for newline-separated ("D" = delimited)
}};
}  // namespace

std::optional<recfm> parse_recfm(std::string_view text) {
  std::string upper(text);
  std::transform(upper.begin(), upper.end(), upper.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  for (const auto& n : recfm_names) {
    if (n.name == upper) return n.format;
  }
  return std::nullopt;
}

std::string_view to_string(recfm format) {
  for (const auto& n : recfm_names) {
    if (n.format == format) return n.name;
  }
  return "?";
}

std::string framing_options::validate() const {
  switch (format) {
    case recfm::f:
    case recfm::fb:
      if (lrecl == 0) return "RECFM " + std::string(to_string(format)) + " needs a record length (--lrecl)";
      if (record_start_offset + record_end_offset > lrecl) {
        return "record_start_offset + record_end_offset (" +
               std::to_string(record_start_offset + record_end_offset) +
               ") exceed the record length " + std::to_string(lrecl);
      }
      break;
    case recfm::length_field: {
      bool binary = length_field_kind == length_field_encoding::binary_big_endian ||
                    length_field_kind == length_field_encoding::binary_little_endian;
      if (binary && length_field_size != 1 && length_field_size != 2 && length_field_size != 4 &&
          length_field_size != 8) {
        return "a binary length field must be 1, 2, 4 or 8 bytes, not " + std::to_string(length_field_size);
      }
      if (length_adjust > (1LL << 31) || length_adjust < -(1LL << 31)) {
        return "length_adjust " + std::to_string(length_adjust) + " is out of range";
      }
      if (!length_map.empty())  // the map's lookup needs the layout and code page
        return "a --length-map is read with the copybook's code page (set_length_map_framing)";
      if (!binary && (length_field_size == 0 || length_field_size > 18)) {
        return "a digit length field must be 1 to 18 bytes, not " + std::to_string(length_field_size);
      }
      break;
    }
    case recfm::custom:
      if (!record_length) return "custom framing needs a record_length function";
      break;
    case recfm::header:
      if (header.size == 0 || header.length_size == 0)
        return "RECFM HEADER needs a declared header (--record-header SPEC)";
      break;
    case recfm::v:
    case recfm::vb:
    case recfm::vs:
    case recfm::vbs:
      if (rdw_adjust > 0xFFFF || rdw_adjust < -0xFFFF)
        return "rdw_adjust " + std::to_string(rdw_adjust) + " is out of range (-65535 to 65535)";
      if (bdw_adjust > (1LL << 31) || bdw_adjust < -(1LL << 31))
        return "bdw_adjust " + std::to_string(bdw_adjust) + " is out of range (-2^31 to 2^31)";
      break;
    case recfm::text_lines:
      break;
  }
  return {};
}

}  // namespace mfb::bridge
