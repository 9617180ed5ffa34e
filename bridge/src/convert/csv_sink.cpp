// The CSV header row; rows themselves are formatted by the record decoder.

#include "mfb/bridge/convert/csv_sink.hpp"

#include "mfb/bridge/codec/text/csv_quote.hpp"

namespace mfb::bridge {

bool csv_sink::begin() {
  std::string header;
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    if (i) header += ',';
    header += text::csv_quote(columns_[i]);
  }
  header += "\r\n";
  return write(header);
}

}  // namespace mfb::bridge
