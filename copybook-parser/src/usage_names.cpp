// The spellings of each USAGE, in one table: the layout JSON's lowercase word, the COBOL
// standard's keyword (messages, DDL comments) and IBM's short form (inspect, OpenAPI).

#include "mfb/copybook/layout_printer.hpp"

namespace mfb::copybook {

namespace {

struct usage_spellings {
  usage use;
  const char* json;
  const char* keyword;
  const char* short_form;
};

constexpr usage_spellings spellings[] = {
    {usage::display, "display", "DISPLAY", "DISPLAY"},
    {usage::display_1, "display-1", "DISPLAY-1", "DISPLAY-1"},
    {usage::national, "national", "NATIONAL", "NATIONAL"},
    {usage::binary, "binary", "BINARY", "COMP"},
    {usage::comp_5, "comp-5", "COMP-5", "COMP-5"},
    {usage::comp_1, "comp-1", "COMP-1", "COMP-1"},
    {usage::comp_2, "comp-2", "COMP-2", "COMP-2"},
    {usage::packed_decimal, "packed-decimal", "PACKED-DECIMAL", "COMP-3"},
    {usage::pointer, "pointer", "POINTER", "POINTER"},
    {usage::index, "index", "INDEX", "INDEX"},
};

const usage_spellings& spelling(usage u) {
  for (const auto& s : spellings)
    if (s.use == u) return s;
  return spellings[0];  // not reached: every usage has a row
}

}  // namespace

const char* to_string(usage u) { return spelling(u).json; }
const char* usage_keyword(usage u) { return spelling(u).keyword; }
const char* usage_short_name(usage u) { return spelling(u).short_form; }

}  // namespace mfb::copybook
