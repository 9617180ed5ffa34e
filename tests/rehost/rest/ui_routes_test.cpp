// The web inspector's embedded files, served in-process (no socket): every file the page
// names is built in, each answer carries the strict headers, and nothing else is served.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <string>

#include "mfb/rehost/rest/service.hpp"
#include "rest/ui/ui_assets.hpp"

namespace mfb::rehost {
namespace {

http_response get(service& s, const std::string& path) {
  http_request r;
  r.method = "GET";
  r.path = path;
  return s.handle(r);
}

std::string header(const http_response& r, const std::string& name) {
  for (const auto& [k, v] : r.headers)
    if (k == name) return v;
  return {};
}

TEST(rehost_ui, every_file_the_page_names_is_embedded) {
  std::string index;
  for (const auto& a : detail::ui_assets())
    if (a.name == "index.html") index = std::string(a.bytes);
  ASSERT_FALSE(index.empty());
  std::regex ref(R"re((?:src|href)="/ui/([^"]+)")re");
  int named = 0;
  for (std::sregex_iterator it(index.begin(), index.end(), ref), end; it != end; ++it, ++named) {
    std::string file = (*it)[1];
    bool found = false;
    for (const auto& a : detail::ui_assets()) found = found || a.name == file;
    EXPECT_TRUE(found) << file << " is named by index.html but not embedded";
  }
  EXPECT_GE(named, 8);  // the style sheet, the icon and the seven scripts
}

// The build step embeds the source folder as it is, byte for byte.
TEST(rehost_ui, embedded_files_are_the_source_files) {
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(MFB_SOURCE_DIR "/rehost/src/rest/ui/assets")) {
    ++files;
    std::ifstream in(entry.path(), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    bool same = false;
    for (const auto& a : detail::ui_assets()) same = same || (a.name == entry.path().filename().string() && a.bytes == bytes);
    EXPECT_TRUE(same) << entry.path() << " differs from its embedded copy";
  }
  EXPECT_EQ(files, detail::ui_assets().size());
}

TEST(rehost_ui, served_without_a_key_with_strict_headers) {
  server_config cfg;
  cfg.api_keys.push_back({"k", sha256_digest{}, {"read:*"}});
  service s(cfg);
  auto page = get(s, "/ui/");
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(page.content_type, "text/html; charset=utf-8");
  std::string csp = header(page, "Content-Security-Policy");
  EXPECT_NE(csp.find("default-src 'self'"), std::string::npos);
  EXPECT_NE(csp.find("script-src 'self';"), std::string::npos);
  EXPECT_EQ(csp.find("unsafe"), std::string::npos);
  EXPECT_EQ(header(page, "X-Content-Type-Options"), "nosniff");
  auto js = get(s, "/ui/app.js");
  EXPECT_EQ(js.status, 200);
  EXPECT_EQ(js.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(get(s, "/ui/app.css").content_type, "text/css; charset=utf-8");
  auto missing = get(s, "/ui/keys.yaml");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(header(missing, "X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(get(s, "/ui/%2e%2e%2fREADME.md").status, 404);
  auto moved = get(s, "/ui");
  EXPECT_EQ(moved.status, 308);
  EXPECT_EQ(header(moved, "Location"), "/ui/");
  // Only GET: the inspector is read-only.
  http_request post;
  post.method = "POST";
  post.path = "/ui/";
  EXPECT_EQ(s.handle(post).status, 405);
}

}  // namespace
}  // namespace mfb::rehost
