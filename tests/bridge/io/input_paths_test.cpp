// Input paths, folders and globs (io/input_paths.hpp). The glob rules are Hadoop's
// (org.apache.hadoop.fs.GlobPattern and FileSystem.globStatus's documentation): `?` one
// character, `*` any run within a component, `[abc]`, `[a-c]`, `[^a]` and `[!a]`, `{a,b}`,
// `\` escapes; Cobrix's FileUtils lists each matched folder one level deep and hides names
// that start with `.` or `_`.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "mfb/bridge/io/input_paths.hpp"

namespace mfb::bridge {
namespace {

namespace fs = std::filesystem;

TEST(input_paths, glob_components_follow_hadoop) {
  EXPECT_TRUE(glob_component_matches("*.dat", "a.dat"));
  EXPECT_TRUE(glob_component_matches("*.dat", ".dat"));
  EXPECT_FALSE(glob_component_matches("*.dat", "a.dat.gz"));
  EXPECT_TRUE(glob_component_matches("a?c", "abc"));
  EXPECT_FALSE(glob_component_matches("a?c", "ac"));
  EXPECT_TRUE(glob_component_matches("[ab]x", "bx"));
  EXPECT_FALSE(glob_component_matches("[ab]x", "cx"));
  EXPECT_TRUE(glob_component_matches("[a-c]x", "bx"));
  EXPECT_FALSE(glob_component_matches("[^a]x", "ax"));
  EXPECT_TRUE(glob_component_matches("[!a]x", "bx"));
  EXPECT_TRUE(glob_component_matches("a\\*", "a*"));
  EXPECT_FALSE(glob_component_matches("a\\*", "ab"));
  EXPECT_TRUE(glob_component_matches("[x", "[x"));  // an unclosed class is a character
  EXPECT_TRUE(glob_component_matches("*a*b*", "xxaxxbxx"));
  EXPECT_FALSE(glob_component_matches("*a*b*", "xxbxxaxx"));
}

TEST(input_paths, braces_expand_in_order_and_nest) {
  EXPECT_EQ(expand_braces("d/{b,a}/*.dat"), (std::vector<std::string>{"d/b/*.dat", "d/a/*.dat"}));
  EXPECT_EQ(expand_braces("{x,y{1,2}}z"), (std::vector<std::string>{"xz", "y1z", "y2z"}));
  EXPECT_EQ(expand_braces("a\\{b,c}"), (std::vector<std::string>{"a\\{b,c}"}));
  EXPECT_EQ(expand_braces("a{b"), (std::vector<std::string>{"a{b"}));
}

class input_paths_tree : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("mfb_input_paths_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
             "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    for (const char* f : {"a/2.dat", "a/1.dat", "a/.h.dat", "a/_SUCCESS", "b/3.dat", "b/sub/4.dat"})
      touch(f);
    fs::create_directories(root_ / "empty");
  }
  void TearDown() override { fs::remove_all(root_); }
  void touch(const std::string& rel) {
    fs::create_directories((root_ / rel).parent_path());
    std::ofstream(root_ / rel) << "x";
  }
  std::string at(const std::string& rel) const { return (root_ / rel).string(); }
  fs::path root_;
};

TEST_F(input_paths_tree, folders_list_files_one_level_deep_sorted_and_not_hidden) {
  auto files = expand_input_paths({at("a")});
  ASSERT_TRUE(files) << files.err().message;
  EXPECT_EQ(*files, (std::vector<std::string>{at("a") + "/1.dat", at("a") + "/2.dat"}));
  files = expand_input_paths({at("*")});  // a, b, empty: b/sub is a folder, not entered
  ASSERT_TRUE(files) << files.err().message;
  EXPECT_EQ(*files, (std::vector<std::string>{at("a/1.dat"), at("a/2.dat"), at("b/3.dat")}));
}

TEST_F(input_paths_tree, patterns_keep_their_order_and_a_named_hidden_file_is_read) {
  auto files = expand_input_paths({at("b/*.dat"), at("a/.h.dat"), at("{a,b}/[12].dat")});
  ASSERT_TRUE(files) << files.err().message;
  EXPECT_EQ(*files, (std::vector<std::string>{at("b/3.dat"), at("a/.h.dat"), at("a/1.dat"),
                                              at("a/2.dat")}));
}

TEST_F(input_paths_tree, nothing_matched_is_an_error_naming_the_pattern) {
  auto files = expand_input_paths({at("a"), at("*/*.none")});
  ASSERT_FALSE(files);
  EXPECT_EQ(files.err().message, at("*/*.none") + ": matches no file");
  files = expand_input_paths({at("empty")});
  ASSERT_FALSE(files);
  EXPECT_NE(files.err().message.find("holds no input file"), std::string::npos);
  EXPECT_FALSE(expand_input_paths({at("a/.*")}));  // hidden names never match a glob
}

TEST_F(input_paths_tree, what_needs_expanding) {
  EXPECT_TRUE(names_several_files(at("a")));
  EXPECT_TRUE(names_several_files(at("*/1.dat")));
  EXPECT_FALSE(names_several_files(at("a/1.dat")));
  EXPECT_FALSE(names_several_files("-"));
  EXPECT_FALSE(names_several_files(at("missing.dat")));
  touch("odd[1].dat");  // an existing file is itself, glob characters or not
  EXPECT_FALSE(names_several_files(at("odd[1].dat")));
}

}  // namespace
}  // namespace mfb::bridge
