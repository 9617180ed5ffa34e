// Fuzz target for the record encoder: the input is one JSON line for a fixed copybook with
// every USAGE, REDEFINES and an ODO table. Checks: no crash; a record that encodes has the
// layout's length and an ODO length inside [min, max]; a record that fails names a reason.

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "mfb/bridge/codec/record_encoder.hpp"
#include "mfb/copybook/parse.hpp"
#include "fuzz_check.hpp"

namespace {

const char* copybook_text = R"(
       01  R.
           05  NAME   PIC X(6).
           05  ALT REDEFINES NAME PIC 9(6).
           05  Z      PIC S9(3)V9 SIGN LEADING SEPARATE.
           05  P      PIC S9(5)V99 COMP-3.
           05  B      PIC 9(4) COMP.
           05  C5     PIC S9(9) COMP-5.
           05  F1     COMP-1.
           05  E      PIC ZZ9.99-.
           05  N      PIC 9.
           05  T OCCURS 0 TO 4 DEPENDING ON N.
               10  T-X PIC X(2).
               10  T-P PIC S9(3) COMP-3.
           05  TAIL   PIC X(3).
)";

struct state {
  mfb::copybook::record_layout layout;
  mfb::ebcdic::code_page page;
  mfb::bridge::encode_plan plan;
};

state& fixture() {
  static state s{mfb::copybook::parse_copybook_text(copybook_text, "fuzz.cpy").records.at(0),
                 *mfb::ebcdic::code_page::open("cp037"),
                 {}};
  static bool compiled = [] {
    s.plan = *mfb::bridge::encode_plan::compile(s.layout, s.page, {});
    return true;
  }();
  (void)compiled;
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  state& s = fixture();
  mfb::bridge::record_encoder enc(s.plan);
  mfb::bridge::encoded_record rec;
  std::vector<mfb::bridge::field_error> errors;
  std::string_view json(reinterpret_cast<const char*>(data), size);
  bool ok = enc.encode(json, rec, errors);
  FUZZ_CHECK(rec.bytes.size() == s.layout.length);
  if (ok) {
    FUZZ_CHECK(errors.empty());
    FUZZ_CHECK(rec.odo_length >= s.layout.min_length && rec.odo_length <= s.layout.length);
  } else {
    FUZZ_CHECK(!errors.empty());
    for (const auto& e : errors) FUZZ_CHECK(!e.reason.empty());
  }
  return 0;
}
