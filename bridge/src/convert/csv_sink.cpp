// The CSV header row; rows themselves are formatted by the record decoder.

#include "mfb/bridge/convert/csv_sink.hpp"

namespace mfb::bridge {

std::string csv_quote(std::string_view cell) {
  if (cell.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(cell);
  std::string q = "\"";
  for (char c : cell) {
    q += c;
    if (c == '"') q += '"';
  }
  q += '"';
  return q;
}

bool csv_sink::begin() {
  std::string header;
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    if (i) header += ',';
    header += csv_quote(columns_[i]);
  }
  header += "\r\n";
  return write(header);
}

}  // namespace mfb::bridge
