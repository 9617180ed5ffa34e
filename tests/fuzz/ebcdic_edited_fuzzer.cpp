// Fuzz the numeric-edited decoder: byte 0 picks a picture, the rest is the field's text.
// decode() must return a status, never crash; whenever it says ok, editing the value it read
// must give back exactly the same text (decode accepts only what MOVE can produce).

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "mfb/ebcdic/edited.hpp"

namespace {

using namespace mfb::ebcdic;

const char* const pictures[] = {
    "ZZ,ZZ9.99",  "***,**9.99", "$$$,$$9.99",  "+++,++9",   "----9.99", "9(5)CR",
    "ZZZ9DB",     "Z(5)BZ9",    "99/99/99",    "$Z,ZZ9.99-", ".99",      "Z.ZZ",
    "****.**",    "+9(5).99",   "-ZZ9",        "ZZZ,ZZ9.99-", "9(3)B9(3)", "$$,$$$.$$CR",
};
constexpr std::size_t picture_count = sizeof pictures / sizeof pictures[0];

const std::vector<edit_pattern>& patterns() {
  static const std::vector<edit_pattern> all = [] {
    std::vector<edit_pattern> v;
    for (std::size_t i = 0; i < picture_count; ++i) {
      auto p = edit_pattern::compile(pictures[i], (i % 3) == 2);  // some BLANK WHEN ZERO
      if (!p) std::abort();
      v.push_back(std::move(*p));
    }
    return v;
  }();
  return all;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const edit_pattern& pat = patterns()[data[0] % picture_count];
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  if (text.size() > pat.length()) text = text.substr(0, pat.length());
  decimal value;
  if (pat.decode(text, value) != decode_status::ok) return 0;
  if (text.size() != pat.length()) std::abort();  // ok only for a whole field
  std::vector<char> again(pat.length());
  if (pat.encode(value, again.data()) != decode_status::ok) std::abort();
  if (std::string_view(again.data(), again.size()) != text) {
    std::fprintf(stderr, "decoded %s from '%.*s' but it edits as '%.*s'\n",
                 to_string(value).c_str(), static_cast<int>(text.size()), text.data(),
                 static_cast<int>(again.size()), again.data());
    std::abort();
  }
  return 0;
}
