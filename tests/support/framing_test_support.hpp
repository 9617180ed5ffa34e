#pragma once
// Shared by the record reader tests: frame bytes or a file and collect copies of the records.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "mfb/bridge/io/record_reader.hpp"

namespace mfb::test {

struct framed {
  std::vector<std::vector<std::uint8_t>> records;
  std::vector<std::uint64_t> offsets;
  std::vector<std::uint64_t> numbers;
  std::optional<bridge::framing_error> error;
  std::size_t batches = 0;

  std::string error_text() const { return error ? error->to_string() : std::string("<no error>"); }
};

/// Drain a reader into copies (so the batches' reuse of buffers is exercised too).
inline framed drain(bridge::record_reader& reader, std::size_t target) {
  framed f;
  bridge::record_batch batch;
  while (reader.next(batch, target)) {
    ++f.batches;
    for (const auto& r : batch) {
      f.records.emplace_back(r.data, r.data + r.size);
      f.offsets.push_back(r.file_offset);
      f.numbers.push_back(r.number);
    }
  }
  if (reader.error() != nullptr) f.error = *reader.error();
  return f;
}

/// Frame in-memory bytes labelled "file.dat".
inline framed frame_bytes(const std::vector<std::uint8_t>& bytes, bridge::framing_options o,
                          std::size_t target = std::size_t{1} << 20, const std::string& name = "file.dat") {
  auto reader = bridge::record_reader::open(
      bridge::input_source::from_memory(bytes.data(), bytes.size(), name, o.detect_gzip), o);
  if (!reader) {
    framed f;
    f.error = bridge::framing_error{bridge::framing_error::kind::io, name, 0, 0, reader.err().message};
    return f;
  }
  return drain(**reader, target);
}

/// Frame a file on disk.
inline framed frame_path(const std::filesystem::path& path, bridge::framing_options o,
                         std::size_t target = std::size_t{1} << 20) {
  auto reader = bridge::record_reader::open(path.string(), o);
  if (!reader) {
    framed f;
    f.error = bridge::framing_error{bridge::framing_error::kind::io, path.string(), 0, 0, reader.err().message};
    return f;
  }
  return drain(**reader, target);
}

inline bridge::framing_options fb(std::size_t lrecl) {
  bridge::framing_options o;
  o.format = bridge::recfm::fb;
  o.lrecl = lrecl;
  return o;
}

inline bridge::framing_options variable(bridge::recfm format, bool big_endian = true, bool includes = true) {
  bridge::framing_options o;
  o.format = format;
  o.rdw_big_endian = big_endian;
  o.rdw_includes_header = includes;
  return o;
}

inline std::vector<std::uint8_t> bytes_of(const std::string& s) { return {s.begin(), s.end()}; }

}  // namespace mfb::test
