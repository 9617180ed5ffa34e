// Did-you-mean: the closest data names to a misspelt one, by edit distance.

#include "mfb/copybook/name_lookup.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "mfb/copybook/parse.hpp"

namespace mfb::copybook {
namespace {

record_layout taxpayer() {
  parse_result r = parse_copybook_text(R"(
       01  TP-REC.
           05  TP-KEY.
               10  TP-TIN      PIC 9(9).
               10  TP-SEQ      PIC 9(3).
           05  TP-NAME         PIC X(30).
           05  TP-BALANCE      PIC S9(9)V99 COMP-3.
           05  FILLER          PIC X(10).
)",
                                       "tp.cpy");
  EXPECT_TRUE(r.ok()) << to_string(r.diagnostics);
  return r.records.front();
}

TEST(NameLookup, SuggestsTheClosestNamesFirst) {
  record_layout r = taxpayer();
  auto names = item_names({&r});
  EXPECT_EQ(closest_names("TP-KEYS", names), (std::vector<std::string>{"TP-KEY"}));
  EXPECT_EQ(closest_names("TP-KEQ", names),
            (std::vector<std::string>{"TP-KEY", "TP-SEQ", "TP-REC"}));
  EXPECT_EQ(closest_names("tp_name", names), (std::vector<std::string>{"TP-NAME"}));
  EXPECT_TRUE(closest_names("ADDRESS-LINE-3", names).empty());
  EXPECT_EQ(did_you_mean("TP-NAM", names), " (did you mean TP-NAME?)");
  EXPECT_EQ(did_you_mean("ZZZZZZZZZ", names), "");
}

TEST(NameLookup, NamesAndPathsButNoFiller) {
  record_layout r = taxpayer();
  auto names = item_names({&r});
  EXPECT_NE(std::find(names.begin(), names.end(), "TP-REC.TP-KEY.TP-TIN"), names.end());
  EXPECT_EQ(std::find(names.begin(), names.end(), "FILLER"), names.end());
}

TEST(NameLookup, CheckItemNameRefusesWithSuggestions) {
  record_layout r = taxpayer();
  EXPECT_EQ(check_item_name("--key", "tp-key", {&r}), "");
  EXPECT_EQ(check_item_name("--key", "TP-KEY.TP-TIN", {&r}), "");
  EXPECT_EQ(check_item_name("--key", "TP-KEYS", {&r}),
            "--key TP-KEYS: no item of that name in the copybook (did you mean TP-KEY?)");
  // A group is no elementary item: --raw TP-KEY is refused, elementary names suggested.
  EXPECT_EQ(check_item_name("--raw", "TP-KEY", {&r}, true),
            "--raw TP-KEY: no elementary item of that name in the copybook (did you mean "
            "TP-SEQ?)");
}

}  // namespace
}  // namespace mfb::copybook
