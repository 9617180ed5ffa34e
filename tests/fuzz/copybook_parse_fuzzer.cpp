// Fuzz target for the copybook parser: any text in, diagnostics out. A crash, a hang or
// a sanitizer report is a bug; any diagnostic, however odd, is fine.
//
// COPY statements are resolved against no include folder (the options name none), so
// a fuzzed COPY can only fail to find its member: the target never reads files that the
// input names.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "mfb/copybook/layout_printer.hpp"
#include "mfb/copybook/parse.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const mfb::copybook::parse_result result =
      mfb::copybook::parse_copybook_text(text, "fuzz.cpy", mfb::copybook::parse_options::defaults());
  // Render the layouts and the diagnostics too: the printers walk every index the
  // resolver produced (parent, children, REDEFINES, ODO object), so bad indexes show up.
  static volatile std::size_t sink = 0;
  sink = sink + mfb::copybook::to_json(result.records).size() +
         mfb::copybook::to_listing(result.records).size() +
         mfb::copybook::to_string(result.diagnostics).size();
  return 0;
}
