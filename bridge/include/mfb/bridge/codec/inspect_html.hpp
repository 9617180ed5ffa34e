#pragma once
// `mfbridge inspect --html`: one record, or every record of a file, as a self-contained HTML
// page to attach to a ticket: the hex with each field's bytes coloured, the decoded values,
// and the reason beside each bad field. Rendered on this side as escaped text: the page has
// no script at all, and its Content-Security-Policy allows none.

#include <cstdint>
#include <string>
#include <vector>

#include "mfb/bridge/codec/inspect.hpp"

namespace mfb::bridge {

/// One inspected record of the page.
struct inspected_record {
  std::uint64_t number = 0;       ///< 1-based; 0 when framed from an offset
  std::uint64_t file_offset = 0;
  std::string layout;             ///< the 01 record decoded
  std::vector<std::uint8_t> bytes;
  std::vector<inspected_field> fields;
};

/// What the page says about where the records come from.
struct inspect_page_info {
  std::string input;      ///< the file's name
  std::string codepage;
  std::uint64_t left_out = 0;  ///< records not shown (past the page's limit)
  std::string stopped{};       ///< why reading stopped early (bad framing), shown after the records
};

/// Render the page. Every text from the data or the copybook is HTML-escaped.
std::string inspect_html(const inspect_page_info& info, const std::vector<inspected_record>& records);

/// Escape `text` for HTML element content and quoted attribute values (& < > " '); control
/// characters become their Unicode control pictures (U+2400 + c, U+2421 for DEL).
std::string html_escape(std::string_view text);

}  // namespace mfb::bridge
