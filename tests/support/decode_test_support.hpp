#pragma once
// Shared by the bridge decode tests: compile copybook text and decode hex records.

#include <string>
#include <vector>

#include "mfb/bridge/codec/decode_plan.hpp"
#include "mfb/bridge/codec/record_decoder.hpp"
#include "mfb/copybook/parse.hpp"
#include "test_support.hpp"

namespace mfb::bridge::test_helpers {

/// Parse copybook text (fixed format, code from column 8) and return its first record.
inline copybook::record_layout layout_of(const std::string& text) {
  auto parsed = copybook::parse_copybook_text(text, "test.cpy");
  if (!parsed.ok() || parsed.records.empty())
    throw std::runtime_error("copybook did not parse: " + copybook::to_string(parsed.diagnostics));
  return parsed.records.front();
}

/// Decode one record given as hex; return the output line (empty if the record was bad).
struct decoded {
  bool ok = false;
  std::string text;
  std::vector<record_error> errors;
};

inline decoded decode_hex(const decode_plan& plan, const std::string& hex,
                          std::uint64_t number = 1, std::uint64_t file_offset = 0) {
  auto bytes = test::from_hex(hex);
  record_decoder dec(plan);
  text_buffer out;
  decoded d;
  record_view rec{number, file_offset, bytes.data(), bytes.size()};
  d.ok = dec.decode(rec, "input.dat", out, d.errors);
  d.text = std::string(out.view());
  return d;
}

inline decode_plan compile(const std::string& copybook, decode_options opts = {},
                           std::vector<std::string> keep = {}) {
  auto page = ebcdic::code_page::open("cp037");
  auto plan = decode_plan::compile(layout_of(copybook), *page, opts, keep);
  if (!plan) throw std::runtime_error(plan.err().message);
  return std::move(plan).value();
}

}  // namespace mfb::bridge::test_helpers
