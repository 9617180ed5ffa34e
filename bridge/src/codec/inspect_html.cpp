// The HTML page of `mfbridge inspect --html`. Static, escaped markup with one inline style
// sheet; the CSP meta tag forbids every script, so a value holding markup stays text even
// if some future edit forgot to escape it.

#include "mfb/bridge/codec/inspect_html.hpp"

#include <algorithm>
#include <cstdio>

namespace mfb::bridge {

namespace {

constexpr const char* page_head =
    "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
    "<title>mfbridge inspect: ";

constexpr const char* page_style =
    "<style>\n"
    "body{font:14px/1.4 system-ui,sans-serif;margin:1em;color:#1d2330}\n"
    ".hex,td.mono{font-family:ui-monospace,'DejaVu Sans Mono',monospace;font-size:12px}\n"
    ".hex{border:1px solid #dde2ea;padding:.5em;margin:.5em 0}.addr{color:#8a94a6;margin-right:1em}\n"
    "table{border-collapse:collapse}th,td{border-bottom:1px solid #dde2ea;padding:2px 8px;text-align:left;vertical-align:top}\n"
    "th{background:#eef1f6}td.num{text-align:right}.reason{color:#b00020;font-weight:600}tr.bad td{background:#ffecef}\n"
    ".c0{background:#dbe8ff}.c1{background:#dff5e3}.c2{background:#fff1d6}.c3{background:#f1e3ff}.c4{background:#dcf5f5}"
    ".c5{background:#f7e1e8}.none{color:#8a94a6}.byte.bad{background:#b00020;color:#fff}\n"
    "</style>\n</head>\n<body>\n";

std::string hex2(std::uint8_t b) {
  char buf[4];
  std::snprintf(buf, sizeof buf, "%02X", b);
  return buf;
}

// The hex grid: 16 bytes a line, each byte coloured as its row in the field table (the first
// field in offset order that covers it), bad fields' bytes marked.
void hex_grid(const inspected_record& r, std::string& out) {
  std::vector<int> owner(r.bytes.size(), -1);
  for (std::size_t i = r.fields.size(); i-- > 0;) {
    const auto& f = r.fields[i];
    for (std::size_t b = f.offset; b < std::min(f.offset + f.length, r.bytes.size()); ++b) owner[b] = static_cast<int>(i);
  }
  out += "<div class=\"hex\">\n";
  for (std::size_t line = 0; line < r.bytes.size(); line += 16) {
    char addr[24];
    std::snprintf(addr, sizeof addr, "%06zx", line);
    out += "<div><span class=\"addr\">" + std::string(addr) + "</span>";
    for (std::size_t b = line; b < std::min(line + 16, r.bytes.size()); ++b) {
      int o = owner[b];
      std::string cls = o < 0 ? "none" : "c" + std::to_string(o % 6);
      if (o >= 0 && !r.fields[static_cast<std::size_t>(o)].error.empty()) cls += " bad";
      out += "<span class=\"byte " + cls + "\">" + hex2(r.bytes[b]) + "</span> ";
    }
    out += "</div>\n";
  }
  out += "</div>\n";
}

void field_table(const inspected_record& r, std::string& out) {
  out += "<table>\n<thead><tr><th>Field</th><th>Offset</th><th>Length</th><th>Type</th><th>Bytes</th>"
         "<th>Value</th></tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < r.fields.size(); ++i) {
    const auto& f = r.fields[i];
    bool bad = !f.error.empty();
    out += std::string("<tr class=\"c") + std::to_string(i % 6) + (bad ? " bad" : "") + "\"><td class=\"mono\">" +
           html_escape(f.path) + "</td><td class=\"num\">" + std::to_string(f.offset) + "</td><td class=\"num\">" +
           std::to_string(f.length) + "</td><td>" + html_escape(f.type) + "</td><td class=\"mono\">" + html_escape(f.hex) +
           "</td>" + (bad ? "<td class=\"reason\">&#x2716; " + html_escape(f.error) : "<td class=\"value\">" + html_escape(f.value)) +
           "</td></tr>\n";
  }
  out += "</tbody>\n</table>\n";
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: {
        // A control character (low-values in a text field decode to U+0000) is not text HTML
        // may hold: show its Unicode control picture, U+2400 + c (U+2421 for DEL).
        auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t' && c != '\n' && c != '\r') || u == 0x7F) {
          unsigned pic = u == 0x7F ? 0x2421u : 0x2400u + u;
          out += static_cast<char>(0xE0 | (pic >> 12));
          out += static_cast<char>(0x80 | ((pic >> 6) & 0x3F));
          out += static_cast<char>(0x80 | (pic & 0x3F));
        } else {
          out += c;
        }
      }
    }
  }
  return out;
}

std::string inspect_html(const inspect_page_info& info, const std::vector<inspected_record>& records) {
  std::string out = page_head;
  out += html_escape(info.input) + "</title>\n" + page_style;
  out += "<h1>" + html_escape(info.input) + "</h1>\n<p>Code page " + html_escape(info.codepage) + "; " +
         std::to_string(records.size()) + (records.size() == 1 ? " record" : " records") + " shown";
  if (info.left_out > 0) out += "; " + std::to_string(info.left_out) + " more left out";
  out += ". Written by mfbridge inspect.</p>\n";
  for (const auto& r : records) {
    std::size_t bad = static_cast<std::size_t>(
        std::count_if(r.fields.begin(), r.fields.end(), [](const inspected_field& f) { return !f.error.empty(); }));
    out += "<section>\n<h2>" + (r.number ? "Record " + std::to_string(r.number) : std::string("Record")) +
           " at file offset " + std::to_string(r.file_offset) + "</h2>\n<p>" + std::to_string(r.bytes.size()) +
           " bytes, layout " + html_escape(r.layout) + ", " +
           (bad ? std::to_string(bad) + (bad == 1 ? " bad field" : " bad fields") : std::string("no bad field")) + "</p>\n";
    hex_grid(r, out);
    field_table(r, out);
    out += "</section>\n";
  }
  if (!info.stopped.empty()) out += "<p class=\"reason\">Reading stopped: " + html_escape(info.stopped) + "</p>\n";
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace mfb::bridge
