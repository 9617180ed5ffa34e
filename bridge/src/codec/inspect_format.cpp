// Text rendering for `mfbridge inspect`: the hex dump and the field table.

#include <algorithm>
#include <cstdio>

#include "mfb/bridge/codec/inspect.hpp"

namespace mfb::bridge {

std::string hex_dump(const std::uint8_t* rec, std::size_t size, const ebcdic::code_page& page) {
  std::string s;
  const std::uint32_t* table = page.sbcs_table();
  for (std::size_t line = 0; line < size; line += 16) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%08zx  ", line);
    s += buf;
    std::string chars;
    for (std::size_t i = line; i < line + 16; ++i) {
      if (i < size) {
        std::snprintf(buf, sizeof buf, "%02X ", rec[i]);
        s += buf;
        std::size_t n = 0;
        char u[8];
        std::uint32_t cp = table ? table[rec[i]] : 0;
        if (cp >= 0x20 && cp != 0x7F && !(cp >= 0x80 && cp < 0xA0) &&
            page.decode(rec + i, 1, u, n) == ebcdic::decode_status::ok && n > 0)
          chars.append(u, n);
        else
          chars += '.';
      } else {
        s += "   ";
      }
      if (i == line + 7) s += ' ';
    }
    s += " |" + chars + "|\n";
  }
  return s;
}

std::string format_fields(const std::vector<inspected_field>& fields) {
  std::size_t wpath = 5, wtype = 4;
  for (const auto& f : fields) {
    wpath = std::max(wpath, f.path.size());
    wtype = std::max(wtype, f.type.size());
  }
  auto pad = [](std::string s, std::size_t w) {
    s.resize(std::max(w, s.size()), ' ');
    return s;
  };
  std::string s = pad("FIELD", wpath) + "  OFFSET  LENGTH  " + pad("TYPE", wtype) + "  VALUE / HEX\n";
  for (const auto& f : fields) {
    char nums[32];
    std::snprintf(nums, sizeof nums, "  %6zu  %6zu  ", f.offset, f.length);
    s += pad(f.path, wpath) + nums + pad(f.type, wtype) + "  ";
    if (f.error.empty())
      s += f.value + "  [" + f.hex + "]\n";
    else
      s += "!! " + f.error + "  [" + f.hex + "]\n";
  }
  return s;
}

}  // namespace mfb::bridge
