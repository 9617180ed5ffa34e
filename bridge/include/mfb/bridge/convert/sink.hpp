#pragma once
// Where decoded text goes: a sink receives whole records' lines, already formatted and in
// input order, and owns what a format adds around them (a CSV header).

#include <cstdint>
#include <memory>
#include <string_view>

#include "mfb/bridge/io/output_file.hpp"
#include "mfb/ebcdic/result.hpp"

namespace mfb::bridge {

/// A destination for formatted records; not thread-safe (the writing thread owns it).
class record_sink {
 public:
  virtual ~record_sink() = default;
  /// Write what comes before the first record; false on I/O failure (see error()).
  virtual bool begin() = 0;
  /// Write one or more complete lines; false on I/O failure.
  virtual bool write(std::string_view lines) = 0;
  /// Hand the buffered lines to the file now; false on I/O failure (see error()).
  virtual bool flush() = 0;
  /// Bytes the file holds so far (what begin() wrote included); after a failure, how far
  /// the file got.
  virtual std::uint64_t bytes_flushed() const = 0;
  /// Flush and close; the first I/O error if any.
  virtual result<bool> finish() = 0;
  /// The first I/O failure, naming the file.
  virtual std::string error() const = 0;
};

/// A sink that writes lines to an output_file as they are (the shared part of the formats).
class file_sink : public record_sink {
 public:
  explicit file_sink(std::unique_ptr<output_file> out) : out_(std::move(out)) {}
  bool begin() override { return true; }
  bool write(std::string_view lines) override { return out_->write(lines); }
  bool flush() override { return out_->flush(); }
  std::uint64_t bytes_flushed() const override { return out_->bytes_flushed(); }
  result<bool> finish() override { return out_->close(); }
  std::string error() const override { return out_->error(); }

 protected:
  output_file& out() { return *out_; }

 private:
  std::unique_ptr<output_file> out_;
};

}  // namespace mfb::bridge
