// Short IBM names of the EBCDIC CCSIDs (as in IBM's CCSID repository), so that
// `mfbridge codepages` tells a user which page belongs to which country or script.

#include <algorithm>
#include <iterator>

#include "code_page_impl.hpp"

namespace mfb::ebcdic::detail {
namespace {

struct ccsid_name {
  int ccsid;
  const char* name;
};

// Sorted by CCSID (checked by a test through list()).
constexpr ccsid_name names[] = {
    {37, "USA/Canada"},
    {273, "Germany/Austria"},
    {277, "Denmark/Norway"},
    {278, "Finland/Sweden"},
    {280, "Italy"},
    {284, "Spain/Latin America"},
    {285, "United Kingdom"},
    {290, "Japan Katakana (SBCS)"},
    {297, "France"},
    {420, "Arabic"},
    {424, "Hebrew"},
    {500, "International (Belgium/Switzerland)"},
    {803, "Hebrew (old code)"},
    {838, "Thai"},
    {870, "Latin-2 multilingual (Central Europe)"},
    {871, "Iceland"},
    {875, "Greek"},
    {918, "Urdu"},
    {930, "Japan Katakana-Kanji mixed"},
    {933, "Korea mixed"},
    {935, "Simplified Chinese mixed"},
    {937, "Traditional Chinese mixed"},
    {939, "Japan Latin-Kanji mixed"},
    {1025, "Cyrillic multilingual"},
    {1026, "Turkey (Latin-5)"},
    {1047, "Latin-1 open systems"},
    {1097, "Farsi (Persian)"},
    {1112, "Baltic multilingual"},
    {1122, "Estonia"},
    {1123, "Cyrillic Ukraine"},
    {1130, "Vietnam"},
    {1132, "Lao"},
    {1137, "Devanagari"},
    {1140, "USA/Canada with euro"},
    {1141, "Germany/Austria with euro"},
    {1142, "Denmark/Norway with euro"},
    {1143, "Finland/Sweden with euro"},
    {1144, "Italy with euro"},
    {1145, "Spain/Latin America with euro"},
    {1146, "United Kingdom with euro"},
    {1147, "France with euro"},
    {1148, "International with euro"},
    {1149, "Iceland with euro"},
    {1153, "Latin-2 multilingual with euro"},
    {1154, "Cyrillic multilingual with euro"},
    {1155, "Turkey with euro"},
    {1156, "Baltic multilingual with euro"},
    {1157, "Estonia with euro"},
    {1158, "Cyrillic Ukraine with euro"},
    {1160, "Thai with euro"},
    {1164, "Vietnam with euro"},
    {1364, "Korea mixed (extended)"},
    {1371, "Traditional Chinese mixed (extended, euro)"},
    {1388, "Simplified Chinese mixed (GBK)"},
    {1390, "Japan Katakana-Kanji mixed (extended, euro)"},
    {1399, "Japan Latin-Kanji mixed (extended, euro)"},
    {4517, "Arabic (variant)"},
    {4899, "Hebrew with euro"},
    {4971, "Greek with euro"},
    {5123, "Japan Latin (SBCS, extended, euro)"},
    {8482, "Japan Katakana (SBCS, extended, euro)"},
    {9067, "Greek (2005, euro)"},
    {12712, "Hebrew (new code, euro)"},
    {16684, "Japan DBCS (extended, euro)"},
    {16804, "Arabic with euro"},
};

}  // namespace

const char* describe_ccsid(int ccsid) noexcept {
  auto it = std::lower_bound(std::begin(names), std::end(names), ccsid,
                             [](const ccsid_name& n, int c) { return n.ccsid < c; });
  return it != std::end(names) && it->ccsid == ccsid ? it->name : nullptr;
}

}  // namespace mfb::ebcdic::detail
