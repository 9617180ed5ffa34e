#pragma once
// CSV output (RFC 4180): a header row of flattened names, then one row per record, CRLF.

#include <memory>
#include <string>
#include <vector>

#include "mfb/bridge/convert/sink.hpp"

namespace mfb::bridge {

/// Write CSV: the header (decode_plan::columns()) first, then the decoder's rows.
class csv_sink final : public file_sink {
 public:
  csv_sink(std::unique_ptr<output_file> out, std::vector<std::string> columns)
      : file_sink(std::move(out)), columns_(std::move(columns)) {}
  bool begin() override;

 private:
  std::vector<std::string> columns_;
};

}  // namespace mfb::bridge
