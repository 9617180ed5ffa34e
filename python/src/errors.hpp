#pragma once
// The CLI's failures as Python exceptions: one mfbridge.Error subclass per failure kind
// (UsageError, DataError, MismatchError, TargetError), each carrying where it happened
// (file, record, offset, field, ...). C++ code throws `failure`; one translator registered
// with pybind11 turns it into the Python exception, so no binding function builds one.

#include <pybind11/pybind11.h>

#include <cstdint>
#include <string>

#include "mfb/mfbridge.hpp"

namespace mfb::python {

/// A failure on its way to Python. Thrown only while the GIL is held or about to be
/// re-acquired by pybind11 (it is plain C++ data, safe to throw from released sections).
struct failure {
  bridge::failure_kind kind = bridge::failure_kind::usage;
  std::string message;
  std::string file;
  std::uint64_t record = 0;     ///< 1-based; 0 when no record is concerned
  std::uint64_t offset = 0;     ///< byte offset of the record (or bad bytes) in the file
  std::string field;            ///< field path, empty for a whole-record or file problem
  std::size_t field_offset = 0;
  std::string hex;              ///< the bad bytes
  std::string reason;
  std::string diagnostics;      ///< a copybook's rendered diagnostics
};

/// A failure of `kind` with only a message.
failure failure_of(bridge::failure_kind kind, std::string message);
/// A bad record (decode error or no matching --select rule), as DataError.
failure failure_of(const bridge::record_error& e);
/// A framing (DataError) or read (TargetError) error that ended a reader.
failure failure_of(const bridge::framing_error& e);
/// A source that did not open (UsageError, with the copybook's diagnostics).
failure failure_of(const bridge::source_failure& e);

/// Throw a UsageError with `message` (bad options).
[[noreturn]] void usage(std::string message);

/// A record error as a dict (the errors kept by on_error="skip").
pybind11::dict dict_of(const bridge::record_error& e);

/// Create the exception classes in `m` and register the translator.
void register_errors(pybind11::module_& m);

}  // namespace mfb::python
