// LayoutPrinter: the JSON document and the compiler-style listing of a layout. Expected
// values are worked out by hand from the copybook (IBM storage rules), not captured output.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "mfb/copybook/layout_printer.hpp"
#include "mfb/copybook/parse.hpp"

namespace mfb::copybook {
namespace {

const char* const kCopybook = R"(
       01  CUST-REC.
           05  CUST-ID          PIC 9(6).
           05  FILLER.
               10  CUST-NAME    PIC X(20).
           05  BAL              PIC S9(7)V99 COMP-3 VALUE ZERO.
           05  BAL-X REDEFINES BAL PIC X(5).
           05  STATUS-CD        PIC X.
               88  ACTIVE       VALUE 'A'.
               88  CLOSED       VALUES 'C' 'X' THRU 'Z'.
           05  N-ORD            PIC S9(4) COMP.
           05  ORD OCCURS 0 TO 3 TIMES DEPENDING ON N-ORD.
               10  ORD-AMT      PIC S9(5) SIGN LEADING SEPARATE.
       66  ID-AND-NAME RENAMES CUST-ID THRU CUST-NAME.
)";

std::vector<record_layout> records() {
  parse_result r = parse_copybook_text(kCopybook, "cust.cpy");
  EXPECT_TRUE(r.ok()) << to_string(r.diagnostics);
  return r.records;
}

const nlohmann::json& by_path(const nlohmann::json& fields, const std::string& path) {
  static const nlohmann::json none;
  for (const auto& f : fields) {
    if (f["path"] == path) return f;
  }
  ADD_FAILURE() << path << " missing";
  return none;
}

TEST(LayoutPrinter, JsonRecordAndFieldKeys) {
  nlohmann::json doc = nlohmann::json::parse(to_json(records()));
  ASSERT_EQ(doc["records"].size(), 1u);
  const auto& rec = doc["records"][0];
  EXPECT_EQ(rec["name"], "CUST-REC");
  // 6 + 20 + 5 + 1 + 2 + 3 x 6 = 52; with no orders 34.
  EXPECT_EQ(rec["length"], 52);
  EXPECT_EQ(rec["min_length"], 34);
  const auto& fields = rec["fields"];

  const auto& id = by_path(fields, "CUST-REC.CUST-ID");
  EXPECT_EQ(id["offset"], 0);
  EXPECT_EQ(id["length"], 6);
  EXPECT_EQ(id["level"], 5);
  EXPECT_EQ(id["usage"], "display");
  EXPECT_EQ(id["category"], "numeric");
  EXPECT_EQ(id["digits"], 6);
  EXPECT_EQ(id["signed"], false);
  EXPECT_TRUE(id["occurs"].is_null());
  EXPECT_TRUE(id["sign"].is_null());

  // FILLER is left out of the paths of its children, and has no path of its own.
  const auto& name = by_path(fields, "CUST-REC.CUST-NAME");
  EXPECT_EQ(name["offset"], 6);
  EXPECT_EQ(name["category"], "alphanumeric");

  const auto& bal = by_path(fields, "CUST-REC.BAL");
  EXPECT_EQ(bal["offset"], 26);
  EXPECT_EQ(bal["length"], 5);
  EXPECT_EQ(bal["usage"], "packed-decimal");
  EXPECT_EQ(bal["picture"], "S9(7)V99");
  EXPECT_EQ(bal["scale"], 2);
  EXPECT_EQ(bal["signed"], true);
  EXPECT_EQ(bal["value"], "ZERO");
  EXPECT_EQ(by_path(fields, "CUST-REC.BAL-X")["redefines"], "CUST-REC.BAL");

  const auto& st = by_path(fields, "CUST-REC.STATUS-CD");
  ASSERT_EQ(st["conditions"].size(), 2u);
  EXPECT_EQ(st["conditions"][1]["name"], "CLOSED");
  EXPECT_EQ(st["conditions"][1]["values"][1]["from"], "X");
  EXPECT_EQ(st["conditions"][1]["values"][1]["thru"], "Z");

  const auto& ord = by_path(fields, "CUST-REC.ORD");
  EXPECT_EQ(ord["offset"], 34);
  EXPECT_EQ(ord["length"], 6);
  EXPECT_EQ(ord["occurs"], 3);
  EXPECT_EQ(ord["occurs_min"], 0);
  EXPECT_EQ(ord["stride"], 6);
  EXPECT_EQ(ord["depending_on"], "CUST-REC.N-ORD");
  const auto& amt = by_path(fields, "CUST-REC.ORD.ORD-AMT");
  EXPECT_EQ(amt["sign"], "leading");
  EXPECT_EQ(amt["sign_separate"], true);

  const auto& ren = by_path(fields, "CUST-REC.ID-AND-NAME");
  EXPECT_EQ(ren["level"], 66);
  EXPECT_EQ(ren["offset"], 0);
  EXPECT_EQ(ren["length"], 26);
  EXPECT_EQ(ren["renames"]["from"], "CUST-REC.CUST-ID");
  EXPECT_EQ(ren["renames"]["thru"], "CUST-REC.CUST-NAME");

  int fillers = 0;
  for (const auto& f : fields) {
    if (f["name"] == "FILLER") {
      ++fillers;
      EXPECT_EQ(f["path"], "");
    }
  }
  EXPECT_EQ(fillers, 1);
}

TEST(LayoutPrinter, ListingShowsOneBasedPositions) {
  std::string text = to_listing(records());
  EXPECT_NE(text.find("RECORD CUST-REC  LENGTH 52  (MINIMUM 34)"), std::string::npos) << text;
  // BAL: bytes 27 to 31, 5 bytes, packed.
  std::string bal = text.substr(text.find("  05 BAL "));
  bal = bal.substr(0, bal.find('\n'));
  EXPECT_NE(bal.find("    27      31       5  S9(7)V99        PACKED-DECIMAL"), std::string::npos) << bal;
  EXPECT_NE(text.find("0 TO 3      DEPENDING ON N-ORD"), std::string::npos) << text;
  EXPECT_NE(text.find("BAL-X"), std::string::npos);
}

TEST(LayoutPrinter, UsageAndCategoryNames) {
  EXPECT_STREQ(to_string(usage::packed_decimal), "packed-decimal");
  EXPECT_STREQ(to_string(usage::comp_5), "comp-5");
  EXPECT_STREQ(to_string(category::numeric_edited), "numeric_edited");
  EXPECT_STREQ(to_string(category::group), "group");
}

}  // namespace
}  // namespace mfb::copybook
