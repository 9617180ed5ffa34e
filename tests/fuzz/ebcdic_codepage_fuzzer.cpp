// Fuzz the code page codecs with untrusted bytes: SBCS/mixed/DBCS decode (shift sequences),
// encoders fed arbitrary (often malformed) UTF-8, and NATIONAL. Buffers are sized exactly
// as the API promises, so an overrun shows under ASan. NATIONAL must round-trip exactly.
// Input: byte 0 picks the page, byte 1 the operation, the rest is the field.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <vector>

#include "mfb/ebcdic/code_page.hpp"

namespace {

using mfb::ebcdic::code_page;
using mfb::ebcdic::decode_status;

const code_page* page(std::uint8_t selector) {
  static const char* names[] = {"cp037", "cp1140", "cp273", "cp875", "cp930", "cp939",
                                "cp933", "cp935", "cp937", "cp1390", "cp1399", "ibm-16684"};
  static std::vector<code_page> pages = [] {
    std::vector<code_page> v;
    for (const char* n : names) v.push_back(*code_page::open(n));
    return v;
  }();
  return &pages[selector % pages.size()];
}

void check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const code_page& cp = *page(data[0]);
  const std::uint8_t op = data[1] % 6;
  const std::uint8_t* in = data + 2;
  const std::size_t len = size - 2;
  const std::string_view text(reinterpret_cast<const char*>(in), len);
  std::size_t written = 0;
  switch (op) {
    case 0: {
      std::vector<char> out(len * cp.max_utf8_per_byte());
      if (cp.decode(in, len, out.data(), written) == decode_status::ok)
        check(written <= out.size());
      break;
    }
    case 1: {
      std::vector<char> out(len * cp.max_utf8_per_byte());
      if (cp.decode_dbcs(in, len, out.data(), written) == decode_status::ok)
        check(written <= out.size());
      break;
    }
    case 2:
    case 3: {
      std::vector<std::uint8_t> out(len / 2 + 1);
      auto policy = op == 2 ? mfb::ebcdic::unmappable_policy::fail
                            : mfb::ebcdic::unmappable_policy::substitute;
      (void)cp.encode(text, out.data(), out.size(), policy);
      (void)cp.encode_dbcs(text, out.data(), out.size() & ~std::size_t{1}, policy);
      break;
    }
    case 4: {
      std::vector<char> out(len / 2 * 3 + 1);
      if (mfb::ebcdic::decode_national(in, len, out.data(), written) == decode_status::ok) {
        check(written <= out.size());
        std::vector<std::uint8_t> back(len);
        check(mfb::ebcdic::encode_national(std::string_view(out.data(), written), back.data(),
                                           back.size()) == decode_status::ok);
        check(len == 0 || std::memcmp(back.data(), in, len) == 0);
      }
      break;
    }
    default: {
      std::vector<std::uint8_t> out(len & ~std::size_t{1});
      (void)mfb::ebcdic::encode_national(text, out.data(), out.size());
      break;
    }
  }
  return 0;
}
