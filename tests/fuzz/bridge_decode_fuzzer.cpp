// Fuzz target for whole-record decoding: the input is one record's bytes for a fixed copybook
// with every USAGE, a REDEFINES and an ODO table. Checks: no crash; a bad record appends
// nothing and names a reason; a good record is one JSON line that the encoder takes back,
// and decoding the re-encoded bytes gives the very same line (nothing invented or lost).

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "mfb/bridge/codec/decode_plan.hpp"
#include "mfb/bridge/codec/record_decoder.hpp"
#include "mfb/bridge/codec/record_encoder.hpp"
#include "mfb/copybook/parse.hpp"
#include "fuzz_check.hpp"

namespace {

const char* copybook_text = R"(
       01  R.
           05  NAME   PIC X(6).
           05  ALT REDEFINES NAME PIC 9(6).
           05  Z      PIC S9(3)V9 SIGN LEADING SEPARATE.
           05  ZT     PIC S9(5).
           05  P      PIC S9(5)V99 COMP-3.
           05  B      PIC 9(4) COMP.
           05  C5     PIC S9(9) COMP-5.
           05  F1     COMP-1.
           05  F2     COMP-2.
           05  E      PIC ZZ9.99-.
           05  U      PIC N(2).
           05  N      PIC 9.
           05  T OCCURS 0 TO 4 DEPENDING ON N.
               10  T-X PIC X(2).
               10  T-P PIC S9(3) COMP-3.
           05  TAIL   PIC X(3).
)";

struct state {
  mfb::copybook::record_layout layout;
  mfb::ebcdic::code_page page;
  mfb::bridge::decode_plan decode;
  mfb::bridge::encode_plan encode;
};

state& fixture() {
  static state* s = [] {
    auto layout = mfb::copybook::parse_copybook_text(copybook_text, "fuzz.cpy").records.at(0);
    auto page = *mfb::ebcdic::code_page::open("cp037");
    auto dec = mfb::bridge::decode_plan::compile(layout, page, {});
    auto enc = mfb::bridge::encode_plan::compile(layout, page, {});
    FUZZ_CHECK(dec.ok() && enc.ok());
    return new state{layout, page, std::move(*dec), std::move(*enc)};
  }();
  return *s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  state& s = fixture();
  mfb::bridge::record_decoder dec(s.decode);
  mfb::bridge::text_buffer out;
  std::vector<mfb::bridge::record_error> errors;
  mfb::bridge::record_view rec{1, 0, data, size};
  if (!dec.decode(rec, "fuzz", out, errors)) {
    FUZZ_CHECK(out.size() == 0 && !errors.empty());
    for (const auto& e : errors) FUZZ_CHECK(!e.to_string().empty());
    return 0;
  }
  // Alternatives that came out null were reported; the line itself must still round-trip
  // only when nothing was nulled (a null alternative has no bytes to write back).
  const std::string line(out.view());
  FUZZ_CHECK(!line.empty() && line.back() == '\n');
  if (!errors.empty()) return 0;

  mfb::bridge::record_encoder enc(s.encode);
  mfb::bridge::encoded_record bytes;
  std::vector<mfb::bridge::field_error> field_errors;
  const bool encoded = enc.encode(std::string_view(line).substr(0, line.size() - 1), bytes,
                                  field_errors);
  if (!encoded) {
    // The one legitimate refusal: an unnormalised HFP value below the smallest normalised
    // one decodes exactly, but the encoder writes normalised HFP only (underflow).
    bool only_tiny_floats = true;
    for (const auto& e : field_errors) {
      const bool is_float = e.path == "R.F1" || e.path == "R.F2";
      only_tiny_floats = only_tiny_floats && is_float &&
                         e.reason.find("too small") != std::string::npos;
      if (!only_tiny_floats) std::fprintf(stderr, "%s\nline: %s", e.to_string().c_str(),
                                          line.c_str());
    }
    FUZZ_CHECK(only_tiny_floats);
    return 0;
  }
  mfb::bridge::text_buffer again;
  mfb::bridge::record_view rec2{1, 0, bytes.bytes.data(), bytes.bytes.size()};
  FUZZ_CHECK(dec.decode(rec2, "fuzz", again, errors));
  if (again.view() != line) std::fprintf(stderr, "first:  %sagain:  %.*s", line.c_str(),
                                         static_cast<int>(again.size()), again.data());
  FUZZ_CHECK(again.view() == line);
  return 0;
}
