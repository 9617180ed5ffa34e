#pragma once
// JSON Lines output: one canonical JSON object per record per line, nothing around them.

#include <memory>

#include "mfb/bridge/convert/sink.hpp"

namespace mfb::bridge {

/// Write JSON Lines (each record's line comes from record_decoder in jsonl format).
class json_sink final : public file_sink {
 public:
  explicit json_sink(std::unique_ptr<output_file> out) : file_sink(std::move(out)) {}
};

}  // namespace mfb::bridge
