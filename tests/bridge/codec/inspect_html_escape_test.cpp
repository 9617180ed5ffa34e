// html_escape: the five characters HTML gives meaning to in text and quoted attributes
// (HTML Living Standard, "escapingString") become references; control characters, which an
// HTML document may not hold, become Unicode's control pictures (U+2400 block); every other
// byte, UTF-8 included, stays as it is.

#include <gtest/gtest.h>

#include "mfb/bridge/codec/inspect_html.hpp"

namespace mfb::bridge {
namespace {

TEST(inspect_html, escapes_markup_characters) {
  const char* const cases[][2] = {
      {"<script>alert('x')</script>", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"},
      {"\"><img src=x onerror=a()>", "&quot;&gt;&lt;img src=x onerror=a()&gt;"},
      {"&amp;", "&amp;amp;"},
      {"\xc2\xa3 caf\xc3\xa9 plain", "\xc2\xa3 caf\xc3\xa9 plain"},
      {"tab\tnl\n\x01\x7f", "tab\tnl\n\xe2\x90\x81\xe2\x90\xa1"},  // U+2401, U+2421
      {"", ""}};
  for (const auto& [text, escaped] : cases) EXPECT_EQ(html_escape(text), escaped) << text;
  EXPECT_EQ(html_escape(std::string("\0\0", 2)), "\xe2\x90\x80\xe2\x90\x80");  // low-values: U+2400
}

TEST(inspect_html, page_has_no_script_and_escapes_every_field) {
  inspected_record r;
  r.number = 1;
  r.layout = "REC<1>";
  r.bytes = {0x4c, 0x6e};
  r.fields = {{"REC.A<b>", 0, 1, "PIC X", "4C", "\"<\"", ""}, {"REC.B", 1, 1, "PIC 9", "6E", "", "bad <byte>"}};
  auto page = inspect_html({"IN<PUT>", "cp037", 0}, {r});
  EXPECT_EQ(page.find("<script"), std::string::npos);
  EXPECT_EQ(page.find("<b>"), std::string::npos);
  EXPECT_EQ(page.find("<1>"), std::string::npos);
  EXPECT_NE(page.find("REC.A&lt;b&gt;"), std::string::npos);
  EXPECT_NE(page.find("bad &lt;byte&gt;"), std::string::npos);
  EXPECT_NE(page.find("Content-Security-Policy\" content=\"default-src 'none'"), std::string::npos);
}

}  // namespace
}  // namespace mfb::bridge
