// --codepage: page names win over files, so a stray file called "cp037" in the working
// folder cannot change what a known name means.

#include "mfb/bridge/codec/open_code_page.hpp"

#include <filesystem>
#include <system_error>

namespace mfb::bridge {

result<ebcdic::code_page> open_code_page(const std::string& name_or_file) {
  auto page = ebcdic::code_page::open(name_or_file);
  if (page) return page;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(name_or_file, ec)) return page;
  return ebcdic::code_page::from_table_file(name_or_file);
}

}  // namespace mfb::bridge
