#pragma once
// Keyword options -> library options. The names are the CLI's long options with '-'
// spelled '_' (recfm, lrecl, record, select, codepage, rdw_little_endian, ...), so a
// command line and a Python call read alike. An option this call does not know is a
// UsageError naming it, never ignored.

#include <pybind11/pybind11.h>

#include <string>
#include <vector>

#include "mfb/mfbridge.hpp"

namespace mfb::python {

/// Reads typed values out of a kwargs dict; finish() fails on any key left unread.
class option_reader {
 public:
  explicit option_reader(pybind11::dict options) : options_(std::move(options)) {}

  std::string text(const char* name, std::string fallback = {});
  long long integer(const char* name, long long fallback = 0);
  std::size_t size(const char* name, std::size_t fallback = 0);  ///< >= 0, else UsageError
  bool flag(const char* name, bool fallback = false);
  /// A string or a list of strings (a repeatable CLI option).
  std::vector<std::string> texts(const char* name);
  /// The value as given (None when absent).
  pybind11::object object(const char* name) { return take(name); }
  bool has(const char* name) const;
  /// UsageError naming the first option that no reader took.
  void finish(const char* call) const;

 private:
  pybind11::object take(const char* name);
  pybind11::dict options_;
  std::vector<std::string> taken_;
};

/// The layout and framing options every call shares (copybook, include, codepage, cobrix,
/// recfm, lrecl, rdw_*, record, select, float_format, zoned, trunc, raw, length_field,
/// length_adjust, allow_trailing_bytes, skip_head, skip_tail, record_start_offset,
/// record_end_offset, keep_trailing_spaces, record_type_key; the text options ascii,
/// ascii_charset, trim, trim_rule, improved_null_detection, numeric_policy; occurs_map).
bridge::source_spec source_spec_of(option_reader& opts);

/// "a,b" and ["a", "b,c"] alike -> a, b, c (--raw, --key and --index take comma lists).
std::vector<std::string> split_commas(const std::vector<std::string>& texts);

/// on_error: "fail" or "skip" ("reject" for calls that write reject files).
bridge::error_policy error_policy_of(option_reader& opts, bool reject_allowed);

}  // namespace mfb::python
